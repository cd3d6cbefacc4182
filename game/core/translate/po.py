"""Translations in and out as gettext PO files, which Poedit, Weblate and Crowdin read and write.

`export_po` writes one entry per text: its key as `msgctxt`, the English as `msgid`, the translation
(if any) as `msgstr`, the file and line it comes from as a reference, and a note saying what it is.
A stale translation is marked fuzzy, with the English it was made from as the previous msgid (`#|`),
so the translator's tool shows what changed.

`read_po` checks a translated file completely before anything is written: the syntax line by line,
the language in its header, duplicate and unknown texts, placeholders that do not match the English,
and the number of word forms. Every problem is a `file:line` message. `overlay_text` turns the
checked entries into the overlay file `translate import` writes (see `overlay.py`).
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]  # typed where types-PyYAML is installed

from ..diagnostics import Report, did_you_mean
from ..reading import ReadError, decode_text, read_bytes
from .catalog import Message
from .overlay import placeholder_problem
from .plural import PluralError, parse

# a line of a PO file: a comment, a keyword with a quoted string, or a continued quoted string
_STRING = r'"(?:[^"\\]|\\.)*"'
_LINE = re.compile(rf'^\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?)\s+{_STRING}|{_STRING})\s*$')
_ESCAPE = re.compile(r'\\(.)')
_VALID_ESCAPES = set('\\"ntr')
MAX_PO_BYTES = 16 * 1024 * 1024


@dataclass
class Checked:
    """What a PO file holds once it has passed every check."""

    lang: str
    name: str
    plural: str
    entries: list[tuple[str, str, str, bool]] = field(default_factory=list)  # key, from, text, fuzzy


def export_po(msgs: list[Message], lang: str, name: str, plural: str, stale: dict[str, str]) -> Any:
    """A polib POFile of every text, with what is translated into `lang` already filled in."""
    import polib  # type: ignore[import-untyped]
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Neighbour",
        "POT-Creation-Date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M+0000"),
        "Language": lang,
        "Language-Team": name,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural,
        "X-Generator": "neighbour translate export",
    }
    # References relative to the folder above the content ("content/ui/strings.yaml:5"), as in any PO
    # file: the same on every translator's machine, and no one's home folder in the file.
    base = os.path.dirname(os.path.commonpath([os.path.abspath(m.path) for m in msgs])) if msgs else ""
    for m in msgs:
        where = os.path.relpath(os.path.abspath(m.path), base).replace(os.sep, "/") if base else m.path
        entry = polib.POEntry(msgctxt=m.key, msgid=m.source, msgstr=m.text.get(lang, ""),
                              occurrences=[(where, str(m.line))], comment=m.note())
        if m.key in stale and entry.msgstr:
            entry.flags.append("fuzzy")
            if stale[m.key] != m.source:
                entry.previous_msgid = stale[m.key]
        po.append(entry)
    return po


def _syntax(path: str, text: str, report: Report) -> None:
    """Every line is a comment, a keyword with a quoted string, or a continued string."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if not _LINE.match(line):
            report.error(path, number, 1, "expected a comment (#), a keyword (msgctxt, msgid, msgstr) with "
                                          f"a quoted text, or a quoted text continuing the one above; found "
                                          f"'{line.strip()[:40]}'", code="P801")
            continue
        for esc in _ESCAPE.finditer(line):
            if esc.group(1) not in _VALID_ESCAPES:
                report.error(path, number, esc.start() + 1, f"unknown escape '\\{esc.group(1)}'; write "
                                                            "\\\\ for a backslash", code="P801")


def read_po(path: str, shown: str, lang: str, msgs: list[Message], report: Report) -> Checked | None:
    """The translations in a PO file, checked against the content's texts; None after reporting."""
    import polib
    try:
        raw = read_bytes(path, MAX_PO_BYTES)
    except ReadError as exc:
        if "too large" in exc.message:
            report.error(shown, 1, 1, f"expected a PO file of at most {MAX_PO_BYTES // (1024 * 1024)} MB",
                         code="P802")
        else:
            report.error(shown, 1, 1, f"cannot read the file: it {exc.message}", code="P802")
        return None
    try:
        text = decode_text(raw)
    except ReadError as exc:
        report.error(shown, exc.line, 1, "expected UTF-8 text (save the file as UTF-8)", code="P803")
        return None
    _syntax(shown, text, report)
    if not report.ok:
        return None
    try:
        po = polib.pofile(text, wrapwidth=0)
    except (OSError, ValueError) as exc:
        m = re.search(r"line (\d+)", str(exc))
        report.error(shown, int(m.group(1)) if m else 1, 1, f"not a valid PO file: {exc}", code="P801")
        return None
    header_lang = (po.metadata.get("Language") or "").strip().replace("_", "-")
    if header_lang.lower() != lang.lower():
        found = f"'{header_lang}'" if header_lang else "no language"
        report.error(shown, 1, 1, f"expected a translation into '{lang}', but the file's header names "
                                  f"{found} (Language: ...)", code="P804")
    plural = (po.metadata.get("Plural-Forms") or "").strip()
    try:
        forms = parse(plural)[0]
    except PluralError as exc:
        report.error(shown, 1, 1, f"the header's Plural-Forms cannot be used: {exc}", code="P805")
        forms = 2
    by_key = {m.key: m for m in msgs}
    seen: dict[tuple[str, str], int] = {}
    out = Checked(lang, (po.metadata.get("Language-Team") or lang).split("<")[0].strip() or lang, plural)
    for entry in po:
        if entry.obsolete:
            continue
        line = entry.linenum or 1
        ident = (entry.msgctxt or "", entry.msgid)
        if ident in seen:
            report.error(shown, line, 1, f"the text '{entry.msgctxt}' is here twice; the first is at line "
                                         f"{seen[ident]}", code="P806")
            continue
        seen[ident] = line
        if entry.msgid_plural:
            report.error(shown, line, 1, "expected no msgid_plural: word forms go inside the placeholder, "
                                         "like {n:form1|form2}", code="P807")
            continue
        msg = by_key.get(entry.msgctxt or "")
        if msg is None:
            report.error(shown, line, 1, f"unknown text '{entry.msgctxt}'{did_you_mean(entry.msgctxt or '', by_key)}"
                                         "; export a fresh PO file and translate that one", code="P808")
            continue
        if not entry.msgstr:
            continue
        problem = placeholder_problem(msg.source, entry.msgstr, forms)
        if problem:
            report.error(shown, line, 1, f"{entry.msgctxt}: {problem}", code="P809")
            continue
        out.entries.append((msg.key, entry.msgid, entry.msgstr, "fuzzy" in entry.flags))
    return out if report.ok else None


def overlay_text(checked: Checked, source_name: str, declare: bool = True) -> str:
    """The overlay file for the checked translations (see overlay.py), as YAML."""
    body: dict[str, Any] = {}
    for key, source, text, fuzzy in checked.entries:
        entry: dict[str, Any] = {"from": source, "text": text}
        if fuzzy:
            entry["fuzzy"] = True
        body[key] = entry
    language: dict[str, Any] = {"name": checked.name}
    if checked.plural:
        language["plural"] = checked.plural
    head = (f"# {checked.name} for Neighbour, made by `translate import` from {source_name}.\n"
            f"# Edit the PO file and import it again rather than editing this file by hand.\n")
    doc: dict[str, Any] = {"languages": {checked.lang: language}} if declare else {}
    doc["translations"] = {checked.lang: body}
    return head + str(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100000,
                                     default_flow_style=False))
