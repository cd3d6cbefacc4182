"""The compiled content as JSON: how checked content crosses into the browser edition.

    text = dumps(loaded.data)            # at build time, from content that loaded without errors
    content, report = load_json(text)    # in the page (Pyodide): no YAML parser, no marshal

The payload is the loader's normalised data without positions (as the compiled cache keeps it).
JSON has no tuples and the data holds many (compiled rule trees), so a tuple is written as an object
with the single key TUPLE; nothing else in checked content is a dict with that key, because content
ids cannot hold a NUL character. The file says its own format and the content format it holds; a
file of another format is refused with a message, never guessed at.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from ..content import Content
from ..diagnostics import Report
from .build import build
from .cache import _strip_positions
from .sources import SCHEMA_VERSION

log = logging.getLogger("neighbour")

FORMAT = 1
TUPLE = "\0tuple"


def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, tuple):
        return {TUPLE: [_encode(v) for v in value]}
    return value


def _decode(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and TUPLE in obj:
        return tuple(obj[TUPLE])
    return obj


def dumps(data: dict[str, Any]) -> str:
    """The normalised content data as versioned JSON text."""
    payload = {"neighbour": "content", "format": FORMAT, "schema": SCHEMA_VERSION,
               "data": _encode(_strip_positions(data))}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(text: str) -> dict[str, Any]:
    """The normalised data in a JSON content file; ValueError when it is not one this code reads."""
    payload = json.loads(text, object_hook=_decode)
    if not isinstance(payload, dict) or payload.get("neighbour") != "content":
        raise ValueError("not a Neighbour content file")
    if payload.get("format") != FORMAT or payload.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"content format {payload.get('format')}/{payload.get('schema')}, "
                         f"this game reads {FORMAT}/{SCHEMA_VERSION}")
    data = payload.get("data")
    if not isinstance(data, dict) or "scenes" not in data:
        raise ValueError("the content file holds no scenes")
    return data


def load_json(text: str, name: str = "content.json") -> tuple[Content | None, Report]:
    """Content from its JSON form; None and one error in the report when the file cannot be used.
    Never raises for anything the file can hold."""
    report = Report()
    try:
        return build(loads(text)), report
    except ValueError as exc:
        report.error(name, 1, 1, str(exc))
    except Exception:  # noqa: BLE001 - never a traceback for a damaged file
        log.exception("content could not be built from %s", name)
        report.error(name, 1, 1, "the content could not be built; see the log")
    return None, report
