"""Constant folding for the rule compiler: closures that use a literal side as a value.

A literal side of a comparison or a sum is used as a value rather than called, which halves the calls
a typical rule (`trust >= 40`, `value / 100`) makes; the results are the same as the plain closures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from .parse import Node

Condition = Callable[[Any], Any]

NOT_LITERAL = object()


def literal(node: Node) -> Any:
    """The value of a literal number, text or true/false (or -number); else NOT_LITERAL."""
    tag = node[0]
    if tag in ("num", "str", "bool"):
        return node[1]
    if tag == "neg" and node[1][0] == "num":
        return -node[1][1]
    return NOT_LITERAL


def arith_const(op: str, lf: Condition, rf: Condition, lv: Any, rv: Any) -> Condition | None:
    if rv is not NOT_LITERAL:
        if op == "+":
            return lambda c: lf(c) + rv
        if op == "-":
            return lambda c: lf(c) - rv
        if op == "*":
            return lambda c: lf(c) * rv
        if rv:
            return lambda c: lf(c) / rv
        return lambda c: 0.0
    if lv is not NOT_LITERAL:
        if op == "+":
            return lambda c: lv + rf(c)
        if op == "-":
            return lambda c: lv - rf(c)
        if op == "*":
            return lambda c: lv * rf(c)
    return None


def arith_subject(op: str, n: str, lv: Any, rv: Any) -> Condition | None:
    """A model variable of the subject with a literal, read in place (`trust / 100`, `0.5 * trust`)."""
    if rv is not NOT_LITERAL:
        if op == "+":
            return lambda c: c.subject[n] + rv
        if op == "-":
            return lambda c: c.subject[n] - rv
        if op == "*":
            return lambda c: c.subject[n] * rv
        if rv:
            return lambda c: c.subject[n] / rv
        return None
    if lv is not NOT_LITERAL:
        if op == "+":
            return lambda c: lv + c.subject[n]
        if op == "-":
            return lambda c: lv - c.subject[n]
        if op == "*":
            return lambda c: lv * c.subject[n]
    return None


COMPARE_CONST: dict[str, Callable[[Condition, Any], Condition]] = {
    "==": lambda l, v: (lambda c: l(c) == v),
    "!=": lambda l, v: (lambda c: l(c) != v),
    "<": lambda l, v: (lambda c: l(c) < v),
    "<=": lambda l, v: (lambda c: l(c) <= v),
    ">": lambda l, v: (lambda c: l(c) > v),
    ">=": lambda l, v: (lambda c: l(c) >= v),
}

COMPARE_SUBJECT: dict[str, Callable[[str, Any], Condition]] = {
    "==": lambda n, v: (lambda c: c.subject[n] == v),
    "!=": lambda n, v: (lambda c: c.subject[n] != v),
    "<": lambda n, v: (lambda c: c.subject[n] < v),
    "<=": lambda n, v: (lambda c: c.subject[n] <= v),
    ">": lambda n, v: (lambda c: c.subject[n] > v),
    ">=": lambda n, v: (lambda c: c.subject[n] >= v),
}

COMPARATORS: dict[str, Callable[[Condition, Condition], Condition]] = {
    "==": lambda l, r: (lambda c: l(c) == r(c)),
    "!=": lambda l, r: (lambda c: l(c) != r(c)),
    "<": lambda l, r: (lambda c: l(c) < r(c)),
    "<=": lambda l, r: (lambda c: l(c) <= r(c)),
    ">": lambda l, r: (lambda c: l(c) > r(c)),
    ">=": lambda l, r: (lambda c: l(c) >= r(c)),
}
