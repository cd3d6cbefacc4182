"""The generated parts of docs/content-format.md: every name the shipped content defines that an
author may use, lint's rule codes, and the field reference, each between marker comments.

`python main.py reference` rewrites them from the content and the code; `--check` says whether the
guide is current (a test runs it), so the guide never lists a place that is gone or misses a field.
"""

from __future__ import annotations

import re
from typing import Any

from .codes import CODES
from .load.crosscheck import campaign_slots
from .load.schema import SECTIONS
from .load.schema_types import List, Obj, OneOf, T, Table
from .load.sources import Loaded

MARK = "<!-- generated: {name} (python main.py reference) -->"
END = "<!-- end of generated: {name} -->"


def _en(text: Any) -> str:
    if not isinstance(text, dict):
        return ""
    value = text.get("") or text.get("en") or next(iter(text.values()), "")
    return " ".join(str(value).split())


def _row(items: dict[str, Any], describe: Any) -> list[str]:
    return [f"| `{key}` | {describe(value)} |" for key, value in items.items()]


def names_markdown(loaded: Loaded) -> str:
    """Tables of the names an author may use, as the content defines them."""
    d = loaded.data
    model = d.get("model") or {"variables": {}}
    parts: list[tuple[str, list[str]]] = [
        ("Model variables (`trust`, `jonas.trust`)",
         _row(model["variables"], lambda v: f"{v['kind']}: {_en(v['name'])}")),
        ("Story variables", _row(d.get("variables", {}), lambda v: f"{v['type']}: {_en(v.get('description'))}")),
        ("Places (`place:`)", _row(d.get("places", {}), lambda v: _en(v["name"]))),
        ("Characters (`speaker:`, `residents:`)",
         _row(d.get("characters", {}), lambda v: _en(v["name"]) + (" (modelled)" if v.get("model") else ""))),
        ("Activities (`tags:`, `did()`)", _row(d.get("activities", {}), lambda v: f"{_en(v['name'])} ({v['policy']})")),
        ("Phases (`phase:`, `phases:`)", _row(d.get("phases", {}), lambda v: _en(v["name"]))),
        ("Content warnings (`warning:`)", _row(d.get("warnings", {}), lambda v: _en(v["name"]))),
        ("Facts (`fact:`)", _row(d.get("facts", {}), lambda v: _en(v["text"])[:90])),
        ("Principles (`follows:`, `breaks:`, `principle()`)", _row(d.get("principles", {}), lambda v: _en(v["name"]))),
        ("Roles", _row(d.get("roles", {}), lambda v: _en(v["name"]))),
        ("Campaigns (`campaigns:` of an event)",
         _row(d.get("campaigns", {}), lambda v: f"{v['role']}: {_en(v['title'])}")),
        ("Scenarios (`scenarios:`)", _row(d.get("scenarios", {}), lambda v: _en(v["title"]))),
    ]
    slots = {cid: ", ".join(f"`{s}`" for s in sorted(campaign_slots(c)))
             for cid, c in d.get("campaigns", {}).items()}
    parts.append(("Slots (`slots:` of an event), by campaign", [f"| `{k}` | {v} |" for k, v in slots.items()]))
    pools = sorted({s["event"]["pool"] for s in d.get("scenes", {}).values() if s.get("event", {}).get("pool")})
    out = []
    for title, rows in parts:
        out += [f"#### {title}", "", "| name | what |", "|---|---|", *rows, ""]
    out += ["#### Pools (`draw:`)", "", ", ".join(f"`{p}`" for p in pools), ""]
    return "\n".join(out)


def codes_markdown() -> str:
    rows = [f"| `{code}` | {what} |" for code, what in CODES.items()]
    return "\n".join(["| code | what it finds |", "|---|---|", *rows, ""])


def _fields(t: T) -> str:
    if isinstance(t, Obj):
        inner = [f"**`{k}`**" if f.required else f"`{k}`" for k, f in t.fields.items()]
        return ", ".join(inner)
    return ""


def _walk(t: T, path: str, out: list[str], seen: set[int]) -> None:
    if id(t) in seen:
        return
    seen.add(id(t))
    if isinstance(t, Obj):
        out.append(f"- **{path}**: {_fields(t)}")
        for k, f in t.fields.items():
            _walk(f.type, f"{path}.{k}", out, seen)
    elif isinstance(t, (List, Table)):
        _walk(t.item, path, out, seen)
    elif isinstance(t, OneOf):
        for _, sub in t.choices:
            _walk(sub, path, out, seen)


def fields_markdown() -> str:
    """Every section's entries and their fields (required ones in bold), nested ones below."""
    out: list[str] = []
    seen: set[int] = set()
    for section, (_kind, entry, _doc) in SECTIONS.items():
        _walk(entry, f"{section}.*name*" if section not in ("model", "strings") else section, out, seen)
    return "\n".join(out) + "\n"


def update(text: str, name: str, body: str) -> str:
    """`text` with the generated part `name` replaced by `body` (added at the end when missing)."""
    start, end = MARK.format(name=name), END.format(name=name)
    block = f"{start}\n\n{body}\n{end}"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if pattern.search(text):
        return pattern.sub(lambda _m: block, text)
    return text.rstrip("\n") + "\n\n" + block + "\n"


def regenerate(text: str, loaded: Loaded) -> str:
    for name, body in (("names", names_markdown(loaded)), ("codes", codes_markdown()),
                       ("fields", fields_markdown())):
        text = update(text, name, body)
    return text


__all__ = ["codes_markdown", "fields_markdown", "names_markdown", "regenerate", "update"]
