"""Loading content: find the YAML files, parse them, merge them, check them, normalise them.

`load_sources(dirs)` returns the normalised content (plain data, see `schema_types`) and a report
with every problem found, each at `file:line:col`. It never raises for bad content and never
prints a traceback for it. `content.build()` turns the normalised data into the objects the engine
plays; `cache.py` keeps the normalised data between runs.
"""

from __future__ import annotations

from typing import Any

from . import yamlsafe
from ..rules.compile import BOOL, NUMBER, TEXT, Symbols, Usage
from ..diagnostics import Report, did_you_mean
from ..gcpause import gc_paused
from .schema import SECTIONS, STRING_KEY
from .schema_types import INVALID, Ctx, Table
# Source, Loaded and find_sources moved to sources.py; still importable from here.
from .sources import MAX_FILES, YAML_SUFFIXES, Loaded, Source, display_path, find_sources  # noqa: F401
from .yamlsafe import Mark, YMap


def read_sources(sources: list[Source], report: Report) -> list[tuple[Source, YMap]]:
    """Parse each file; a file that is not a mapping of known sections is reported."""
    out = []
    for src in sources:
        value, problems = yamlsafe.read_file(src.path, src.shown, folder=src.root or None)
        report.extend(problems)
        if any(p.severity == "error" for p in problems):
            continue
        if not isinstance(value, YMap):
            line, col, _ = getattr(value, "mark", (1, 1, ""))
            report.error(src.shown, line, col, "expected a mapping of sections (scenes:, places:, ...) "
                                               f"at the top of the file, found {_kind(value)}", code="S101")
            continue
        out.append((src, value))
    return out


def _kind(value: Any) -> str:
    from .schema_types import describe
    return describe(value)


# tables[section][name] = (value, mark of the value, file shown, the section mapping)
Tables = dict[str, dict[str, tuple[Any, Mark, str, YMap]]]
# singletons['model'] = (value, mark, file shown)
Singles = dict[str, tuple[Any, Mark, str]]


def merge(files: list[tuple[Source, YMap]], report: Report) -> tuple[Tables, Singles]:
    """Merge the sections of all files. Returns (tables, singletons).

    tables[section][name] = (value, mark of the value, file shown, the section mapping)
    singletons['model'] = (value, mark, file shown)
    """
    tables: Tables = {s: {} for s in SECTIONS if s != "model"}
    single: Singles = {}
    for src, doc in files:
        for section, value in doc.items():
            kmark = doc.key_mark(section)
            if section not in SECTIONS:
                report.error(src.shown, kmark[0], kmark[1],
                             f"unknown section '{section}'{did_you_mean(section, SECTIONS)}; expected "
                             f"one of: {', '.join(SECTIONS)}", code="S102")
                continue
            if section == "model":
                if "model" in single:
                    first = single["model"]
                    report.error(src.shown, kmark[0], kmark[1],
                                 f"the model is already defined in {first[2]}:{first[1][0]}; "
                                 "there can be only one", code="S103")
                    continue
                single["model"] = (value, doc.value_mark(section), src.shown)
                continue
            if value is None:
                continue
            if not isinstance(value, YMap):
                vmark = doc.value_mark(section)
                report.error(src.shown, vmark[0], vmark[1],
                             f"expected a mapping of names to entries under '{section}', found {_kind(value)}",
                             code="S104")
                continue
            table = tables[section]
            for name in value:
                if name in table:
                    _, first_mark, first_file, first_map = table[name]
                    km = value.key_mark(name)
                    where = f"{first_file}:{first_map.key_mark(name)[0]}"
                    report.error(src.shown, km[0], km[1],
                                 f"{SECTIONS[section][0]} '{name}' is already defined at {where}", code="S105")
                    continue
                table[name] = (value[name], value.value_mark(name), src.shown, value)
    return tables, single


def shown_names(tables: Tables) -> dict[str, dict[str, str]]:
    """For suggestions by meaning: each defined name with the words it is shown with (its English
    `name`, or the text of a language-less one), by kind."""
    out: dict[str, dict[str, str]] = {}
    for section, table in tables.items():
        kind = SECTIONS[section][0]
        for key, (value, *_rest) in table.items():
            shown = value.get("name") if isinstance(value, YMap) else None
            if isinstance(shown, YMap):
                shown = shown.get("en") or next(iter(shown.values()), None)
            if isinstance(shown, str) and shown:
                out.setdefault(kind, {})[key] = shown
    return out


def gather_symbols(tables: Tables, single: Singles) -> Symbols:
    """The names rules may use, read straight off the merged data before any checking."""
    model_vars: dict[str, str] = {}
    model = single.get("model", (None,))[0]
    if isinstance(model, YMap) and isinstance(model.get("variables"), YMap):
        for name, spec in model["variables"].items():
            kind = spec.get("kind") if isinstance(spec, YMap) else None
            model_vars[name] = kind if isinstance(kind, str) else "protective"
    globals_: dict[str, str] = {}
    for name, (spec, *_rest) in tables["variables"].items():
        t = spec.get("type") if isinstance(spec, YMap) else None
        # a type that is not a text (`type: []`) is reported by the schema check; no TypeError here
        globals_[name] = {"number": NUMBER, "bool": BOOL, "text": TEXT}.get(t, NUMBER) if isinstance(t, str) \
            else NUMBER
    characters: dict[str, set[str]] = {}
    for name, (spec, *_rest) in tables["characters"].items():
        have: set[str] = set()
        if isinstance(spec, YMap):
            if spec.get("model") is True:
                have |= set(model_vars)
            if isinstance(spec.get("vars"), YMap):
                have |= set(spec["vars"])
        characters[name] = have
    return Symbols(
        model_vars=model_vars,
        globals=globals_,
        characters=characters,
        scenes=set(tables["scenes"]),
        activities=set(tables["activities"]),
        principles=set(tables["principles"]),
        phases=set(tables["phases"]),
    )


@gc_paused
def load_sources(dirs: list[str]) -> Loaded:
    """Read, merge and check the content in these folders."""
    report = Report()
    sources = find_sources(dirs, report)
    files = read_sources(sources, report)
    tables, single = merge(files, report)
    symbols = gather_symbols(tables, single)
    ids = {SECTIONS[s][0]: set(t) for s, t in tables.items()}
    ids["variable"] = set(symbols.model_vars) | set(symbols.globals)
    ctx = Ctx(path="", report=report, ids=ids, symbols=symbols, usage=Usage(), names=shown_names(tables))
    data: dict[str, Any] = {}
    positions: dict[str, dict[str, tuple[str, Mark]]] = {}
    for section, table in tables.items():
        kind, entry_type, _ = SECTIONS[section]
        out: dict[str, Any] = {}
        pos: dict[str, tuple[str, Mark]] = {}
        for name, (value, mark, shown, parent) in table.items():
            ctx.path = shown
            if section == "strings":
                if STRING_KEY.check(name, parent.key_mark(name), ctx, "") is INVALID:
                    continue
            elif Table(entry_type).key.check(name, parent.key_mark(name), ctx, "") is INVALID:
                continue
            if isinstance(value, YMap):  # point at the entry's name rather than its first field
                mark = parent.key_mark(name)
            checked = entry_type.check(value, mark, ctx, f"{section}/{name}")
            pos[name] = (shown, parent.key_mark(name))
            if checked is not INVALID:
                out[name] = checked
        data[section] = out
        positions[section] = pos
    if "model" in single:
        value, mark, shown = single["model"]
        ctx.path = shown
        from .schema import MODEL
        checked = MODEL.check(value, mark, ctx, "model")
        data["model"] = None if checked is INVALID else checked
        positions["model"] = {"model": (shown, mark)}
    else:
        data["model"] = None
        first = sources[0].shown if sources else "content"
        report.error(first, 1, 1, "no model found: one content file needs a 'model:' section "
                                  "(see docs/content-format.md)", code="S106")
    from ..translate.overlay import apply
    apply(data, ctx, report)  # languages as overlays: translations fill their texts before any check
    from .crosscheck import crosscheck
    crosscheck(data, positions, report)
    return Loaded(data=data, report=report, sources=sources, ctx=ctx, positions=positions)
