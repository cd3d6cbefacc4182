"""The building blocks of the content schema: small type objects that check located YAML values.

Each type checks a value read by `yamlsafe` (so it knows the value's `file:line:col`), reports
what was expected and what was found, and returns the value normalised to plain data (dicts, lists,
tuples, strings and numbers) that the content builder and the compiled cache use. Each type can
also describe itself as JSON Schema, so authors' editors can complete and check content.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from ..rules import parse as rules
from ..rules.compile import BOOL, NUMBER, CompileError, Symbols, Usage, compile_condition, compile_effects
from ..diagnostics import Report, did_you_mean
from ..spec import content_fields
from .yamlsafe import Mark, YList, YMap  # noqa: F401 - YList: spec factories pick shapes by it

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
    texts: list[tuple[dict, str, Mark]] = field(default_factory=list)
    refs: dict[str, dict[str, list[tuple[str, Mark]]]] = field(default_factory=dict)
    assets: list[tuple[str, str, Mark]] = field(default_factory=list)

    def error(self, mark: Mark, message: str) -> Any:
        self.report.error(self.path, mark[0], mark[1], message)
        return INVALID

    def warning(self, mark: Mark, message: str) -> None:
        self.report.warning(self.path, mark[0], mark[1], message)

    def note_ref(self, kind: str, key: str, mark: Mark) -> None:
        self.refs.setdefault(kind, {}).setdefault(key, []).append((self.path, mark))


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

    def json(self) -> dict:  # pragma: no cover
        raise NotImplementedError

    def expected(self) -> str:
        return "a value"


class Str(T):
    def __init__(self, doc: str = "", pattern: re.Pattern | None = None, what: str = "a text"):
        self.doc = doc
        self.pattern = pattern
        self.what = what

    def expected(self) -> str:
        return self.what

    def check(self, value, mark, ctx, ptr):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not self.pattern:
            value = str(value)
        if not isinstance(value, str):
            return ctx.error(mark, f"expected {self.what}, found {describe(value)}")
        if self.pattern and not self.pattern.match(value):
            return ctx.error(mark, f"expected {self.what}, found {describe(value)}")
        return value

    def json(self):
        out: dict = {"type": "string"}
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

    def check(self, value, mark, ctx, ptr):
        if not isinstance(value, str):
            return ctx.error(mark, f"expected the name of a {self.kind}, found {describe(value)}")
        if value in self.extra:
            return value
        known = ctx.ids.get(self.kind, set())
        if value not in known:
            more = f" or {', '.join(repr(e) for e in self.extra)}" if self.extra else ""
            return ctx.error(mark, f"expected the name of a {self.kind}{more}, found unknown "
                                   f"'{value}'{did_you_mean(value, known | set(self.extra))}")
        ctx.note_ref(self.kind, value, mark)
        return value

    def json(self):
        return {"type": "string", "description": f"name of a {self.kind}"}


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

    def check(self, value, mark, ctx, ptr):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and self.integer and isinstance(value, float):
            ok = value.is_integer()
        if ok and value != value:  # NaN
            ok = False
        if ok and ((self.lo is not None and value < self.lo) or (self.hi is not None and value > self.hi)):
            ok = False
        if not ok:
            return ctx.error(mark, f"expected {self.expected()}, found {describe(value)}")
        return int(value) if self.integer else value

    def json(self):
        out: dict = {"type": "integer" if self.integer else "number"}
        if self.lo is not None:
            out["minimum"] = self.lo
        if self.hi is not None:
            out["maximum"] = self.hi
        return out


class Bool(T):
    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, mark, ctx, ptr):
        if not isinstance(value, bool):
            return ctx.error(mark, f"expected true or false, found {describe(value)}")
        return value

    def json(self):
        return {"type": "boolean"}


class Enum(T):
    def __init__(self, values: tuple[str, ...], doc: str = ""):
        self.values, self.doc = values, doc

    def check(self, value, mark, ctx, ptr):
        if value not in self.values or not isinstance(value, str):
            shown = value if isinstance(value, str) else describe(value)
            hint = did_you_mean(value, self.values) if isinstance(value, str) else ""
            return ctx.error(mark, f"expected one of {', '.join(self.values)}; found '{shown}'{hint}")
        return value

    def json(self):
        return {"enum": list(self.values)}


class Any_(T):
    def __init__(self, doc: str = ""):
        self.doc = doc

    def check(self, value, mark, ctx, ptr):
        if isinstance(value, (YMap, YList)):
            return ctx.error(mark, f"expected a single value, found {describe(value)}")
        return value

    def json(self):
        return {"type": ["string", "number", "boolean"]}


class Text(T):
    """Words the player reads: a plain string (in the content's main language) or one per language.

        text: "The kettle clicks off."
        text: {en: "The kettle clicks off.", nb: "Vannkokeren slår seg av."}
    """

    def __init__(self, doc: str = "", neutral: bool = False):
        self.doc = doc
        self.neutral = neutral  # a plain string is the same in every language (a person's name)

    def check(self, value, mark, ctx, ptr):
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
                                                    f"found '{lang}'{hint}")
                    continue
                if not isinstance(text, str):
                    if isinstance(text, (int, float)) and not isinstance(text, bool):
                        text = str(text)
                    else:
                        ctx.error(value.value_mark(lang), f"expected the text in '{lang}', found "
                                                          f"{describe(text)}")
                        continue
                out[lang] = text
            if not out:
                return ctx.error(mark, "expected at least one language's text, found none")
        else:
            return ctx.error(mark, f"expected a text, or texts per language like "
                                   f"{{en: ..., nb: ...}}; found {describe(value)}")
        ctx.texts.append((out, ctx.path, mark))
        return out

    def json(self):
        return {"oneOf": [{"type": "string"},
                          {"type": "object", "additionalProperties": {"type": "string"},
                           "propertyNames": {"pattern": "^" + LANG_PATTERN.pattern}}]}


class Asset(Str):
    """A file under assets/, such as places/workshop.svg."""

    def __init__(self, doc: str = ""):
        super().__init__(doc, None, "a path under assets/")

    def check(self, value, mark, ctx, ptr):
        value = super().check(value, mark, ctx, ptr)
        if value is INVALID:
            return value
        if value.startswith("/") or ".." in value.split("/") or "\\" in value:
            return ctx.error(mark, f"expected a relative path under assets/ such as "
                                   f"places/workshop.svg, found '{value}'")
        ctx.assets.append((value, ctx.path, mark))
        return value


class List(T):
    def __init__(self, item: T, doc: str = "", min_items: int = 0, single: bool = True):
        self.item, self.doc, self.min_items, self.single = item, doc, min_items, single

    def check(self, value, mark, ctx, ptr):
        if not isinstance(value, YList):
            if self.single and value is not None:  # one item may be written without a list
                checked = self.item.check(value, mark, ctx, f"{ptr}/0")
                return INVALID if checked is INVALID else [checked]
            return ctx.error(mark, f"expected a list of {self.item.expected()}, found {describe(value)}")
        if len(value) < self.min_items:
            return ctx.error(mark, f"expected at least {self.min_items} item(s), found {len(value)}")
        out = []
        bad = False
        for i, item in enumerate(value):
            checked = self.item.check(item, value.item_mark(i), ctx, f"{ptr}/{i}")
            if checked is INVALID:
                bad = True
            else:
                out.append(checked)
        return INVALID if bad else out

    def expected(self) -> str:
        return f"a list of {self.item.expected()}"

    def json(self):
        item = self.item.json()
        if self.single:
            return {"oneOf": [item, {"type": "array", "items": item, "minItems": self.min_items}]}
        return {"type": "array", "items": item, "minItems": self.min_items}


class Table(T):
    """A mapping from names to items: `scenes: {kitchen_row: {...}, ...}`."""

    def __init__(self, item: T, doc: str = "", key: T | None = None):
        self.item, self.doc = item, doc
        self.key = key or Id()

    def check(self, value, mark, ctx, ptr):
        if not isinstance(value, YMap):
            return ctx.error(mark, f"expected a mapping of names to entries, found {describe(value)}")
        out = {}
        bad = False
        for k, v in value.items():
            if self.key.check(k, value.key_mark(k), ctx, ptr) is INVALID:
                bad = True
                continue
            vmark = value.key_mark(k) if isinstance(v, YMap) else value.value_mark(k)
            checked = self.item.check(v, vmark, ctx, f"{ptr}/{k}")
            if checked is INVALID:
                bad = True
            else:
                out[k] = checked
        return INVALID if bad and not out else out

    def expected(self) -> str:
        return "a mapping of names to entries"

    def json(self):
        key = self.key.json()
        out = {"type": "object", "additionalProperties": self.item.json()}
        if "pattern" in key:
            out["propertyNames"] = {"pattern": key["pattern"]}
        return out


@dataclass
class F:
    """A field of an object: its type, whether it is required, and its documentation."""

    type: T
    required: bool = False
    doc: str = ""
    default: Any = None


class Obj(T):
    def __init__(self, fields: dict[str, F], doc: str = "", name: str = "entry"):
        self.fields, self.doc, self.name = fields, doc, name

    def expected(self) -> str:
        return f"a {self.name} (a mapping)"

    def check(self, value, mark, ctx, ptr):
        if not isinstance(value, YMap):
            return ctx.error(mark, f"expected a {self.name} with fields such as "
                                   f"{', '.join(list(self.fields)[:4])}; found {describe(value)}")
        out: dict[str, Any] = {}
        bad = False
        for k, v in value.items():
            spec = self.fields.get(k)
            if spec is None:
                ctx.error(value.key_mark(k), f"unknown field '{k}' in a {self.name}"
                                             f"{did_you_mean(k, self.fields)}; expected one of: "
                                             f"{', '.join(self.fields)}")
                bad = True
                continue
            checked = spec.type.check(v, value.value_mark(k), ctx, f"{ptr}/{k}")
            if checked is INVALID:
                bad = True
            else:
                out[k] = checked
        for k, spec in self.fields.items():
            if k in value:
                continue
            if spec.required:
                ctx.error(mark, f"missing field '{k}' in a {self.name}: {spec.doc}")
                bad = True
            elif spec.default is not None:
                out[k] = spec.default
        out["@"] = f"{ctx.path}:{mark[0]}:{mark[1]}"
        return INVALID if bad else out

    def json(self):
        props = {}
        for k, spec in self.fields.items():
            p = spec.type.json()
            if spec.doc:
                p = {**p, "description": spec.doc}
            props[k] = p
        out = {"type": "object", "properties": props, "additionalProperties": False}
        req = [k for k, s in self.fields.items() if s.required]
        if req:
            out["required"] = req
        if self.doc:
            out["description"] = self.doc
        return out


class OneOf(T):
    """Either of two types, chosen by the shape of the value (a number or a list, say)."""

    def __init__(self, choices: list[tuple[type | tuple, T]], doc: str = ""):
        self.choices, self.doc = choices, doc

    def check(self, value, mark, ctx, ptr):
        for pytype, t in self.choices:
            if isinstance(value, pytype) and not isinstance(value, bool):
                return t.check(value, mark, ctx, ptr)
        return ctx.error(mark, f"expected {' or '.join(t.expected() for _, t in self.choices)}, "
                               f"found {describe(value)}")

    def json(self):
        return {"oneOf": [t.json() for _, t in self.choices]}


class Condition(T):
    """A rule that is true or false (`trust >= 40 and not flag("relapse")`), or a number."""

    def __init__(self, doc: str = "", want: str = BOOL, modifier: bool = False):
        self.doc, self.want, self.modifier = doc, want, modifier

    def expected(self) -> str:
        return "a condition" if self.want == BOOL else "a number rule"

    def check(self, value, mark, ctx, ptr):
        if isinstance(value, bool) and self.want == BOOL:
            value = "true" if value else "false"
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.want == NUMBER:
            value = repr(value)
        if not isinstance(value, str):
            return ctx.error(mark, f"expected {self.expected()} written as text, found {describe(value)}")
        try:
            ast = rules.parse_condition(value)
            compile_condition(ast, ctx.symbols, ctx.usage, (ctx.path, mark, ptr), self.want, self.modifier)
        except (rules.RulesSyntaxError, CompileError) as exc:
            return ctx.error(offset_mark(mark, value, exc.pos), exc.message)
        return {"src": value, "ast": ast, "ptr": ptr}

    def json(self):
        return {"type": "string" if self.want == BOOL else ["string", "number"]}


class Effects(T):
    """What a choice does: `wellbeing += 2; set_flag("called_home")`, or a list of such lines,
    each optionally with its own reason: `- {do: family += 2, why: "You heard her voice."}`."""

    def __init__(self, doc: str = ""):
        self.doc = doc

    def expected(self) -> str:
        return "effects"

    def one(self, text: Any, why: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(text, str):
            return ctx.error(mark, f"expected effects written as text (like 'wellbeing += 2'), "
                                   f"found {describe(text)}")
        try:
            ast = rules.parse_effects(text)
            compile_effects(ast, ctx.symbols, ctx.usage, (ctx.path, mark, ptr))
        except (rules.RulesSyntaxError, CompileError) as exc:
            return ctx.error(offset_mark(mark, text, exc.pos), exc.message)
        return {"src": text, "ast": ast, "ptr": ptr, "why": why,
                "at": f"{ctx.path}:{mark[0]}:{mark[1]}"}

    def check(self, value, mark, ctx, ptr):
        items = value if isinstance(value, YList) else None
        if items is None:
            one = self.one(value, None, mark, ctx, ptr)
            return INVALID if one is INVALID else [one]
        out = []
        bad = False
        for i, item in enumerate(items):
            imark = items.item_mark(i)
            if isinstance(item, YMap):
                unknown = [k for k in item if k not in ("do", "why")]
                for k in unknown:
                    ctx.error(item.key_mark(k), f"unknown field '{k}' in an effect; expected do and why")
                if "do" not in item:
                    ctx.error(imark, "missing field 'do' in an effect: what changes, e.g. 'wellbeing += 2'")
                    bad = True
                    continue
                why = Text().check(item["why"], item.value_mark("why"), ctx, ptr) if "why" in item else None
                got = self.one(item["do"], None if why is INVALID else why, item.value_mark("do"), ctx,
                               f"{ptr}/{i}")
            else:
                got = self.one(item, None, imark, ctx, f"{ptr}/{i}")
            if got is INVALID:
                bad = True
            else:
                out.append(got)
        return INVALID if bad else out

    def json(self):
        line = {"type": "string"}
        item = {"oneOf": [line, {"type": "object", "properties": {"do": line, "why": Text().json()},
                                 "required": ["do"], "additionalProperties": False}]}
        return {"oneOf": [line, {"type": "array", "items": item}]}


# -- records: the content's dataclasses (see spec.py) as checks ------------------------------------
_RECORDS: dict[type, Obj] = {}


def _simple_default(f: dataclasses.Field) -> Any:
    """A field's default when it is a plain value the normalised data should carry, else None."""
    value = f.default
    return value if isinstance(value, (bool, int, float, str)) and value != "" else None


def record(cls: type) -> Obj:
    """The check for one of the content's records, made from its field declarations (once)."""
    obj = _RECORDS.get(cls)
    if obj is None:
        doc = (cls.__doc__ or "").strip()
        obj = _RECORDS[cls] = Obj({}, doc, getattr(cls, "WHAT", cls.__name__.lower()))
        module = sys.modules[__name__]
        for key, spec, f in content_fields(cls):
            obj.fields[key] = F(spec.schema(module), spec.required, spec.doc, _simple_default(f))
    return obj


def sources() -> List:
    """One source or a list of sources: a plain string, or a mapping with a title, url, year and note."""
    from ..world import Source
    return List(OneOf([(str, Str(what="a source")), (dict, record(Source))]), "One source or a list of sources.",
                min_items=1)
