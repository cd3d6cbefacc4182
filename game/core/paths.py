"""Where the shipped content and assets are: beside the `game` package in a source checkout,
inside it (as `game/content`, `game/assets`) after `pip install .`."""

from __future__ import annotations

import os

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
