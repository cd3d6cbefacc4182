"""Every text a player reads, under a stable key: what translators translate.

A text's key says where it lives in the content, in the words an author uses: the section, the name,
the field, with a list item named by its `id` where it has one (`scenes/hs_arrival/choices/ask_ingrid/
text`) and by its place otherwise (`scenes/hs_arrival/variants/0/text`). The key is the PO file's
`msgctxt`; the text in the content's main language is its `msgid`.

`messages(loaded)` lists them in file order; `progress(loaded)` counts, for each language, the texts
translated, stale (translated from an English that has changed since) and missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..load.sources import Loaded
from ..rules.compiled import Text

PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}:!]*)(?:![rsa])?(?::([^{}]*))?\}")


@dataclass(slots=True)
class Message:
    """One translatable text."""

    key: str                 # where it lives (msgctxt)
    source: str              # the text in the main language (msgid)
    path: str                # the file it is written in, as shown in messages
    line: int
    text: Text               # the live per-language texts (translations are filled in here)

    @property
    def section(self) -> str:
        return self.key.split("/", 1)[0]

    def note(self) -> str:
        """What the text is, for the translator: 'scene hs_arrival: choices/ask_ingrid/text'."""
        parts = self.key.split("/")
        if parts[0] == "strings":
            names = placeholders(self.source)
            hint = f"; keep {', '.join('{' + n + '}' for n in names)}" if names else ""
            return f"interface text {'/'.join(parts[1:])}{hint}"
        what = {"scenes": "scene", "campaigns": "campaign", "characters": "character", "places": "place",
                "facts": "fact", "phases": "phase", "roles": "role", "principles": "principle",
                "warnings": "content warning", "activities": "activity", "scenarios": "scenario",
                "variables": "variable", "model": "model"}.get(parts[0], parts[0])
        return f"{what} {parts[1] if len(parts) > 1 else ''}: {'/'.join(parts[2:])}".rstrip(": ")


def placeholders(text: str) -> list[str]:
    """The names of the values an interface text is filled with ({day}, {n:second|seconds})."""
    return sorted({m.group(1) for m in PLACEHOLDER.finditer(text)})


def plural_forms(text: str) -> dict[str, int]:
    """For each placeholder that lists word forms ({n:second|seconds}), how many forms it lists."""
    return {m.group(1): len(m.group(2).split("|")) for m in PLACEHOLDER.finditer(text)
            if m.group(2) and "|" in m.group(2)}


def default_language(data: dict[str, Any]) -> str:
    langs = data.get("languages") or {}
    return next((k for k, v in langs.items() if v.get("default")), next(iter(langs), "en"))


def messages(loaded: Loaded) -> list[Message]:
    """Every translatable text once, in the order the files define them."""
    if loaded.ctx is None:
        return []
    default = default_language(loaded.data)
    out: dict[str, Message] = {}
    for text, path, mark, key in loaded.ctx.texts:
        source = text.get("") if "" in text else text.get(default)
        if source is None or key in out:
            continue
        out[key] = Message(key, source, path, mark[0], text)
    return list(out.values())


@dataclass(slots=True)
class Progress:
    total: int = 0
    translated: int = 0
    stale: int = 0
    missing: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, "translated": self.translated, "stale": self.stale,
                "missing": self.missing}


def progress(loaded: Loaded) -> dict[str, Progress]:
    """For each language other than the main one: texts translated (up to date), stale and missing."""
    default = default_language(loaded.data)
    stale = loaded.ctx.stale if loaded.ctx else {}
    out: dict[str, Progress] = {}
    msgs = messages(loaded)
    for lang in loaded.data.get("languages") or {}:
        if lang == default:
            continue
        p = out[lang] = Progress(total=len(msgs))
        old = stale.get(lang, {})
        for m in msgs:
            if lang not in m.text:
                p.missing += 1
            elif m.key in old:
                p.stale += 1
            else:
                p.translated += 1
    return out
