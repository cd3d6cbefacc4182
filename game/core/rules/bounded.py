"""Rules that run within bounds: what no content can make a running game do.

The loader already refuses what it can see (a rule of more than 100 operators or a number of more
than 15 characters: rules/parse.py; infinity and NaN anywhere: load/yamlsafe.py). What only shows
when a rule runs is bounded here and in the engine:

* `round()` of something that is not a finite number gives a finite one (never ValueError);
* a rule that can do arithmetic runs inside `guard`: an overflow or a number too large to convert
  makes the rule give a neutral value, the game goes on, and the engine keeps the rule's place so
  lint's simulated playthroughs report it there (core/lint_runs.py);
* values stored are kept finite and in range by the engine (play/context.py, play/changes.py, with
  `bound` below), so `n = n * n` settles at the variable's highest value instead of growing forever.
"""

from __future__ import annotations

import logging
import math
from typing import Any, Callable

log = logging.getLogger("neighbour.rules")

# the range of a number variable that declares no min or max
DEFAULT_LOW, DEFAULT_HIGH = -1_000_000_000, 1_000_000_000

_RISKY_CALLS = {"round", "min", "max", "abs"}


class RuleRuntimeError(ArithmeticError):
    """A rule that failed while it ran (an overflow); `where` is its content pointer."""

    def __init__(self, where: str, src: str, problem: str):
        super().__init__(f"the rule '{src[:80]}' at {where} cannot be worked out: {problem}")
        self.where = where
        self.src = src
        self.problem = problem


def safe_round(value: Any) -> float:
    """round() that never raises: NaN counts as 0, infinity as the largest allowed number."""
    if isinstance(value, float) and not math.isfinite(value):
        if value != value:
            return 0.0
        return float(DEFAULT_HIGH if value > 0 else DEFAULT_LOW)
    try:
        return float(round(value))
    except OverflowError:  # an int too large for a float
        return float(DEFAULT_HIGH if value > 0 else DEFAULT_LOW)


def bound(value: Any, low: float | None, high: float | None, old: Any) -> Any:
    """A number kept in [low, high] (the defaults when not given); NaN keeps the old value."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if value != value:
        return old
    lo = DEFAULT_LOW if low is None else low
    hi = DEFAULT_HIGH if high is None else high
    if value < lo:
        return lo
    if value > hi:
        return hi
    return value


def risky(node: Any) -> bool:
    """Whether a rule's AST can do arithmetic (and so overflow) when it runs."""
    if not isinstance(node, tuple) or not node:
        return False
    tag = node[0]
    if tag == "bin" or tag == "call" and node[1] in _RISKY_CALLS:
        return True
    return any(risky(part) for part in node if isinstance(part, tuple))  # a tuple of statements too


def guard(fn: Callable[[Any], Any], ast: Any, where: Any, src: str = "",
          neutral: Any = None) -> Callable[[Any], Any]:
    """`fn`, made safe when it can do arithmetic: a rule that overflows when it runs gives `neutral`
    (false for a condition, 0 for a number, no change for an effect), so the game goes on; the
    engine keeps the rule and the reason (`Engine.failed`) for lint, which reports it at the rule's
    place. Without an engine it raises RuleRuntimeError. A rule that cannot overflow is returned as
    it is: nothing is added to the game's hottest path."""
    if not risky(ast):
        return fn
    ptr = where[2] if isinstance(where, tuple) and len(where) == 3 else str(where)

    def run(c: Any) -> Any:
        try:
            return fn(c)
        except RuleRuntimeError:
            raise
        except (ArithmeticError, ValueError, RecursionError) as exc:
            problem = str(exc) or type(exc).__name__
            failed = getattr(getattr(c, "engine", None), "failed", None)
            if failed is None:
                raise RuleRuntimeError(ptr, src or ptr, problem) from None
            if ptr not in failed:
                log.info("the rule '%s' at %s cannot be worked out (%s); it is skipped", src[:80], ptr, problem)
                failed[ptr] = (src, problem)
            return neutral
    return run
