"""The commands of `python main.py COMMAND`, one module each.

Each module names its command and help line (`NAME`, `HELP`), adds its options to a parser
(`add_arguments`) and runs it (`run(args) -> exit status`). Importing one is cheap: the work it does
is imported when it runs. To add a command, write its module and list it in `COMMANDS`.
"""

from __future__ import annotations

COMMANDS = ("lint", "simulate", "play_text", "schema", "report", "translate", "graph", "reference", "web",
            "kiosk")
