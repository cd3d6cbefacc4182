"""Where the shipped content and assets are: beside the `game` package in a source checkout,
inside it (as `game/content`, `game/assets`) after `pip install .`."""

from __future__ import annotations

import os
import re

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # .../game
_ROOT = os.path.dirname(_PACKAGE)


def _find(name: str) -> str:
    beside = os.path.join(_ROOT, name)
    if os.path.isdir(beside) and os.path.isfile(os.path.join(_ROOT, "pyproject.toml")):
        return beside
    inside = os.path.join(_PACKAGE, name)
    return inside if os.path.isdir(inside) else beside


def content_dir() -> str:
    return _find("content")


def assets_dir() -> str:
    return _find("assets")


def asset_roots(dirs: list[str]) -> list[str]:
    """Folders an asset path may be found in: each content folder's assets/, then the game's."""
    roots = [os.path.join(d, "assets") for d in dirs if os.path.isdir(os.path.join(d, "assets"))]
    roots.append(assets_dir())
    return roots


_DRIVE = re.compile(r"^[A-Za-z]:")


def unconfined(rel: str) -> str:
    """Why a path written in content would leave its folder on some computer, or "" when it stays
    inside: it must be relative (no '/', '\\', 'C:' or '~' at the start), use '/' between folders,
    never '..', and hold no ':' (a Windows drive or stream) and no control character."""
    if not rel:
        return "it is empty"
    if rel.startswith(("/", "~")) or _DRIVE.match(rel):
        return "it starts at the top of a disk or a home folder"
    if "\\" in rel:
        return "it uses '\\'; write '/' between folders"
    if ":" in rel or any(ord(c) < 32 or ord(c) == 127 for c in rel):
        return "it holds ':' or a control character"
    if any(part in ("..", "") for part in rel.split("/")):
        return "it goes up a folder ('..') or has an empty part ('//')"
    return ""


def confined_file(root: str, rel: str) -> str | None:
    """`root/rel` when `rel` is confined (see `unconfined`), that file exists and it resolves inside
    `root` (a link out of the folder is not followed); else None."""
    if unconfined(rel):
        return None
    path = os.path.join(root, rel)
    if not os.path.isfile(path):
        return None
    real, top = os.path.realpath(path), os.path.realpath(root)
    return path if real.startswith(top.rstrip(os.sep) + os.sep) else None
