"""Files on disk: where the user's files live, and writing them so that a crash never leaves half a file.

Everything the game writes (saves, settings, result files, reports, the compiled cache, kiosk counts)
goes through `write_atomic`.
"""

from __future__ import annotations

import os
import time

from . import userdirs


def data_dir() -> str:
    """Where saves and settings live: $NEIGHBOUR_HOME, else the platform's user data folder."""
    return userdirs.data_dir()


def write_atomic(path: str, data: bytes) -> None:
    """Replace `path` with `data` so that a crash never leaves a partial file behind."""
    folder = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    _remove_stale_temporaries(folder, os.path.basename(path))
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable (POSIX)
        try:
            fd = os.open(folder, os.O_DIRECTORY)
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def _remove_stale_temporaries(folder: str, name: str) -> None:
    """Delete the half-written temporary files that writers of `name` killed mid-write left behind
    (one per crash, or they would pile up); a temporary file of a writer still running is kept."""
    prefix, suffix = f".{name}.", ".tmp"
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(suffix)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(prefix):-len(suffix)]
        if pid.isdigit() and _writer_gone(int(pid), entry.path):
            try:
                os.remove(entry.path)
            except OSError:
                pass


def _writer_gone(pid: int, path: str) -> bool:
    if pid == os.getpid():
        return True  # this process writes one file at a time, so an old one of ours is stale
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:  # elsewhere (os.kill(pid, 0) would interrupt the process on Windows), go by age
        return time.time() - os.path.getmtime(path) > 3600
    except OSError:
        return False
