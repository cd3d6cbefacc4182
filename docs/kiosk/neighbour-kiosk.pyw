"""Neighbour museum kiosk launcher for Windows. Run it with pythonw.exe, which opens no console window:

    %USERPROFILE%\\neighbour\\.venv\\Scripts\\pythonw.exe %USERPROFILE%\\neighbour\\neighbour-kiosk.pyw

(a shortcut with that target in shell:startup, or a Task Scheduler task "At log on"; docs/kiosk.md).
It starts the game in kiosk mode with kiosk.json from its own folder and starts it again when it stops:
after 2 seconds when it crashed or was killed, after 30 seconds when no story could be loaded (status 3,
the out-of-order card). A staff exit (status 0) ends the launcher too, leaving the desktop to staff.
What the game prints goes to neighbour-kiosk-output.log beside this file (there is no console to see).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_OF_ORDER = 3


def game_command(config: str) -> list[str]:
    """The game, run by this same (windowless) Python, so it opens no console either."""
    code = "import sys; from game.cli import main; sys.exit(main(sys.argv[1:]))"
    return [sys.executable, "-c", code, "--kiosk", "--kiosk-config", config]


def supervise(command: list[str], output: str, sleep=time.sleep, limit: int | None = None) -> int:
    """Run `command` until it exits with status 0; the number of runs. `limit` stops it (tests)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    runs = 0
    while limit is None or runs < limit:
        runs += 1
        with open(output, "ab") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} starting the kiosk\n".encode())
            log.flush()
            status = subprocess.call(command, stdout=log, stderr=log, creationflags=flags)
            log.write(f"--- the kiosk ended with status {status}\n".encode())
        if status == 0:
            break
        sleep(30 if status == OUT_OF_ORDER else 2)
    return runs


if __name__ == "__main__":
    supervise(game_command(os.path.join(HERE, "kiosk.json")), os.path.join(HERE, "neighbour-kiosk-output.log"))
