"""Fuzzing the content loader, the linter and the rules language.

Random content files are built from the real schema (game/core/schema.py: every section, entry and
field, with values of the right and of the wrong kind), sprinkled with junk sections and fields,
random rule expressions in every condition and effect, and hostile YAML (object-building tags,
recursive aliases, a second document, tabs, bytes that are not UTF-8). Near-valid files are made by
mutating the worked example in docs/example. Whatever comes in, the loader and lint either accept it
or report diagnostics that name a file, a line >= 1 and a column >= 1; they never raise, never take
more than a couple of seconds, and never run code: payloads that would create a sentinel file if any
Python were run are everywhere, and the file must never appear.

    NEIGHBOUR_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz.py    # a longer run (default: 120 per test)
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import time

import pytest
import yaml
from hypothesis import HealthCheck, given, settings, strategies as st

from game.core.rules import parse as rules
from game.core.rules.compile import CompileError, compile_condition, compile_effects
from game.core.diagnostics import Report
from game.core.lint import lint
from game.core.load.loader import gather_symbols, load_sources, merge, read_sources
from game.core.load.schema import SECTIONS
from game.core.load.schema_types import (Any_, Asset, Bool, Condition, Effects, Enum, Id, List, Num, Obj, OneOf,
                                    Ref, Str, Table, Text)
from game.core.load.sources import find_sources
from storytools import ROOT, WORLD
from test_rules import boolean

pytestmark = pytest.mark.slow  # hundreds of generated stories; `-m "not slow"` leaves them out

EXAMPLES = int(os.environ.get("NEIGHBOUR_FUZZ_EXAMPLES", "120"))
TIME_LIMIT = 2.0  # seconds for one file's load and lint
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
SENTINEL = "{SENTINEL}"  # replaced by the real sentinel path when a file is written


def _world_names() -> dict[str, list[str]]:
    files = read_sources(find_sources(WORLD, Report()), Report())
    tables, single = merge(files, Report())
    symbols = gather_symbols(tables, single)
    names = {SECTIONS[s][0]: sorted(t) for s, t in tables.items() if t}
    names["variable"] = sorted(symbols.model_vars)
    names["scene"] = ["s0", "s1", "s2", "end"]
    names["campaign"] = ["c0", "c1"]
    names["scenario"] = ["x0"]
    names["role"] = names.get("role", []) or ["resident"]
    return names


NAMES = _world_names()
MODEL_VARS = NAMES["variable"]
CHARACTERS = NAMES.get("character", ["sander"])

# -- rules ---------------------------------------------------------------------------------------
INJECTIONS = [
    f'__import__("os").system("touch {SENTINEL}")', f'open("{SENTINEL}", "w")', "eval('1')", "exec('x=1')",
    "().__class__.__bases__[0].__subclasses__()", "lambda: 1", "globals()", "import os", "os.system",
    f'flag("{SENTINEL}")', "x if y else z", "[1, 2]", "{1: 2}", "1 ** 2", "a @ b", "`id`", "$(id)",
]
names_in_rules = st.one_of(
    st.sampled_from(MODEL_VARS + ["day", "phase", "slot", "profile", "campaign", "role", "value", "delta"]),
    st.builds(lambda c, v: f"{c}.{v}", st.sampled_from(CHARACTERS), st.sampled_from(MODEL_VARS + ["risk", "mood"])),
    st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True))
numbers = st.one_of(st.integers(-5, 200).map(str), st.floats(0, 100, allow_nan=False).map(lambda f: f"{f:.2f}"),
                    st.just("1e9"), st.just("99999999999999999999"), st.just(".5"))


def number_expr(depth: int = 2) -> st.SearchStrategy[str]:
    base = st.one_of(names_in_rules, numbers,
                     st.builds(lambda f, a: f"{f}({a})", st.sampled_from(["abs", "round", "min", "max"]), numbers),
                     st.builds(lambda v: f'average("{v}")', st.sampled_from(MODEL_VARS)), st.just("risk()"))
    if depth == 0:
        return base
    sub = number_expr(depth - 1)
    return st.one_of(base, st.builds(lambda a, op, b: f"({a} {op} {b})", sub, st.sampled_from("+-*/"), sub),
                     sub.map(lambda a: f"-{a}"), st.builds(lambda a, b: f"max({a}, {b})", sub, sub))


def condition_expr(depth: int = 2) -> st.SearchStrategy[str]:
    calls = st.one_of(
        st.builds(lambda f, a: f'{f}("{a}")', st.sampled_from(["flag", "seen", "did", "principle", "average"]),
                  st.one_of(st.sampled_from(NAMES.get("activity", []) + NAMES["scene"] + MODEL_VARS),
                            st.text(max_size=6))),
        st.builds(lambda n: f"chance({n})", numbers))
    cmp = st.builds(lambda a, op, b: f"{a} {op} {b}", number_expr(1),
                    st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), number_expr(1))
    base = st.one_of(cmp, calls, st.just("true"), st.just("false"), st.just('phase == "remand"'))
    if depth == 0:
        return base
    sub = condition_expr(depth - 1)
    return st.one_of(base, sub.map(lambda s: f"not ({s})"),
                     st.builds(lambda a, op, b: f"({a}) {op} ({b})", sub, st.sampled_from(["and", "or"]), sub))


junk_rule = st.one_of(st.sampled_from(INJECTIONS),
                      st.text(alphabet=st.sampled_from(list("abtrus0123456789 ()<>=!&|+-*/.,;\"'_[]{}:#\\\t")),
                              max_size=40))
conditions = st.one_of(condition_expr(), boolean(2), junk_rule, st.text(max_size=20))
effect_statement = st.one_of(
    st.builds(lambda v, op, e: f"{v} {op} {e}", names_in_rules, st.sampled_from(["=", "+=", "-="]), number_expr(1)),
    st.builds(lambda f, a: f'{f}("{a}")', st.sampled_from(["set_flag", "clear_flag", "flag"]), st.text(max_size=8)),
    junk_rule)
effects_text = st.lists(effect_statement, min_size=1, max_size=4).map("; ".join)

# -- YAML values from the schema --------------------------------------------------------------------
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["no", "yes", "on", "~", "null", "0x1F", "1_000", "2026-11-22", "."]))
yaml_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(min_size=1, max_size=10), inner, max_size=4)),
    max_leaves=12)
valid_ids = st.one_of(st.sampled_from(sorted({n for k, v in NAMES.items() if k != "string" for n in v})),
                      st.from_regex(r"[a-z_][a-z0-9_]{0,10}", fullmatch=True))
some_id = st.one_of(valid_ids, valid_ids, valid_ids, st.text(min_size=1, max_size=10))
texts = st.one_of(st.text(max_size=60), st.fixed_dictionaries({"en": st.text(max_size=30), "nb": st.text(max_size=30)}),
                  st.dictionaries(st.sampled_from(["en", "nb", "de", "", "EN"]), st.text(max_size=20), max_size=3))


def value_for(t, depth: int = 0) -> st.SearchStrategy:
    """A value of the schema type `t`, or now and then a value of any other kind."""
    if depth > 4:
        return scalars
    right: st.SearchStrategy
    if isinstance(t, Condition):
        right = conditions
    elif isinstance(t, Effects):
        right = st.one_of(effects_text, st.lists(effects_text, max_size=3))
    elif isinstance(t, Ref):
        right = st.one_of(st.sampled_from(NAMES.get(t.kind, []) + list(t.extra) or ["x"]), some_id)
    elif isinstance(t, (Id, Asset)):
        right = some_id if not isinstance(t, Asset) else st.sampled_from(["places/yard.svg", "../../etc/passwd",
                                                                          "nope.svg", "", "places/"])
    elif isinstance(t, Str):
        right = st.text(max_size=30)
    elif isinstance(t, Num):
        right = st.one_of(st.integers(-1000, 1000), st.floats(allow_nan=True, allow_infinity=True))
    elif isinstance(t, Bool):
        right = st.booleans()
    elif isinstance(t, Enum):
        right = st.sampled_from(list(t.values) + ["nonsense"])
    elif isinstance(t, Text):
        right = texts
    elif isinstance(t, List):
        item = value_for(t.item, depth + 1)
        right = st.one_of(st.lists(item, max_size=3), item)
    elif isinstance(t, Table):
        names = NAMES.get(t.key.kind, []) if isinstance(t.key, Ref) else []
        keys = st.one_of(st.sampled_from(names), some_id) if names else some_id
        right = st.dictionaries(keys, value_for(t.item, depth + 1), max_size=3)
    elif isinstance(t, Obj):
        required = {name: value_for(f.type, depth + 1) for name, f in t.fields.items() if f.required}
        optional = {name: value_for(f.type, depth + 1) for name, f in t.fields.items() if not f.required}
        right = st.builds(lambda chosen, junk: {**chosen, **junk},
                          st.one_of(st.fixed_dictionaries(required, optional=optional),
                                    st.fixed_dictionaries({}, optional={**required, **optional})),
                          st.dictionaries(st.text(min_size=1, max_size=8), yaml_values, max_size=1))
    elif isinstance(t, OneOf):
        right = st.one_of([value_for(choice, depth + 1) for _, choice in t.choices])
    elif isinstance(t, Any_):
        right = yaml_values
    else:  # pragma: no cover - a new schema type
        right = yaml_values
    return st.one_of(right, right, right, right, yaml_values)


section_entries = {name: value_for(entry) for name, (_, entry, _) in SECTIONS.items()}


SECTION_NAMES = list(SECTIONS) + ["scenes"] * 4 + ["campaigns"] * 2 + ["scene", "junk", "Scenes"]


@st.composite
def content_documents(draw) -> dict:
    doc: dict = {}
    for name in draw(st.lists(st.sampled_from(SECTION_NAMES), min_size=1, max_size=4, unique=True)):
        if name == "model":
            doc[name] = draw(section_entries["model"])
        elif name in SECTIONS:
            entries = st.dictionaries(valid_ids, section_entries[name], min_size=1, max_size=3)
            doc[name] = draw(st.one_of(entries, entries, entries, entries, yaml_values))
        else:
            doc[name] = draw(yaml_values)
    return doc


scene_ids = st.sampled_from(NAMES["scene"])
choices = st.fixed_dictionaries({"text": texts}, optional={
    "if": conditions, "do": st.one_of(effects_text, st.lists(effects_text, max_size=2)), "goto": scene_ids,
    "why": texts, "tags": st.lists(st.sampled_from(NAMES.get("activity", ["work"])), max_size=2)})
scenes = st.fixed_dictionaries({"text": texts}, optional={
    "choices": st.lists(choices, max_size=3), "do": effects_text, "next": scene_ids,
    "variants": st.lists(st.fixed_dictionaries({"if": conditions, "text": texts}), max_size=2),
    "event": st.fixed_dictionaries({"campaigns": st.just(["c0"])}, optional={"if": conditions,
                                                                             "priority": st.integers(-3, 3)})})
campaign = st.fixed_dictionaries({
    "role": st.just("resident"), "title": texts, "summary": texts,
    "profiles": st.just([{"id": "p", "name": "P", "summary": "S", "start": {}}]),
    "calendar": st.lists(st.fixed_dictionaries({"phase": st.sampled_from(NAMES.get("phase", ["remand"])),
                                                "days": st.integers(1, 3), "slots": st.just({"m": "s0"})},
                                               optional={"if": conditions}), min_size=1, max_size=2),
    "endings": st.lists(st.fixed_dictionaries({"id": valid_ids, "title": texts, "text": texts},
                                              optional={"if": conditions}), min_size=1, max_size=3)})


@st.composite
def story_documents(draw) -> dict:
    """Scenes full of random conditions and effects, in a campaign that plays them."""
    doc = {"scenes": {sid: draw(scenes) for sid in ("s0", "s1", "s2")}, "campaigns": {"c0": draw(campaign)}}
    if draw(st.booleans()):
        doc["variables"] = {"visits": {"type": "number"}, "rota": {"type": "bool"}}
    return doc


HOSTILE = [
    f'!!python/object/apply:os.system ["touch {SENTINEL}"]',
    f'!!python/object/apply:builtins.open ["{SENTINEL}", "w"]',
    "!!python/name:os.system", f"!!python/object/new:subprocess.Popen [[touch, {SENTINEL}]]",
    "&a [*a]", "!!binary aGVsbG8=", "!!set {a, b}", "!custom x", "? [complex, key]\n: value",
    "---\nscenes: {}", "\ttabbed: 1", "key: value\nkey: again", "a: &x [1, 2]\nb: *x\nc: *x",
    "{unclosed: [", "'unterminated", "|\n  block", "- a\nb: c", "%YAML 1.1\n---\nx: 1", "*undefined",
]


@st.composite
def content_files(draw) -> bytes:
    """A content file's bytes: a schema-shaped document, then perhaps hostile text mixed in."""
    doc = draw(st.one_of(content_documents(), story_documents()))
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False,
                          default_flow_style=draw(st.sampled_from([False, True, None])))
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(lines)))
        indent = " " * draw(st.sampled_from([0, 0, 2, 4]))
        lines.insert(at, indent + draw(st.sampled_from(HOSTILE)))
    data = "\n".join(lines).encode("utf-8")
    trick = draw(st.sampled_from(["none"] * 6 + ["bom", "latin1", "truncate", "nul"]))
    if trick == "bom":
        data = b"\xef\xbb\xbf" + data
    elif trick == "latin1":
        data = data + "\nname: Tromsø".encode("latin-1")
    elif trick == "truncate" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif trick == "nul":
        data = data.replace(b":", b"\x00:", 1)
    return data


# -- running one case ---------------------------------------------------------------------------------
@contextlib.contextmanager
def time_limit(seconds: float):
    """Fail (rather than hang) when the body takes too long; the alarm needs POSIX and the main thread."""
    def stop(*_):
        raise TimeoutError(f"took longer than {seconds} s")
    usable = hasattr(signal, "setitimer")
    if usable:
        old = signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds * 5)  # the hard stop; the soft limit is checked below
    started = time.monotonic()
    try:
        yield
    finally:
        if usable:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.2f} s"


def check_content(folder, data: bytes, simulate_runs: int = 0, name: str = "fuzz.yaml") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    sentinel = folder / "SENTINEL"
    path = folder / name
    path.write_bytes(data.replace(SENTINEL.encode(), str(sentinel).encode()))
    world = [d for d in WORLD if not d.endswith("model.yaml")] if b"\nmodel:" in b"\n" + data else WORLD
    with time_limit(TIME_LIMIT):
        loaded = load_sources(world + [str(folder)])
        result = lint(world + [str(folder)], simulate_runs=simulate_runs)
    for report in (loaded.report, result.report):
        for d in report.items:
            assert d.path and d.line >= 1 and d.col >= 1 and d.message, d.format()
            assert d.severity in ("error", "warning")
    assert not sentinel.exists(), "content ran code"


_counter = iter(range(10**9))


def fresh(tmp_path):
    return tmp_path / f"case{next(_counter)}"


# -- the tests -------------------------------------------------------------------------------------------
@FUZZ
@given(data=content_files())
def test_random_content_is_reported_never_raised(tmp_path, data):
    check_content(fresh(tmp_path), data)


EXAMPLE = os.path.join(ROOT, "docs", "example", "first_week.yaml")


@FUZZ
@given(seed=st.integers(0, 2**32 - 1), replacement=st.one_of(conditions, effects_text, yaml_values.map(str),
                                                               st.sampled_from(HOSTILE)))
def test_mutated_example_is_reported_never_raised(tmp_path, seed, replacement):
    """The worked example with one line's value replaced: deep checks (references, the scene graph,
    simulated playthroughs) run on content that is almost right."""
    rng = random.Random(seed)
    with open(EXAMPLE, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    candidates = [i for i, ln in enumerate(lines) if ":" in ln and not ln.lstrip().startswith("#")]
    for _ in range(rng.randint(1, 3)):
        i = rng.choice(candidates)
        key, _, _ = lines[i].partition(":")
        how = rng.random()
        if how < 0.6:
            lines[i] = f"{key}: {replacement}" if "\n" not in replacement else f"{key}: {replacement!r}"
        elif how < 0.8:
            del lines[i]
            candidates = [c for c in candidates if c < len(lines)]
        else:
            lines.insert(i, lines[i])
    check_content(fresh(tmp_path), "\n".join(lines).encode("utf-8"), simulate_runs=3)


@settings(max_examples=EXAMPLES * 4, deadline=None)
@given(text=st.one_of(conditions, effects_text, junk_rule))
def test_random_rules_compile_or_name_their_column(text):
    """Against the real world's names: a rule either compiles (as a condition, a number or effects) or
    fails with a position inside the text; nothing else escapes and nothing is evaluated."""
    loaded = load_sources(WORLD)
    symbols = loaded.ctx.symbols if loaded.ctx else None
    assert symbols is not None
    for parse, compile_ in ((rules.parse_condition, compile_condition), (rules.parse_effects, compile_effects)):
        with time_limit(TIME_LIMIT):
            try:
                compile_(parse(text), symbols, loaded.ctx.usage, "fuzz")
            except (rules.RulesSyntaxError, CompileError) as exc:
                assert 0 <= exc.pos <= len(text), (text, exc.pos)
                assert exc.message


@pytest.mark.parametrize("payload", [p.replace(SENTINEL, "{sentinel}") for p in HOSTILE[:4]] + [
    'scenes:\n  s0:\n    text: Hi\n    choices:\n      - text: Go\n'
    '        if: __import__("os").system("touch {sentinel}")\n',
    'scenes:\n  s0:\n    text: Hi\n    do: open("{sentinel}", "w")\n',
    'scenes: !!python/object/apply:os.system ["touch {sentinel}"]\n',
])
def test_nothing_in_a_content_file_runs_code(tmp_path, payload):
    sentinel = tmp_path / "SENTINEL"
    check_content(tmp_path / "case", payload.replace("{sentinel}", str(sentinel)).encode("utf-8"))
    assert not sentinel.exists()
