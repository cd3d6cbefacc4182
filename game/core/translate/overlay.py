"""Languages as overlays: a folder that adds a language without touching the shipped files.

An overlay is a content folder (passed with `--content`) holding a file like this one, which
`translate import` writes from a PO file:

    languages:
      sv: {name: Svenska, plural: "nplurals=2; plural=(n != 1);"}
    translations:
      sv:
        scenes/hs_arrival/text:
          from: "Unit C4 is a corridor of light wood..."   # the English it was translated from
          text: "Avdelning C4 är en korridor i ljust trä..."
          fuzzy: true                                      # the translator has not confirmed it

When the content loads, each translation fills its language's slot in the text it names, exactly as a
text written side by side (`{en: ..., nb: ...}`) does, so the game, lint and the reports see one kind
of text whichever way a language arrived. A translation whose `from` differs from the English now in
the content is stale: it is still shown (closer to the player's language than English would be), lint
counts it, and the next export marks it fuzzy with the old English beside the new.
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Report, did_you_mean
from ..load.schema_types import F, Bool, Ctx, Obj, Str, Table
from .catalog import PLACEHOLDER, default_language, placeholders, plural_forms
from .plural import PluralError, parse, plural_count

KEY = Str(what="a text's key such as scenes/hs_arrival/text (as in the PO file's msgctxt)",
          pattern=re.compile(r"[a-z][a-z0-9_]*/[^\s]+$"))

ENTRY = Obj({
    "from": F(Str(), True, "The text in the main language that this translation was made from."),
    "text": F(Str(), True, "The translation."),
    "fuzzy": F(Bool(), doc="The translator marked it as needing another look (Poedit: 'needs work')."),
}, "One translated text.", name="translation")

LANGUAGE_TRANSLATIONS = Table(ENTRY, "A language's translations by text key.", key=KEY)


def apply(data: dict[str, Any], ctx: Ctx, report: Report) -> None:
    """Fill every overlay translation into the text it names; report unknown keys, undeclared languages
    and placeholders that do not match the main language's."""
    for lang, spec in (data.get("languages") or {}).items():
        if spec.get("plural"):
            try:
                parse(spec["plural"])
            except PluralError as exc:
                report.error(*_at(spec), f"the plural rule of '{lang}' cannot be used: {exc}", code="T607")
    overlays = data.pop("translations", None) or {}  # once applied, the texts hold them
    if not overlays:
        return
    by_key = {key: text for text, _path, _mark, key in ctx.texts}
    default = default_language(data)
    langs = data.get("languages") or {}
    for lang, entries in overlays.items():
        if lang not in langs:
            first = next(iter(entries.values()), None)
            where = _at(first) if first else ("content", 1, 1)
            report.error(*where, f"translations into '{lang}', a language that is not declared; add "
                                 f"languages: {{{lang}: {{name: ...}}}}{did_you_mean(lang, langs)}", code="T603")
            continue
        if lang == default:
            first = next(iter(entries.values()), None)
            report.error(*(_at(first) if first else ("content", 1, 1)),
                         f"translations into '{lang}', the main language; translate into another", code="T604")
            continue
        count = plural_count(lang, langs[lang].get("plural"))
        stale = ctx.stale.setdefault(lang, {})
        ctx.overlay_langs.add(lang)
        for key, entry in entries.items():
            text = by_key.get(key)
            if text is None:
                report.warning(*_at(entry), f"translation of an unknown text '{key}' (was it renamed or "
                                            f"removed?){did_you_mean(key, by_key)}", code="T605")
                continue
            source = (text.get("") if "" in text else text.get(default)) or ""
            problem = placeholder_problem(source, entry["text"], count)
            if problem:
                report.error(*_at(entry), f"translation of '{key}': {problem}", code="T606")
                continue
            text[lang] = entry["text"]
            if entry.get("fuzzy") or entry["from"] != source:
                stale[key] = entry["from"]


def placeholder_problem(source: str, translation: str, forms: int) -> str:
    """Why a translation's placeholders do not fit the original's, or '' when they do."""
    want, got = placeholders(source), placeholders(translation)
    if want != got:
        missing = [n for n in want if n not in got]
        extra = [n for n in got if n not in want]
        parts = []
        if missing:
            parts.append("missing " + ", ".join("{" + n + "}" for n in missing))
        if extra:
            parts.append("unknown " + ", ".join("{" + n + "}" for n in extra))
        return f"placeholders do not match the original ({'; '.join(parts)})"
    wanted = plural_forms(source)
    given = {m.group(1): len(m.group(2).split("|")) if m.group(2) is not None else 0
             for m in PLACEHOLDER.finditer(translation) if m.group(1) in wanted}
    for name, n in given.items():
        if n != forms:
            return (f"{{{name}:...}} lists {n} word form(s); this language has {forms} "
                    f"(write them as {{{name}:{'|'.join(f'form{i + 1}' for i in range(forms))}}})")
    if translation.count("{") != translation.count("}") or not _balanced(translation):
        return "a '{' or '}' without its partner; write {{ or }} for a brace itself"
    return ""


def _balanced(text: str) -> bool:
    stripped = PLACEHOLDER.sub("", text.replace("{{", "").replace("}}", ""))
    return "{" not in stripped and "}" not in stripped


def _at(entry: dict[str, Any]) -> tuple[str, int, int]:
    path, line, col = entry.get("@", "content:1:1").rsplit(":", 2)
    return path, int(line), int(col)
