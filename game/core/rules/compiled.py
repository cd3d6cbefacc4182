"""Rules and effects compiled on first use.

The loader type-checks every rule when content is read from source; the objects here keep the parsed
form and compile it to a closure the first time a game needs it, so building content from the cache
costs little more than creating the objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, NotRequired, TypedDict

from .bounded import guard
from .compile import BOOL, Symbols, Usage, compile_condition, compile_effects, effect_targets

if TYPE_CHECKING:
    from .parse import Node, Statements

Text = dict[str, str]  # {lang: str}; the key "" holds text written without a language tag


class RuleData(TypedDict):
    """A rule as the loader leaves it in the normalised data (and the cache): checked, parsed."""

    src: str      # as written
    ast: Node     # parsed (rules.parse)
    ptr: str      # where in the content: scenes/kitchen/choices/0/if


class EffectData(TypedDict):
    """One line of effects as the loader leaves it in the normalised data (and the cache)."""

    src: str
    ast: Statements
    ptr: str
    why: NotRequired[Text | None]  # its own reason, when the line was written with one
    at: NotRequired[str]           # file:line:col (not in the cache)


class Rule:
    """A condition or number rule, compiled on first use."""

    __slots__ = ("src", "ast", "ptr", "want", "modifier", "symbols", "fn")

    def __init__(self, spec: RuleData, symbols: Symbols, want: str = BOOL, modifier: bool = False):
        self.src: str = spec["src"]
        self.ast = spec["ast"]
        self.ptr: str = spec["ptr"]
        self.want = want
        self.modifier = modifier
        self.symbols = symbols
        self.fn: Callable[[Any], Any] | None = None

    def __call__(self, ctx: Any) -> Any:
        fn = self.fn
        if fn is None:
            fn = self.fn = guard(compile_condition(self.ast, self.symbols, Usage(), self.ptr, self.want,
                                                   self.modifier), self.ast, self.ptr, self.src,
                                 False if self.want == BOOL else 0.0)
        return fn(ctx)


class Effect:
    """One line of effects with its reason, compiled on first use."""

    __slots__ = ("src", "ast", "ptr", "why", "symbols", "fn", "targets")

    def __init__(self, spec: EffectData, symbols: Symbols, why: Text | None):
        self.src: str = spec["src"]
        self.ast = spec["ast"]
        self.ptr: str = spec["ptr"]
        self.why: Text | None = spec.get("why") or why
        self.symbols = symbols
        self.fn: Callable[[Any], None] | None = None
        self.targets = effect_targets(self.ast)

    def __call__(self, ctx: Any) -> None:
        fn = self.fn
        if fn is None:
            fn = self.fn = guard(compile_effects(self.ast, self.symbols, Usage(), self.ptr), self.ast,
                                 self.ptr, self.src)
        fn(ctx)


def rule_or_none(spec: RuleData | None, symbols: Symbols, want: str = BOOL, modifier: bool = False) -> Rule | None:
    return Rule(spec, symbols, want, modifier) if spec else None


def effect_list(specs: list[EffectData] | None, symbols: Symbols, why: Text | None) -> list[Effect]:
    return [Effect(s, symbols, why) for s in specs or []]
