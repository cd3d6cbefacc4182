"""Type-check rule ASTs against the content's names and compile them into closures.

Every name is resolved when content loads: an unknown variable or function, a wrong argument type
or a text compared with a number is an error then, never a surprise when a player reaches the line.
The result is a plain Python closure taking an evaluation context (see `engine.Context`), so
evaluating a condition costs a few function calls and nothing is ever passed to `eval`.

Names in a rule resolve in this order:
  * `value`, `delta`  - only inside model modifiers: the variable being changed and the raw change;
  * built-ins         - day, phase, slot, profile, campaign, role (read-only);
  * model variables   - wellbeing, trust... of the *subject*: the player in a resident campaign,
                        the character in a character epilogue;
  * global variables  - declared in a `variables:` section;
  * `who.var`         - a named character's variable (`jonas.trust`, `jonas.risk`).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable

from ..diagnostics import did_you_mean
from .bounded import safe_round
from .fold import COMPARATORS, COMPARE_CONST, COMPARE_SUBJECT, NOT_LITERAL, Condition, arith_const, arith_subject
from .fold import literal

if TYPE_CHECKING:
    from .parse import Node, Statements

NUMBER, BOOL, TEXT = "number", "bool", "text"
_TYPE_WORDS = {NUMBER: "a number", BOOL: "true/false", TEXT: "a text"}

BUILTINS = {"day": NUMBER, "phase": TEXT, "slot": TEXT, "profile": TEXT, "campaign": TEXT, "role": TEXT}
MODIFIER_NAMES = {"value": NUMBER, "delta": NUMBER}
# name: (argument types, result type); None as argument types means "one or more numbers"
FUNCTIONS: dict[str, tuple[tuple[str, ...] | None, str]] = {
    "flag": ((TEXT,), BOOL),
    "seen": ((TEXT,), BOOL),
    "did": ((TEXT,), BOOL),
    "chance": ((NUMBER,), BOOL),
    "min": (None, NUMBER),
    "max": (None, NUMBER),
    "abs": ((NUMBER,), NUMBER),
    "round": ((NUMBER,), NUMBER),
    "risk": ((), NUMBER),
    "average": ((TEXT,), NUMBER),
    "principle": ((TEXT,), NUMBER),
}
STATEMENTS = {"set_flag": (TEXT,), "clear_flag": (TEXT,)}

Effect = Callable[[Any], None]


class CompileError(Exception):
    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.message = message
        self.pos = pos


@dataclass
class Usage:
    """What the compiled rules read and write, for lint."""

    flags_read: dict[str, list[Any]] = field(default_factory=dict)
    flags_set: dict[str, list[Any]] = field(default_factory=dict)
    vars_read: dict[str, list[Any]] = field(default_factory=dict)
    vars_set: dict[str, list[Any]] = field(default_factory=dict)
    scenes_seen: dict[str, list[Any]] = field(default_factory=dict)
    activities: dict[str, list[Any]] = field(default_factory=dict)
    principles: dict[str, list[Any]] = field(default_factory=dict)
    subject_used: list[Any] = field(default_factory=list)

    @staticmethod
    def note(table: dict[str, list[Any]], key: str, where: Any) -> None:
        table.setdefault(key, []).append(where)


@dataclass
class Symbols:
    """The names content may use, gathered from the whole content before compiling."""

    model_vars: dict[str, str]               # name -> kind (protective/risk/fixed/modifier)
    globals: dict[str, str]                  # name -> type
    characters: dict[str, set[str]]          # id -> variable names it has
    scenes: set[str] = field(default_factory=set)
    activities: set[str] = field(default_factory=set)
    principles: set[str] = field(default_factory=set)
    phases: set[str] = field(default_factory=set)


class _Compiler:
    def __init__(self, symbols: Symbols, usage: Usage, where: Any, site: int, modifier: bool):
        self.s = symbols
        self.usage = usage
        self.where = where
        self.site = site
        self.modifier = modifier

    # -- expressions ---------------------------------------------------------------------
    def expr(self, node: Node) -> tuple[Condition, str]:
        tag = node[0]
        if tag == "num":
            v = node[1]
            return (lambda c: v), NUMBER
        if tag == "str":
            v = node[1]
            return (lambda c: v), TEXT
        if tag == "bool":
            v = node[1]
            return (lambda c: v), BOOL
        if tag == "name":
            return self.name(node[1], node[2])
        if tag == "attr":
            return self.attr(node[1], node[2], node[3])
        if tag == "call":
            return self.call(node[1], node[2], node[3])
        if tag == "neg":
            f = self.typed(node[1], NUMBER, "after '-'", node[2])
            return (lambda c: -f(c)), NUMBER
        if tag == "not":
            f = self.typed(node[1], BOOL, "after 'not'", node[2])
            return (lambda c: not f(c)), BOOL
        if tag in ("and", "or"):
            lf, lt = self.expr(node[1])
            rf, rt = self.expr(node[2])
            for t, side in ((lt, "left"), (rt, "right")):
                if t != BOOL:
                    raise CompileError(f"expected true/false on the {side} of '{tag}', found "
                                       f"{_TYPE_WORDS[t]}", _pos(node[1] if side == "left" else node[2]))
            if tag == "and":
                return (lambda c: lf(c) and rf(c)), BOOL
            return (lambda c: lf(c) or rf(c)), BOOL
        if tag == "bin":
            return self.arith(node)
        if tag == "cmp":
            return self.compare(node)
        raise CompileError(f"unknown rule element {tag}", 0)  # pragma: no cover

    def typed(self, node: Node, want: str, where: str, pos: int) -> Condition:
        f, t = self.expr(node)
        if t != want:
            raise CompileError(f"expected {_TYPE_WORDS[want]} {where}, found {_TYPE_WORDS[t]}", pos)
        return f

    def name(self, name: str, pos: int) -> tuple[Condition, str]:
        if self.modifier and name in MODIFIER_NAMES:
            return attrgetter(name), NUMBER
        if name in BUILTINS:
            return attrgetter(name), BUILTINS[name]
        if name in self.s.model_vars:
            self.usage.subject_used.append(self.where)
            return (lambda c: c.subject[name]), NUMBER
        if name in self.s.globals:
            Usage.note(self.usage.vars_read, name, self.where)
            t = self.s.globals[name]
            return (lambda c: c.vars[name]), t
        if name in self.s.characters:
            raise CompileError(f"expected a variable, found the character '{name}'; "
                               f"write e.g. '{name}.trust'", pos)
        if name in FUNCTIONS:
            raise CompileError(f"'{name}' is a function; call it as {name}(...)", pos)
        known = list(BUILTINS) + list(self.s.model_vars) + list(self.s.globals)
        raise CompileError(f"unknown variable '{name}'{did_you_mean(name, known)}; declare it "
                           "under 'variables:' or use one of the model's variables", pos)

    def subject_var(self, node: Node) -> str | None:
        """The name, when this node reads a model variable of the subject (as `name()` resolves it)."""
        if node[0] != "name":
            return None
        name: str = node[1]
        if (self.modifier and name in MODIFIER_NAMES) or name in BUILTINS or name not in self.s.model_vars:
            return None
        return name

    def attr(self, owner: str, name: str, pos: int) -> tuple[Condition, str]:
        if owner not in self.s.characters:
            raise CompileError(f"unknown character '{owner}'{did_you_mean(owner, self.s.characters)}",
                               pos - len(owner) - 1)
        have = self.s.characters[owner]
        if name == "risk":
            if "trust" not in have:
                raise CompileError(f"'{owner}' has no model variables, so no risk", pos)
            return (lambda c: c.char_risk(owner)), NUMBER
        if name not in have:
            raise CompileError(f"unknown variable '{owner}.{name}'{did_you_mean(name, have)}", pos)
        Usage.note(self.usage.vars_read, f"{owner}.{name}", self.where)
        return (lambda c: c.chars[owner][name]), NUMBER

    def call(self, fname: str, args: tuple[Node, ...], pos: int) -> tuple[Condition, str]:
        if fname not in FUNCTIONS:
            hint = did_you_mean(fname, FUNCTIONS)
            if fname in STATEMENTS:
                raise CompileError(f"'{fname}' is an effect, not a condition", pos)
            raise CompileError(f"unknown function '{fname}'{hint}", pos)
        want, result = FUNCTIONS[fname]
        if want is None:
            if not args:
                raise CompileError(f"expected at least one number in {fname}(...)", pos)
            fs = [self.typed(a, NUMBER, f"in {fname}(...)", _pos(a, pos)) for a in args]
            agg = min if fname == "min" else max
            if len(fs) == 1:
                only = fs[0]
                return (lambda c: agg((only(c),))), NUMBER
            if len(fs) == 2:
                f1, f2 = fs
                l1, l2 = literal(args[0]), literal(args[1])
                if l1 is not NOT_LITERAL and l2 is NOT_LITERAL:  # max(0.35, ...): the usual shape
                    return (lambda c: agg(l1, f2(c))), NUMBER
                if l2 is not NOT_LITERAL and l1 is NOT_LITERAL:
                    return (lambda c: agg(f1(c), l2)), NUMBER
                return (lambda c: agg(f1(c), f2(c))), NUMBER
            return (lambda c: agg(f(c) for f in fs)), NUMBER
        if len(args) != len(want):
            raise CompileError(f"expected {len(want)} argument(s) to {fname}(), found {len(args)}", pos)
        if fname in ("flag", "seen", "did", "average", "principle"):
            key = self.literal_text(fname, args[0], pos)
            return self.lookup_call(fname, key, pos), result
        fs = [self.typed(a, t, f"in {fname}()", _pos(a, pos)) for a, t in zip(args, want)]
        if fname == "chance":
            p = fs[0]
            site = self.site
            return (lambda c: c.chance(p(c), site)), BOOL
        if fname == "abs":
            f = fs[0]
            return (lambda c: abs(f(c))), NUMBER
        if fname == "round":
            f = fs[0]
            return (lambda c: safe_round(f(c))), NUMBER
        if fname == "risk":
            self.usage.subject_used.append(self.where)
            return (lambda c: c.subject_risk()), NUMBER
        raise CompileError(f"unknown function '{fname}'", pos)  # pragma: no cover

    def literal_text(self, fname: str, arg: Node, pos: int) -> str:
        if arg[0] != "str":
            raise CompileError(f"expected a name in quotes in {fname}(\"...\")", pos)
        text: str = arg[1]
        return text

    def lookup_call(self, fname: str, key: str, pos: int) -> Condition:
        if fname == "flag":
            Usage.note(self.usage.flags_read, key, self.where)
            return lambda c: key in c.flags
        if fname == "seen":
            if self.s.scenes and key not in self.s.scenes:
                raise CompileError(f"unknown scene '{key}' in seen(){did_you_mean(key, self.s.scenes)}", pos)
            Usage.note(self.usage.scenes_seen, key, self.where)
            return lambda c: key in c.seen
        if fname == "did":
            if key not in self.s.activities:
                raise CompileError(f"unknown activity '{key}' in did(){did_you_mean(key, self.s.activities)}", pos)
            Usage.note(self.usage.activities, key, self.where)
            return lambda c: key in c.today
        if fname == "average":
            if key not in self.s.model_vars:
                raise CompileError(f"unknown model variable '{key}' in average()"
                                   f"{did_you_mean(key, self.s.model_vars)}", pos)
            return lambda c: c.average(key)
        if key not in self.s.principles:
            raise CompileError(f"unknown principle '{key}' in principle()"
                               f"{did_you_mean(key, self.s.principles)}", pos)
        Usage.note(self.usage.principles, key, self.where)
        return lambda c: c.principle_score(key)

    def arith(self, node: Node) -> tuple[Condition, str]:
        _, op, left, right, pos = node
        lf = self.typed(left, NUMBER, f"on the left of '{op}'", pos)
        rf = self.typed(right, NUMBER, f"on the right of '{op}'", pos)
        lv, rv = literal(left), literal(right)
        var = self.subject_var(left if rv is not NOT_LITERAL else right)
        folded = (arith_subject(op, var, lv, rv) if var is not None else None) or arith_const(op, lf, rf, lv, rv)
        if folded is not None:
            return folded, NUMBER
        if op == "+":
            return (lambda c: lf(c) + rf(c)), NUMBER
        if op == "-":
            return (lambda c: lf(c) - rf(c)), NUMBER
        if op == "*":
            return (lambda c: lf(c) * rf(c)), NUMBER

        def divide(c: Any) -> float:
            d = rf(c)
            return lf(c) / d if d else 0.0
        return divide, NUMBER

    def compare(self, node: Node) -> tuple[Condition, str]:
        _, op, left, right, pos = node
        lf, lt = self.expr(left)
        rf, rt = self.expr(right)
        if lt != rt:
            raise CompileError(f"expected the same kind of value on both sides of '{op}', found "
                               f"{_TYPE_WORDS[lt]} and {_TYPE_WORDS[rt]}", pos)
        if op not in ("==", "!=") and lt != NUMBER:
            raise CompileError(f"expected numbers around '{op}', found {_TYPE_WORDS[lt]}", pos)
        if lt == TEXT:
            self.check_text_compare(left, right, pos)
        lit = literal(right)
        if lit is not NOT_LITERAL:
            var = self.subject_var(left)
            if var is not None:
                return COMPARE_SUBJECT[op](var, lit), BOOL
            return COMPARE_CONST[op](lf, lit), BOOL
        return COMPARATORS[op](lf, rf), BOOL

    def check_text_compare(self, left: Node, right: Node, pos: int) -> None:
        """`phase == "opn"` is almost certainly a typo: check literals against known phases."""
        for a, b in ((left, right), (right, left)):
            if a[0] == "name" and a[1] == "phase" and b[0] == "str" and self.s.phases:
                if b[1] not in self.s.phases:
                    raise CompileError(f"unknown phase \"{b[1]}\"{did_you_mean(b[1], self.s.phases)}", pos)

    # -- statements ----------------------------------------------------------------------
    def statement(self, node: Node) -> Effect:
        if node[0] == "do":
            _, fname, args, pos = node
            if fname not in STATEMENTS:
                if fname in FUNCTIONS:
                    raise CompileError(f"'{fname}' is a condition, not an effect", pos)
                raise CompileError(f"unknown effect '{fname}'{did_you_mean(fname, STATEMENTS)}", pos)
            if len(args) != 1 or args[0][0] != "str":
                raise CompileError(f"expected one name in quotes: {fname}(\"name\")", pos)
            key = args[0][1]
            if fname == "set_flag":
                Usage.note(self.usage.flags_set, key, self.where)
                return lambda c: c.flags.add(key)
            Usage.note(self.usage.flags_set, key, self.where)
            return lambda c: c.flags.discard(key)
        _, op, target, value, pos = node
        vf, vt = self.expr(value)
        if target[0] == "name":
            name = target[1]
            if name in BUILTINS or (self.modifier and name in MODIFIER_NAMES):
                raise CompileError(f"'{name}' is kept by the game and cannot be changed", target[2])
            if name in self.s.model_vars:
                self.check_number(op, vt, name, pos)
                if self.s.model_vars[name] == "fixed":
                    raise CompileError(f"'{name}' is fixed by the model and cannot be changed", target[2])
                self.usage.subject_used.append(self.where)
                lit = literal(value)
                if lit is not NOT_LITERAL:
                    return lambda c: c.change(None, name, op, lit)
                return lambda c: c.change(None, name, op, vf(c))
            if name in self.s.globals:
                t = self.s.globals[name]
                if op != "=" and t != NUMBER:
                    raise CompileError(f"'{op}' works on numbers; '{name}' holds {_TYPE_WORDS[t]}", pos)
                if vt != t:
                    raise CompileError(f"expected {_TYPE_WORDS[t]} for '{name}', found {_TYPE_WORDS[vt]}", pos)
                Usage.note(self.usage.vars_set, name, self.where)
                return lambda c: c.set_global(name, op, vf(c))
            known = list(self.s.model_vars) + list(self.s.globals)
            raise CompileError(f"unknown variable '{name}'{did_you_mean(name, known)}; declare it "
                               "under 'variables:' or use one of the model's variables", target[2])
        owner, name, tpos = target[1], target[2], target[3]
        if owner not in self.s.characters:
            raise CompileError(f"unknown character '{owner}'{did_you_mean(owner, self.s.characters)}",
                               tpos - len(owner) - 1)
        if name not in self.s.characters[owner]:
            raise CompileError(f"unknown variable '{owner}.{name}'"
                               f"{did_you_mean(name, self.s.characters[owner])}", tpos)
        if self.s.model_vars.get(name) == "fixed":
            raise CompileError(f"'{owner}.{name}' is fixed by the model and cannot be changed", tpos)
        self.check_number(op, vt, f"{owner}.{name}", pos)
        Usage.note(self.usage.vars_set, f"{owner}.{name}", self.where)
        lit = literal(value)
        if lit is not NOT_LITERAL:
            return lambda c: c.change(owner, name, op, lit)
        return lambda c: c.change(owner, name, op, vf(c))

    @staticmethod
    def check_number(op: str, vt: str, name: str, pos: int) -> None:
        if vt != NUMBER:
            raise CompileError(f"expected a number for '{name}', found {_TYPE_WORDS[vt]}", pos)


def _pos(node: Node, default: int = 0) -> int:
    """The character offset a node starts at, as near as the AST records it."""
    tag = node[0]
    if tag in ("name", "neg", "not"):
        return int(node[2])
    if tag in ("attr", "call"):
        return int(node[3])
    if tag in ("bin", "cmp"):
        return int(node[4])
    if tag in ("and", "or"):
        return _pos(node[1], default)
    return default


def site_id(where: str) -> int:
    """A stable number for a rule's location, so chance() draws are reproducible."""
    return zlib.crc32(where.encode("utf-8"))


def compile_condition(ast: Node, symbols: Symbols, usage: Usage, where: Any,
                      want: str = BOOL, modifier: bool = False) -> Condition:
    """Compile a condition (or, with want=NUMBER, a value); raises CompileError."""
    comp = _Compiler(symbols, usage, where, site_id(str(where)), modifier)
    f, t = comp.expr(ast)
    if t != want:
        what = "a condition (true/false)" if want == BOOL else _TYPE_WORDS[want]
        raise CompileError(f"expected {what}, found {_TYPE_WORDS[t]}", _pos(ast))
    return f


def compile_effects(statements: Statements, symbols: Symbols, usage: Usage, where: Any) -> Effect:
    """Compile `;`-separated statements into one function; raises CompileError."""
    comp = _Compiler(symbols, usage, where, site_id(str(where)), False)
    fs = [comp.statement(s) for s in statements]
    if len(fs) == 1:
        return fs[0]
    if len(fs) == 2:
        first, second = fs

        def run_two(c: Any) -> None:
            first(c)
            second(c)
        return run_two

    def run_all(c: Any) -> None:
        for f in fs:
            f(c)
    return run_all


def effect_targets(statements: Statements) -> list[tuple[str | None, str, int]]:
    """(owner, variable, sign) for each statement, for the interface's "what this moves" preview.

    The sign is +1/-1 when it can be read off the text (`+= 3`, `-= 2`), 0 otherwise.
    """
    out: list[tuple[str | None, str, int]] = []
    for st in statements:
        if st[0] != "set":
            continue
        _, op, target, value, _ = st
        owner = target[1] if target[0] == "attr" else None
        name = target[2] if target[0] == "attr" else target[1]
        sign = 0
        if value[0] == "num" and op in ("+=", "-="):
            magnitude = value[1]
            sign = (1 if magnitude > 0 else -1 if magnitude < 0 else 0) * (1 if op == "+=" else -1)
        elif value[0] == "neg" and value[1][0] == "num" and op in ("+=", "-="):
            sign = -1 if op == "+=" else 1
        out.append((owner, name, sign))
    return out
