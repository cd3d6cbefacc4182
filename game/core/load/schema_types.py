"""The building blocks of the content schema: small type objects that check located YAML values.

Each type checks a value read by `yamlsafe` (so it knows the value's `file:line:col`), reports
what was expected and what was found, and returns the value normalised to plain data (dicts, lists,
tuples, strings and numbers) that the content builder and the compiled cache use. Each type can
also describe itself as JSON Schema, so authors' editors can complete and check content.

The checks of single values are in `schema_values` (and importable from here); this module has the
shapes built of them (lists, tables, records), the rules, and `record(cls)`, which turns one of the
content's dataclasses (see `spec.py`) into its check.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from typing import Any

from ..diagnostics import did_you_mean
from ..rules import parse as rules
from ..rules.compile import BOOL, NUMBER, CompileError, compile_condition, compile_effects
from ..spec import content_fields
from .schema_values import (ID_PATTERN, INVALID, LANG_PATTERN, Any_, Asset, Bool, Ctx, Enum, Id, Num, Ref,  # noqa: F401
                            Str, T, Text, describe, offset_mark)
from .yamlsafe import Mark, YList, YMap  # noqa: F401 - YList: spec factories pick shapes by it

__all__ = ["ID_PATTERN", "INVALID", "LANG_PATTERN", "Any_", "Asset", "Bool", "Condition", "Ctx", "Effects", "Enum",
           "F", "Id", "List", "Num", "Obj", "OneOf", "Ref", "Str", "T", "Table", "Text", "describe", "offset_mark",
           "record", "sources"]


def rule_code(exc: Exception) -> str:
    """R301 for a rule that does not parse, R302 for one that parses but names or mixes wrongly."""
    return "R301" if isinstance(exc, rules.RulesSyntaxError) else "R302"


MAX_ITEMS = 1000  # items in any one list: far past what a story needs, and bounded for the window


class List(T):
    def __init__(self, item: T, doc: str = "", min_items: int = 0, single: bool = True,
                 max_items: int = MAX_ITEMS):
        self.item, self.doc, self.min_items, self.single = item, doc, min_items, single
        self.max_items = max_items

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(value, YList):
            if self.single and value is not None:  # one item may be written without a list
                checked = self.item.check(value, mark, ctx, f"{ptr}/0")
                return INVALID if checked is INVALID else [checked]
            return ctx.error(mark, f"expected a list of {self.item.expected()}, found {describe(value)}", code="S110")
        if len(value) < self.min_items:
            return ctx.error(mark, f"expected at least {self.min_items} item(s), found {len(value)}", code="S111")
        if len(value) > self.max_items:
            return ctx.error(mark, f"expected at most {self.max_items} items, found {len(value)}; split them "
                                   "up (a scene into several scenes)", code="S111")
        out = []
        bad = False
        for i, item in enumerate(value):
            if isinstance(item, YMap) and isinstance(item.get("id"), str) and ID_PATTERN.match(item["id"]):
                ctx.item_ids[f"{ptr}/{i}"] = item["id"]
            checked = self.item.check(item, value.item_mark(i), ctx, f"{ptr}/{i}")
            if checked is INVALID:
                bad = True
            else:
                out.append(checked)
        return INVALID if bad else out

    def expected(self) -> str:
        return f"a list of {self.item.expected()}"

    def json(self) -> dict[str, Any]:
        item = self.item.json()
        array = {"type": "array", "items": item, "minItems": self.min_items, "maxItems": self.max_items}
        if self.single:
            return {"oneOf": [item, array]}
        return array


class Table(T):
    """A mapping from names to items: `scenes: {kitchen_row: {...}, ...}`."""

    def __init__(self, item: T, doc: str = "", key: T | None = None):
        self.item, self.doc = item, doc
        self.key = key or Id()

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(value, YMap):
            return ctx.error(mark, f"expected a mapping of names to entries, found {describe(value)}", code="S112")
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

    def json(self) -> dict[str, Any]:
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

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if not isinstance(value, YMap):
            return ctx.error(mark, f"expected a {self.name} with fields such as "
                                   f"{', '.join(list(self.fields)[:4])}; found {describe(value)}", code="S113")
        out: dict[str, Any] = {}
        bad = False
        for k, v in value.items():
            spec = self.fields.get(k)
            if spec is None and k == "<<":
                ctx.error(value.key_mark(k), "YAML merge keys ('<<: *name') are not supported: write the "
                                             "fields out in full (an anchor may still stand for a whole value)",
                          code="Y005")
                bad = True
                continue
            if spec is None:
                ctx.error(value.key_mark(k), f"unknown field '{k}' in a {self.name}"
                                             f"{did_you_mean(k, self.fields)}; expected one of: "
                                             f"{', '.join(self.fields)}", code="S114")
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
                ctx.error(mark, f"missing field '{k}' in a {self.name}: {spec.doc}", code="S115")
                bad = True
            elif spec.default is not None:
                out[k] = spec.default
        out["@"] = f"{ctx.path}:{mark[0]}:{mark[1]}"
        return INVALID if bad else out

    def json(self) -> dict[str, Any]:
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

    def __init__(self, choices: list[tuple[type | tuple[type, ...], T]], doc: str = ""):
        self.choices, self.doc = choices, doc

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        for pytype, t in self.choices:
            if isinstance(value, pytype) and not isinstance(value, bool):
                return t.check(value, mark, ctx, ptr)
        return ctx.error(mark, f"expected {' or '.join(t.expected() for _, t in self.choices)}, "
                               f"found {describe(value)}", code="S116")

    def json(self) -> dict[str, Any]:
        return {"oneOf": [t.json() for _, t in self.choices]}


class Condition(T):
    """A rule that is true or false (`trust >= 40 and not flag("relapse")`), or a number."""

    def __init__(self, doc: str = "", want: str = BOOL, modifier: bool = False):
        self.doc, self.want, self.modifier = doc, want, modifier

    def expected(self) -> str:
        return "a condition" if self.want == BOOL else "a number rule"

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
        if isinstance(value, bool) and self.want == BOOL:
            value = "true" if value else "false"
        if isinstance(value, (int, float)) and not isinstance(value, bool) and self.want == NUMBER:
            value = repr(value)
        if not isinstance(value, str):
            return ctx.error(mark, f"expected {self.expected()} written as text, found {describe(value)}", code="R300")
        try:
            ast = rules.parse_condition(value)
            compile_condition(ast, ctx.symbols, ctx.usage, (ctx.path, mark, ptr), self.want, self.modifier)
        except (rules.RulesSyntaxError, CompileError) as exc:
            return ctx.error(offset_mark(mark, value, exc.pos), exc.message, rule_code(exc))
        return {"src": value, "ast": ast, "ptr": ptr}

    def json(self) -> dict[str, Any]:
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
                                   f"found {describe(text)}", code="R300")
        try:
            ast = rules.parse_effects(text)
            compile_effects(ast, ctx.symbols, ctx.usage, (ctx.path, mark, ptr))
        except (rules.RulesSyntaxError, CompileError) as exc:
            return ctx.error(offset_mark(mark, text, exc.pos), exc.message, rule_code(exc))
        return {"src": text, "ast": ast, "ptr": ptr, "why": why,
                "at": f"{ctx.path}:{mark[0]}:{mark[1]}"}

    def check(self, value: Any, mark: Mark, ctx: Ctx, ptr: str) -> Any:
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
                    ctx.error(item.key_mark(k), f"unknown field '{k}' in an effect; expected do and why", code="S114")
                if "do" not in item:
                    ctx.error(imark, "missing field 'do' in an effect: what changes, e.g. 'wellbeing += 2'",
                              code="S115")
                    bad = True
                    continue
                why = (Text().check(item["why"], item.value_mark("why"), ctx, f"{ptr}/{i}/why")
                       if "why" in item else None)
                got = self.one(item["do"], None if why is INVALID else why, item.value_mark("do"), ctx,
                               f"{ptr}/{i}")
            else:
                got = self.one(item, None, imark, ctx, f"{ptr}/{i}")
            if got is INVALID:
                bad = True
            else:
                out.append(got)
        return INVALID if bad else out

    def json(self) -> dict[str, Any]:
        line = {"type": "string"}
        item = {"oneOf": [line, {"type": "object", "properties": {"do": line, "why": Text().json()},
                                 "required": ["do"], "additionalProperties": False}]}
        return {"oneOf": [line, {"type": "array", "items": item}]}


# -- records: the content's dataclasses (see spec.py) as checks ------------------------------------
_RECORDS: dict[type, Obj] = {}


def _simple_default(f: dataclasses.Field[Any]) -> Any:
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
