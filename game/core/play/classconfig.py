"""The class config: a small YAML file a teacher puts beside the game for every machine of a class.

    # neighbour-class.yaml
    results_folder: //school-server/neighbour/8B     # where every student's result file goes
    lang: nb                                         # the language the game opens in
    session: HALDEN7                                 # the session code (fixes the events)
    campaign: resident_lesson                        # the story to play (a lesson cut when there is one)

Every key is optional. It is read like content (core/load/yamlsafe.py: no tags, no code, bounded
size), and every problem is a diagnostic at file:line:col: a syntax error, an unknown key (with the
nearest name), a value of the wrong kind, a language or campaign the story does not have. A bad
value is left out and the rest is used. The game looks for it with `--class-config FILE`, else as
`neighbour-class.yaml` in the folder the game was started from, then beside the game itself.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from typing import Any

from ..content import Content
from ..diagnostics import Report
from ..load.yamlsafe import YMap, read_file

FILE_NAME = "neighbour-class.yaml"
KEYS = ("results_folder", "lang", "session", "campaign")
CODE = re.compile(r"^[A-Za-z0-9-]{1,10}$")


@dataclass
class ClassConfig:
    path: str | None = None
    results_folder: str | None = None
    lang: str | None = None
    session: str | None = None
    campaign: str | None = None


def find(explicit: str | None, game_dir: str) -> str | None:
    """The class config to read: the one named, else neighbour-class.yaml in the current folder,
    then in the game's folder; None when there is none."""
    if explicit:
        return explicit
    for folder in (os.getcwd(), game_dir):
        path = os.path.join(folder, FILE_NAME)
        if os.path.isfile(path):
            return path
    return None


def read(path: str, content: Content | None = None) -> tuple[ClassConfig, Report]:
    """The class config in `path`, checked against the story when `content` is given."""
    cfg, report = ClassConfig(path=path), Report()
    if not os.path.exists(path):
        report.error(path, 1, 1, "the class config file does not exist", "K200")
        return cfg, report
    data, problems = read_file(path, max_bytes=64 * 1024)
    report.extend(problems)
    if data is None:
        return cfg, report
    if not isinstance(data, YMap):
        report.error(path, 1, 1, "expected settings as 'name: value' lines (" + ", ".join(KEYS) + ")", "K201")
        return cfg, report
    for key, value in data.items():
        line, col, _ = data.value_mark(key)
        kline, kcol, _ = data.key_mark(key)
        if key not in KEYS:
            near = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; known settings: {', '.join(KEYS)}"
            report.error(path, kline, kcol, f"unknown setting '{key}'{hint}", "K210")
            continue
        problem = _problem(key, value, content)
        if problem:
            report.error(path, line, col, f"{key}: {problem}; left out", "K211")
            continue
        setattr(cfg, key, os.path.expanduser(value) if key == "results_folder" else value)
    return cfg, report


def _problem(key: str, value: Any, content: Content | None) -> str:
    if not isinstance(value, str) or not value.strip():
        return f"expected text, found {value!r}"
    if key == "session" and not CODE.match(value):
        return f"expected a code of 1 to 10 letters, digits or '-', found '{value}'"
    if key == "lang" and content is not None and value not in content.languages:
        return f"expected one of the story's languages ({', '.join(content.languages)}), found '{value}'"
    if key == "campaign" and content is not None:
        camp = content.campaigns.get(value)
        if camp is None:
            near = difflib.get_close_matches(value, list(content.campaigns), n=1)
            return f"the story has no campaign '{value}'" + (f"; did you mean '{near[0]}'?" if near else "")
    return ""


def lesson_campaign(content: Content, role: str, named: str | None = None) -> str | None:
    """The campaign a class plays for `role`: the one the config names when it is that role's, else
    the role's lesson cut (`kind: lesson`) when the story has one, else its full story."""
    if named and named in content.campaigns and content.campaigns[named].role == role:
        return named
    for cid, camp in content.campaigns.items():
        if camp.role == role and getattr(camp, "kind", None) == "lesson":
            return cid
    from .campaigns import campaign_for_role
    return campaign_for_role(content, role)
