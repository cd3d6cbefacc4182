"""The documentation stays true to the code: every field is documented, the example is clean."""

import os

from game.core.load import schema
from game.core.load.schema_types import List, Obj, OneOf, Table
from storytools import ROOT


def fields(t, seen=None):
    seen = seen if seen is not None else set()
    if id(t) in seen:
        return set()
    seen.add(id(t))
    out = set()
    if isinstance(t, Obj):
        for name, f in t.fields.items():
            out.add(name)
            out |= fields(f.type, seen)
    elif isinstance(t, (List, Table)):
        out |= fields(t.item, seen)
    elif isinstance(t, OneOf):
        for _, sub in t.choices:
            out |= fields(sub, seen)
    return out


def test_every_field_is_in_the_format_guide():
    with open(os.path.join(ROOT, "docs", "content-format.md"), encoding="utf-8") as fh:
        guide = fh.read()
    names = set()
    for _, entry, _ in schema.SECTIONS.values():
        names |= fields(entry)
    missing = sorted(n for n in names if f"`{n}`" not in guide)
    assert not missing, f"document these fields in docs/content-format.md: {missing}"
    for section in schema.SECTIONS:
        assert f"`{section}`" in guide


def test_the_generated_names_codes_and_fields_in_the_guide_are_current():
    from game.cli import main
    assert main(["reference", "--check"]) == 0, "run: python main.py reference"
