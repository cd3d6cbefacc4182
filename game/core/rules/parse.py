"""The rules language: parsing conditions and effects written in content.

Conditions are expressions (`trust >= 40 and not flag("relapse")`); effects are statements
separated by `;` (`wellbeing += 3; jonas.trust += 2; set_flag("called_home")`). Text is parsed
into small tuples (an AST) here and compiled into closures by `compiler.py`; nothing is ever
handed to `eval` or `exec`.

Grammar (lowest precedence first):
    effects    := statement (';' statement)* ';'?
    statement  := target ('=' | '+=' | '-=') expr  |  NAME '(' args ')'
    target     := NAME ('.' NAME)?
    expr       := and_expr ('or' and_expr)*
    and_expr   := not_expr ('and' not_expr)*
    not_expr   := 'not' not_expr | comparison
    comparison := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?
    sum        := product (('+' | '-') product)*
    product    := unary (('*' | '/') unary)*
    unary      := '-' unary | atom
    atom       := NUMBER | STRING | 'true' | 'false' | NAME ('.' NAME)? | NAME '(' args ')'
                  | '(' expr ')'
"""

from __future__ import annotations

import re
from typing import Any

MAX_LENGTH = 2000
MAX_NESTING = 32
MAX_TERMS = 100       # operators in one rule: more is no rule a person reads, and deep to run
MAX_NUMBER_CHARS = 15  # a number literal: enough for any figure, never an infinite float

# AST node shapes (all tuples, so they can be cached with marshal):
#   ("num", value)  ("str", value)  ("bool", value)
#   ("name", name, pos)  ("attr", owner, name, pos)  ("call", fname, args_tuple, pos)
#   ("neg", expr, pos)  ("not", expr, pos)  ("and", left, right)  ("or", left, right)
#   ("bin", op, left, right, pos)  ("cmp", op, left, right, pos)
#   statements: ("set", op, target, expr, pos)  ("do", fname, args_tuple, pos)
Node = tuple[Any, ...]
Statements = tuple[Node, ...]  # the statements of one line of effects


class RulesSyntaxError(Exception):
    """A syntax error at a character offset in the rule's text."""

    def __init__(self, message: str, pos: int):
        super().__init__(message)
        self.message = message
        self.pos = pos


_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<num>\d+(?:\.\d+)?|\.\d+)
  | (?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>\+=|-=|==|!=|<=|>=|[-+*/<>=().,;])
""", re.VERBOSE)

_KEYWORDS = {"and", "or", "not", "true", "false"}
_COMPARE = {"==", "!=", "<", "<=", ">", ">="}
_ASSIGN = {"=", "+=", "-="}
_TERM_OPS = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">", ">="}


def tokenize(text: str) -> list[tuple[str, Any, int]]:
    """Split rule text into (kind, value, offset) tokens, ending with ("end", None, len)."""
    if len(text) > MAX_LENGTH:
        raise RulesSyntaxError(f"expected a rule of at most {MAX_LENGTH} characters, "
                               f"found {len(text)}", 0)
    tokens: list[tuple[str, Any, int]] = []
    pos = 0
    terms = 0
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            ch = text[pos]
            hint = ""
            if ch in "&|":
                hint = " (write 'and' / 'or')"
            elif ch == "!":
                hint = " (write 'not')"
            elif ch == '"' or ch == "'":
                hint = " (a text in quotes was not closed)"
            raise RulesSyntaxError(f"unexpected character '{ch}'{hint}", pos)
        kind = m.lastgroup
        raw = m.group()
        if kind == "op" and raw in _TERM_OPS or kind == "name" and raw in ("and", "or"):
            terms += 1
            if terms > MAX_TERMS:
                raise RulesSyntaxError(f"expected at most {MAX_TERMS} operators in one rule; split it "
                                       "into several rules or variables", pos)
        if kind == "num" and len(raw) > MAX_NUMBER_CHARS:
            raise RulesSyntaxError(f"expected a number of at most {MAX_NUMBER_CHARS} characters, "
                                   f"found {len(raw)}", pos)
        if kind == "num":
            tokens.append(("num", float(raw) if "." in raw else int(raw), pos))
        elif kind == "str":
            tokens.append(("str", _unescape(raw[1:-1]), pos))
        elif kind == "name":
            tokens.append(("kw" if raw in _KEYWORDS else "name", raw, pos))
        elif kind == "op":
            tokens.append(("op", raw, pos))
        pos = m.end()
    tokens.append(("end", None, n))
    return tokens


def _unescape(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0

    # -- helpers -------------------------------------------------------------------------
    def peek(self) -> tuple[str, Any, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, Any, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def at(self, kind: str, value: Any = None) -> bool:
        k, v, _ = self.tokens[self.i]
        return k == kind and (value is None or v == value)

    def expect_op(self, op: str, what: str) -> int:
        kind, value, pos = self.take()
        if kind != "op" or value != op:
            raise RulesSyntaxError(f"expected {what}, found {_describe(kind, value)}", pos)
        return pos

    def nested(self) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise RulesSyntaxError(f"expected at most {MAX_NESTING} levels of nesting", self.peek()[2])

    # -- grammar -------------------------------------------------------------------------
    def expression(self) -> Node:
        self.nested()
        left = self.and_expr()
        while self.at("kw", "or"):
            self.take()
            left = ("or", left, self.and_expr())
        self.depth -= 1
        return left

    def and_expr(self) -> Node:
        left = self.not_expr()
        while self.at("kw", "and"):
            self.take()
            left = ("and", left, self.not_expr())
        return left

    def not_expr(self) -> Node:
        if self.at("kw", "not"):
            pos = self.take()[2]
            self.nested()
            inner = self.not_expr()
            self.depth -= 1
            return ("not", inner, pos)
        return self.comparison()

    def comparison(self) -> Node:
        left = self.sum()
        kind, value, pos = self.peek()
        if kind == "op" and value in _COMPARE:
            self.take()
            right = self.sum()
            node = ("cmp", value, left, right, pos)
            k2, v2, p2 = self.peek()
            if k2 == "op" and v2 in _COMPARE:
                raise RulesSyntaxError("expected one comparison at a time; join two with 'and'", p2)
            return node
        if kind == "op" and value == "=":
            raise RulesSyntaxError("expected a comparison; to compare use '==' (a single '=' "
                                   "sets a value and belongs in effects)", pos)
        return left

    def sum(self) -> Node:
        left = self.product()
        while True:
            kind, value, pos = self.peek()
            if kind == "op" and value in ("+", "-"):
                self.take()
                left = ("bin", value, left, self.product(), pos)
            else:
                return left

    def product(self) -> Node:
        left = self.unary()
        while True:
            kind, value, pos = self.peek()
            if kind == "op" and value in ("*", "/"):
                self.take()
                left = ("bin", value, left, self.unary(), pos)
            else:
                return left

    def unary(self) -> Node:
        if self.at("op", "-"):
            pos = self.take()[2]
            self.nested()
            inner = self.unary()
            self.depth -= 1
            return ("neg", inner, pos)
        return self.atom()

    def atom(self) -> Node:
        kind, value, pos = self.take()
        if kind == "num":
            return ("num", value)
        if kind == "str":
            return ("str", value)
        if kind == "kw" and value in ("true", "false"):
            return ("bool", value == "true")
        if kind == "name":
            if self.at("op", "("):
                return ("call", value, self.arguments(), pos)
            if self.at("op", "."):
                self.take()
                k2, v2, p2 = self.take()
                if k2 != "name":
                    raise RulesSyntaxError(f"expected a name after '{value}.', found "
                                           f"{_describe(k2, v2)}", p2)
                return ("attr", value, v2, p2)
            return ("name", value, pos)
        if kind == "op" and value == "(":
            inner = self.expression()
            self.expect_op(")", "')' to close '('")
            return inner
        raise RulesSyntaxError(f"expected a value, a name or '(', found {_describe(kind, value)}", pos)

    def arguments(self) -> tuple[Node, ...]:
        self.expect_op("(", "'('")
        args: list[Node] = []
        if self.at("op", ")"):
            self.take()
            return ()
        while True:
            args.append(self.expression())
            if self.at("op", ","):
                self.take()
                continue
            self.expect_op(")", "',' or ')' in the argument list")
            return tuple(args)

    def statement(self) -> Node:
        kind, value, pos = self.peek()
        if kind != "name":
            raise RulesSyntaxError(f"expected an effect such as 'wellbeing += 2' or "
                                   f"'set_flag(\"x\")', found {_describe(kind, value)}", pos)
        self.take()
        if self.at("op", "("):
            return ("do", value, self.arguments(), pos)
        target: Node = ("name", value, pos)
        if self.at("op", "."):
            self.take()
            k2, v2, p2 = self.take()
            if k2 != "name":
                raise RulesSyntaxError(f"expected a name after '{value}.', found {_describe(k2, v2)}", p2)
            target = ("attr", value, v2, p2)
        k3, op, p3 = self.take()
        if k3 != "op" or op not in _ASSIGN:
            if k3 == "op" and op in _COMPARE:
                raise RulesSyntaxError(f"expected '=', '+=' or '-=' in an effect, found '{op}' "
                                       "(comparisons belong in conditions)", p3)
            raise RulesSyntaxError(f"expected '=', '+=' or '-=' after '{value}', found "
                                   f"{_describe(k3, op)}", p3)
        return ("set", op, target, self.expression(), p3)


def _describe(kind: str, value: Any) -> str:
    if kind == "end":
        return "the end of the rule"
    if kind == "str":
        return f'the text "{value}"'
    if kind == "num":
        return f"the number {value}"
    return f"'{value}'"


def parse_condition(text: str) -> Node:
    """Parse a condition or value expression; raises RulesSyntaxError."""
    parser = _Parser(text)
    if parser.at("end"):
        raise RulesSyntaxError("expected a condition, found nothing", 0)
    node = parser.expression()
    kind, value, pos = parser.peek()
    if kind != "end":
        hint = " (join conditions with 'and' or 'or')" if kind in ("name", "num", "str") else ""
        raise RulesSyntaxError(f"expected the end of the condition, found {_describe(kind, value)}{hint}", pos)
    return node


def parse_effects(text: str) -> Statements:
    """Parse `;`-separated effect statements; raises RulesSyntaxError."""
    parser = _Parser(text)
    statements: list[Node] = []
    while not parser.at("end"):
        statements.append(parser.statement())
        if parser.at("op", ";"):
            parser.take()
            continue
        kind, value, pos = parser.peek()
        if kind != "end":
            raise RulesSyntaxError(f"expected ';' between effects, found {_describe(kind, value)}", pos)
    if not statements:
        raise RulesSyntaxError("expected at least one effect, found nothing", 0)
    return tuple(statements)
