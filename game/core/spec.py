"""Field declarations for the content's records: the one description of the content format.

Each record of the compiled story (`content.py`, `world.py`) is a dataclass whose fields say, in their
metadata, what a content file holds there: a text, the name of a place, a condition, a list of
choices... with whether it is required, its YAML key where that differs from the attribute (`if` is
`cond`, `do` is `effects`), its default, and a line of documentation written for authors.

From that one description:
* `load.schema` makes the checks (file:line:col messages) and the JSON Schema for editors;
* `load.build` turns checked, normalised data into the records, with the same defaults;
* docs/content-format.md's field reference and name lists are generated and tested against it.

This module imports nothing heavy: the schema's check objects are made only when a checker asks,
from the `schema` factory each field carries (it receives the `schema_types` module), so building
content from the cache never imports the YAML parser or the checkers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable

# How the builder turns a normalised value into the attribute's value.
VALUE, TUPLE, DICT, PAIRS, RULE, EFFECTS, RECORD, RECORDS, TABLE, SOURCES = (
    "value", "tuple", "dict", "pairs", "rule", "effects", "record", "records", "table", "sources")

SchemaOf = Callable[[Any], Any]  # given the schema_types module, the check object for this field


@dataclass(frozen=True)
class FieldSpec:
    """What one field of a content record is, for the checker, the builder and the docs."""

    doc: str
    schema: SchemaOf
    required: bool = False
    key: str | None = None       # the YAML key, when it is not the attribute's name
    build: str = VALUE           # one of VALUE ... SOURCES above
    cls: type | None = None      # the record type, for RECORD, RECORDS and TABLE
    want: str = "bool"           # for RULE: a condition ("bool") or a number rule ("number")
    modifier: bool = False       # for RULE: may read `value` and `delta` (the model's modifiers)
    why: str | None = None       # for EFFECTS: the sibling key holding their default reason


def spec_of(f: dataclasses.Field[Any]) -> FieldSpec | None:
    """The content declaration of a dataclass field, or None for a derived field."""
    return f.metadata.get("spec")


def content_fields(cls: type) -> list[tuple[str, FieldSpec, dataclasses.Field[Any]]]:
    """(YAML key, declaration, dataclass field) for each field a content file may write, in order."""
    out = []
    for f in dataclasses.fields(cls):
        spec = spec_of(f)
        if spec is not None:
            out.append((spec.key or f.name, spec, f))
    return out


def _field(spec: FieldSpec, default: Any = None, factory: Any = dataclasses.MISSING) -> Any:
    """The dataclass field: required fields have no default; optional ones default to None."""
    if spec.required:
        return dataclasses.field(metadata={"spec": spec})
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory, metadata={"spec": spec})
    return dataclasses.field(default=default, metadata={"spec": spec})


# -- the kinds of field --------------------------------------------------------------------------
def text(doc: str, required: bool = False, *, neutral: bool = False, key: str | None = None) -> Any:
    """Words the player reads: a plain string (main language) or one per language. A `neutral` text
    written plainly is the same in every language (a person's name)."""
    return _field(FieldSpec(doc, lambda t: t.Text(neutral=neutral), required, key))


def texts(doc: str, key: str | None = None) -> Any:
    """A list of texts (reflection questions, debrief questions)."""
    return _field(FieldSpec(doc, lambda t: t.List(t.Text()), False, key), factory=list)


def string(doc: str, required: bool = False, default: str | None = None, key: str | None = None) -> Any:
    return _field(FieldSpec(doc, lambda t: t.Str(), required, key), default)


def name(doc: str, required: bool = False, key: str | None = None) -> Any:
    """A name of lowercase letters, digits and '_' (an id)."""
    return _field(FieldSpec(doc, lambda t: t.Id(), required, key))


def names(doc: str, key: str | None = None) -> Any:
    """A list of plain names (slots, flags)."""
    return _field(FieldSpec(doc, lambda t: t.List(t.Id()), False, key, TUPLE), factory=tuple)


def ref(kind: str, doc: str, required: bool = False, *, extra: tuple[str, ...] = (),
        key: str | None = None) -> Any:
    """The name of something defined elsewhere in the content (a scene, a place...)."""
    return _field(FieldSpec(doc, lambda t: t.Ref(kind, extra=extra), required, key))


def refs(kind: str, doc: str, required: bool = False, *, min_items: int = 0, key: str | None = None) -> Any:
    """A list of names of things defined elsewhere; one name may be written without the list."""
    return _field(FieldSpec(doc, lambda t: t.List(t.Ref(kind), min_items=min_items), required, key, TUPLE),
                  factory=tuple)


def asset(doc: str, required: bool = False) -> Any:
    """A file under assets/, such as places/workshop.svg."""
    return _field(FieldSpec(doc, lambda t: t.Asset(), required))


def number(doc: str, required: bool = False, default: float | None = None, *, lo: float | None = None,
           hi: float | None = None, integer: bool = False) -> Any:
    return _field(FieldSpec(doc, lambda t: t.Num(lo=lo, hi=hi, integer=integer), required), default)


def flag(doc: str, default: bool = False) -> Any:
    """true or false."""
    return _field(FieldSpec(doc, lambda t: t.Bool()), default)


def one_of(values: tuple[str, ...], doc: str, required: bool = False, default: str | None = None) -> Any:
    """One of a few fixed words."""
    return _field(FieldSpec(doc, lambda t: t.Enum(values), required), default)


def values(doc: str, key_kind: str | None, lo: float | None = None, hi: float | None = None,
           required: bool = False, *, any_value: bool = False) -> Any:
    """A mapping of names to numbers (start values), keyed by names of `key_kind` when given."""
    def schema(t: Any) -> Any:
        item = t.Any_() if any_value else t.Num(lo=lo, hi=hi)
        return t.Table(item, key=t.Ref(key_kind) if key_kind else None)
    return _field(FieldSpec(doc, schema, required, None, DICT), factory=dict)


def condition(doc: str, required: bool = False, *, key: str = "if", want: str = "bool",
              modifier: bool = False) -> Any:
    """A rule: a condition (`trust >= 40`) or, with want="number", a number rule."""
    return _field(FieldSpec(doc, lambda t: t.Condition(want=want, modifier=modifier), required, key, RULE,
                            want=want, modifier=modifier))


def effects(doc: str, required: bool = False, *, key: str = "do", why: str | None = "why") -> Any:
    """Effects (`wellbeing += 2; set_flag("x")`), each line with the reason in the sibling `why`."""
    return _field(FieldSpec(doc, lambda t: t.Effects(), required, key, EFFECTS, why=why), factory=list)


def sources(doc: str, required: bool = False) -> Any:
    """One source or a list of sources: plain text, or a mapping with a title, url, year and note."""
    return _field(FieldSpec(doc, lambda t: t.sources(), required, None, SOURCES), factory=list)


def record(cls: type, doc: str, required: bool = False, key: str | None = None) -> Any:
    """One nested record (a scene's event)."""
    return _field(FieldSpec(doc, lambda t: t.record(cls), required, key, RECORD, cls))


def records(cls: type, doc: str, required: bool = False, *, min_items: int = 0, key: str | None = None,
            max_items: int = 1000) -> Any:
    """A list of records, always written as a list."""
    return _field(FieldSpec(doc, lambda t: t.List(t.record(cls), single=False, min_items=min_items,
                                                  max_items=max_items),
                            required, key, RECORDS, cls), factory=list)


def table(cls: type, doc: str, required: bool = False) -> Any:
    """A mapping from names to records."""
    return _field(FieldSpec(doc, lambda t: t.Table(t.record(cls)), required, None, TABLE, cls), factory=dict)


def custom(doc: str, schema: SchemaOf, required: bool = False, *, build: str = VALUE, key: str | None = None,
           cls: type | None = None, default: Any = None, factory: Any = dataclasses.MISSING) -> Any:
    """A field whose check is given directly (a number or a list of days; slots as ordered pairs)."""
    return _field(FieldSpec(doc, schema, required, key, build, cls), default, factory)


def derived(default: Any = None, factory: Any = dataclasses.MISSING) -> Any:
    """A field the builder computes (a scene's id from its name, a choice's preview); not in files."""
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory)
    return dataclasses.field(default=default)
