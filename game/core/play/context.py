"""What rules see while they run: the state's containers and a few services (`Context`).

Compiled rules (`rules.compile`) read and write through it; the engine keeps one and binds it to its
state. Random draws come from `_mix(seed, step, site)`, so a seed and a list of choices always replay
the same way.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Protocol

from ..rules.bounded import bound
from .state import GameState

if TYPE_CHECKING:
    from ..content import Campaign, Content

MASK64 = (1 << 64) - 1


def _mix(seed: int, step: int, site: int) -> float:
    """A well-mixed number in [0, 1) from three integers (splitmix64 finaliser)."""
    x = (seed * 0x9E3779B97F4A7C15 + step * 0xBF58476D1CE4E5B9 + site * 0x94D049BB133111EB) & MASK64
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK64
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK64
    x ^= x >> 31
    return x / 18446744073709551616.0


class Host(Protocol):
    """What a context needs of the engine that owns it (`Engine`; named here without importing it,
    since the engine imports this module)."""

    content: Content
    state: GameState
    campaign: Campaign
    blank_subject: dict[str, float]

    def apply_change(self, owner: str | None, var: str, op: str, value: float, ctx: Context) -> None: ...

    def note_clamp(self, where: str, var: str, value: float) -> None: ...

    def average(self, var: str) -> float: ...


class Context:
    """What rules see while they run: the state's containers and a few services."""

    __slots__ = ("engine", "vars", "flags", "seen", "today", "subject", "chars", "day", "phase", "slot",
                 "profile", "campaign", "role", "value", "delta", "why", "seed", "step", "record", "change",
                 "where")

    def __init__(self, engine: Host):  # the Engine (engine.py), which owns this context
        self.engine = engine
        # change(owner, var, op, value): used by compiled effects, once for every change made, so it
        # goes straight to the engine rather than through a method of this class.
        self.change: Callable[[str | None, str, str, float], None] = partial(engine.apply_change, ctx=self)
        self.value = 0.0
        self.delta = 0.0
        self.why: dict[str, str] | None = None  # the reason of the change running now, a text
        self.where = ""  # the content position (pointer) of the effect running now, for clamp reports
        self.record = True
        self.bind(engine.state)

    def bind(self, state: GameState) -> None:
        camp = self.engine.campaign
        self.vars = state.vars
        self.flags = state.flags
        self.seen = state.seen
        self.today = state.today
        self.subject = state.subject if state.subject is not None else self.engine.blank_subject
        self.chars = state.chars
        self.day = float(state.day)
        self.slot = ""
        self.phase = ""
        self.profile = state.profile or ""
        self.campaign = camp.id
        self.role = camp.role
        self.seed = state.seed

    # services used by compiled rules
    def chance(self, percent: float, site: int) -> bool:
        return _mix(self.seed, self.engine.state.step, site) * 100.0 < percent

    def set_global(self, name: str, op: str, value: Any) -> None:
        spec = self.engine.content.variables.get(name)
        old = self.vars.get(name, 0)
        if op == "+=":
            value = old + value
        elif op == "-=":
            value = old - value
        if spec is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
            low = spec.lowest
            if low is not None and value < low:
                if spec.budget is not None:  # spending what is not there: kept, and reported by lint
                    self.engine.note_clamp(self.where, name, value)
                value = low
            # in range, and finite: `n = n * n` stops at the highest value instead of growing forever
            value = bound(value, low, spec.max, old)
            if spec.budget is not None and self.record and value != old:
                self.engine.state.log.append({"who": "", "var": name, "before": old, "after": value,
                                              "why": self.why})
        self.vars[name] = value

    def subject_risk(self) -> float:
        return self.engine.content.model.risk(self.subject)

    def char_risk(self, who: str) -> float:
        return self.engine.content.model.risk(self.chars.get(who, {}))

    def average(self, var: str) -> float:
        return self.engine.average(var)

    def principle_score(self, pid: str) -> float:
        followed, broken = self.engine.state.principles.get(pid, (0, 0))
        return float(followed - broken)
