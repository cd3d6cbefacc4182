"""The user's folders, found the platform's way (platformdirs): where saves and settings live, where
caches go, and where result files go by default.

    data_dir()      $NEIGHBOUR_HOME, else ~/.local/share/neighbour, %APPDATA%\\Neighbour,
                    ~/Library/Application Support/Neighbour
    cache_dir()     $NEIGHBOUR_CACHE, else ~/.cache/neighbour, %LOCALAPPDATA%\\Neighbour\\Cache,
                    ~/Library/Caches/Neighbour
    results_dir()   "Neighbour results" in the user's Documents folder, wherever it really is: on
                    Windows the known-folder look-up follows a Documents folder redirected to another
                    drive or to OneDrive; on Linux the XDG user-dirs file; the home folder when there
                    is no Documents folder at all

The folders are the ones earlier versions used, so saves made before are found.
"""

from __future__ import annotations

import os
import sys


def _name() -> str:
    return "neighbour" if sys.platform.startswith("linux") else "Neighbour"


def data_dir() -> str:
    override = os.environ.get("NEIGHBOUR_HOME")
    if override:
        return override
    import platformdirs  # here: only a start-up without $NEIGHBOUR_HOME pays for it
    return platformdirs.user_data_dir(_name(), appauthor=False, roaming=True)


def cache_dir() -> str:
    override = os.environ.get("NEIGHBOUR_CACHE")
    if override:
        return override
    import platformdirs
    return platformdirs.user_cache_dir(_name(), appauthor=False)


def results_dir() -> str:
    import platformdirs
    docs = platformdirs.user_documents_dir()
    home = os.path.expanduser("~")
    return os.path.join(docs if os.path.isdir(docs) else home, "Neighbour results")
