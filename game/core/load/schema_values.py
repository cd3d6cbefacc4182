"""The leaves of the content schema: the located-value checks for one value (a text, a number, a name).

Each check reads a value from `yamlsafe` (so it knows its `file:line:col`), reports what was expected
and what was found, and returns the value normalised to plain data. `schema_types` builds the shapes
(lists, tables, records, rules) on these.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Report, by_meaning, did_you_mean
from ..paths import unconfined
from ..rules.compile import Symbols, Usage
from .yamlsafe import Mark, YList, YMap

INVALID = object()
ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*$")
LANG_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")


@dataclass
class Ctx:
    """What a check needs to know: where it is, the content's names, and where to report."""

    path: str
    report: Report
    ids: dict[str, set[str]]
    symbols: Symbols
    usage: Usage
    # every text a player reads: (its per-language texts, file, position, key for translators)
    texts: list[tuple[dict[str, Any], str, Mark, str]] = field(default_factory=list)
    item_ids: dict[str, str] = field(default_factory=dict)  # list item's pointer -> its id
    stale: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> key -> the English it was from
    overlay_langs: set[str] = field(default_factory=set)  # languages that came as translations
    names: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> name -> its English name
    refs: dict[str, dict[str, list[tuple[str, Mark]]]] = field(default_factory=dict)
    assets: list[tuple[str, str, Mark]] = field(default_factory=list)

    def error(self, mark: Mark, message: str, code: str = "S100") -> Any:
        self.report.error(self.path, mark[0], mark[1], message, code)
        return INVALID

    def warning(self, mark: Mark, message: str, code: str = "S100") -> None:
        self.report.warning(self.path, mark[0], mark[1], message, code)

    def note_ref(self, kind: str, key: str, mark: Mark) -> None:
        self.refs.setdefault(kind, {}).setdefault(key, []).append((self.path, mark))


# the code of a name that is not defined, by what it should name
NAME_CODES = {"place": "N201", "scene": "N202", "character": "N203", "phase": "N204", "activity": "N205",
              "principle": "N206", "warning": "N207", "fact": "N208", "campaign": "N209", "scenario": "N210",
              "role": "N211", "variable": "N212"}


def text_key(ptr: str, item_ids: dict[str, str]) -> str:
    """The stable key of the text checked at `ptr` (translators see it as msgctxt): the pointer, with
    each list item named by its id where it has one: scenes/hs_arrival/choices/ask_ingrid/text."""
    parts = ptr.split("/")
    return "/".join((item_ids.get("/".join(parts[: i + 1])) if part.isdigit() else None) or part
                    for i, part in enumerate(parts))


def describe(value: Any) -> str:
    """How a found value is named in messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if isinstance(value, float) else f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f'the text "{short}"'
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


def offset_mark(mark: Mark, text: str, pos: int) -> Mark:
    """The file position of character `pos` inside a scalar that starts at `mark`."""
    line, col, style = mark
    before = text[:pos]
    newlines = before.count("\n")
    if style in ("|", ">") or newlines:
        # block scalars start on the next line; we cannot know the indentation, so point at the line
        return (line + newlines + (1 if style in ("|", ">") else 0), 1 if newlines or style else col, style)
    return (line, col + pos + (1 if style in ('"', "'") else 0), style)


class T:
    """Base type. `check` returns the normalised value or INVALID (after reporting)."""

    doc = ""

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:  # pragma: no cover
        raise NotImplementedError

    def json(self) -> dict[str, Any]:  # pragma: no cover
        raise NotImplementedError

    def expected(self) -> str:
        return "a value"


class Str(T):
    def __init__(self, doc: str = "", pattern: re.Pattern[str] | None = None, what: str = "a text"):
        self.doc = doc
        self.pattern = pattern
        self.what = what

    def expected(self) -> str:
        return self.what

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not self.pattern:
            value = str(value)
        if not isinstance(value, str):
            return ctx.error(mark, f"expected {self.what}, found {describe(value)}", code="S120")
        if self.pattern and not self.pattern.match(value):
            return ctx.error(mark, f"expected {self.what}, found {describe(value)}", code="S120")
        return value

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if self.pattern:
            out["pattern"] = "^" + self.pattern.pattern
        return out


class Id(Str):
    def __init__(self, doc: str = ""):
        super().__init__(doc, ID_PATTERN, "a name of lowercase letters, digits and '_' (like kitchen_row)")


class Ref(Str):
    """The name of something defined elsewhere in the content (a scene, a place...)."""

    def __init__(self, kind: str, doc: str = "", extra: tuple[str, ...] = ()):
        super().__init__(doc, None, f"the name of a {kind}")
        self.kind = kind
        self.extra = extra

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(value, str):
            return ctx.error(mark, f"expected the name of a {self.kind}, found {describe(value)}", code="N200")
        if value in self.extra:
            return value
        known = ctx.ids.get(self.kind, set())
        if value not in known:
            more = f" or {', '.join(repr(e) for e in self.extra)}" if self.extra else ""
            hint = did_you_mean(value, known | set(self.extra)) or by_meaning(value, ctx.names.get(self.kind, {}))
            article = "an" if self.kind[0] in "aeiou" else "a"
            return ctx.error(mark, f"unknown {self.kind} '{value}'{hint}; expected the name of {article} "
                                   f"{self.kind}{more}", NAME_CODES.get(self.kind, "N200"))
        ctx.note_ref(self.kind, value, mark)
        return value

    def json(self) -> dict[str, Any]:
        # the names themselves are listed once, under $defs (see schema.json_schema), for completion
        ref = {"$ref": f"#/$defs/{self.kind}"}
        return {"anyOf": [ref, {"enum": list(self.extra)}]} if self.extra else ref


class Num(T):
    def __init__(self, doc: str = "", lo: float | None = None, hi: float | None = None,
                 integer: bool = False):
        self.doc, self.lo, self.hi, self.integer = doc, lo, hi, integer

    def expected(self) -> str:
        what = "a whole number" if self.integer else "a number"
        if self.lo is not None and self.hi is not None:
            what += f" from {self.lo:g} to {self.hi:g}"
        elif self.lo is not None:
            what += f" of at least {self.lo:g}"
        return what

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and self.integer and isinstance(value, float):
            ok = value.is_integer()
        if ok and (value != value or value in (math.inf, -math.inf)):  # NaN, infinity
            ok = False
        if ok and ((self.lo is not None and value < self.lo) or (self.hi is not None and value > self.hi)):
            ok = False
        if not ok:
            return ctx.error(mark, f"expected {self.expected()}, found {describe(value)}", code="S121")
        return int(value) if self.integer else value

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.lo is not None:
            out["minimum"] = self.lo
        if self.hi is not None:
            out["maximum"] = self.hi
        return out


class Bool(T):
    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(value, bool):
            return ctx.error(mark, f"expected true or false, found {describe(value)}", code="S122")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Enum(T):
    def __init__(self, values: tuple[str, ...], doc: str = ""):
        self.values, self.doc = values, doc

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if value not in self.values or not isinstance(value, str):
            shown = value if isinstance(value, str) else describe(value)
            hint = did_you_mean(value, self.values) if isinstance(value, str) else ""
            return ctx.error(mark, f"expected one of {', '.join(self.values)}; found '{shown}'{hint}", code="S123")
        return value

    def json(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


class Any_(T):
    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if isinstance(value, (YMap, YList)):
            return ctx.error(mark, f"expected a single value, found {describe(value)}", code="S124")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": ["string", "number", "boolean"]}


class Text(T):
    """Words the player reads: a plain string (in the content's main language) or one per language.

        text: "The kettle clicks off."
        text: {en: "The kettle clicks off.", nb: "Vannkokeren slår seg av."}
    """

    def __init__(self, doc: str = "", neutral: bool = False):
        self.doc = doc
        self.neutral = neutral  # a plain string is the same in every language (a person's name)

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if isinstance(value, str):
            out = {"": value}
            if self.neutral:
                return out
        elif isinstance(value, YMap):
            out = {}
            for lang, text in value.items():
                if not LANG_PATTERN.match(lang):
                    hint = ("; a comma inside {...} starts a new entry, so put the text in quotes"
                            if " " in lang or not lang.isascii() else "")
                    ctx.error(value.key_mark(lang), f"expected a language code such as en or nb, "
                                                    f"found '{lang}'{hint}", code="S125")
                    continue
                if not isinstance(text, str):
                    if isinstance(text, (int, float)) and not isinstance(text, bool):
                        text = str(text)
                    else:
                        ctx.error(value.value_mark(lang), f"expected the text in '{lang}', found "
                                                          f"{describe(text)}", code="S126")
                        continue
                out[lang] = text
            if not out:
                return ctx.error(mark, "expected at least one language's text, found none", code="S127")
        else:
            return ctx.error(mark, f"expected a text, or texts per language like "
                                   f"{{en: ..., nb: ...}}; found {describe(value)}", code="S128")
        ctx.texts.append((out, ctx.path, mark, text_key(ptr, ctx.item_ids)))
        return out

    def json(self) -> dict[str, Any]:
        return {"oneOf": [{"type": "string"},
                          {"type": "object", "additionalProperties": {"type": "string"},
                           "propertyNames": {"pattern": "^" + LANG_PATTERN.pattern}}]}


class Asset(Str):
    """A file under assets/, such as places/workshop.svg."""

    def __init__(self, doc: str = ""):
        super().__init__(doc, None, "a path under assets/")

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        value = super().check(value, mark, ctx, ptr)
        if value is INVALID:
            return value
        why = unconfined(value)
        if why:  # on every computer: no '/', 'C:', '\\' or '..' that could leave the content folder
            return ctx.error(mark, f"expected a relative path under assets/ such as places/workshop.svg, "
                                   f"found '{value[:80]}' ({why})", code="A702")
        ctx.assets.append((value, ctx.path, mark))
        return value


