"""How simulated players choose: the policies `simulate` plays with.

  random     any offered choice, uniformly;
  first      always the first choice as shown (the order is drawn from the seed: see Engine.choices);
  engaged    prefers choices tagged with activities whose policy is "engaged" (work, school, health,
             family, contact...) and, for officers, choices that follow principles;
  idle       the opposite: prefers "idle" activities and choices that break principles;
  preview    a player who reads only what the preview shows at a level (default: the home room's, see
             preview.py) and picks what looks best: at `meters`, a choice that touches good meters
             (wellbeing, education, trust...) looks good and one that touches risks (peers, substance
             use, attitudes) looks bad; at `direction`, each "better" counts for and each "worse"
             against; `preview:direction` names the level;
  late:N     idle until day N, then engaged;
  focus:TAG  prefers choices tagged TAG (work, study, family...), and otherwise plays engaged.
Ties are broken at random, so runs of one policy still differ from each other.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Callable

from ..content import Choice, Content
from . import preview as pv

if TYPE_CHECKING:
    from .engine import Engine

BASIC = ("random", "first", "engaged", "idle", "preview")
FORMS = "random, first, engaged, idle, preview[:off|meters|direction], late:N, focus:TAG"


class PolicyError(ValueError):
    """A policy name that does not parse; the message says what is expected."""


class Policy:
    """A way of choosing: called with the offered choices, returns one. Policies that depend on the
    day (late:N) are bound to the engine of each playthrough by `play_once`."""

    def __init__(self, name: str, pick: Callable[[list[Choice]], Choice]):
        self.name = name
        self.pick = pick
        self.engine: Engine | None = None

    def bind(self, engine: Engine) -> None:
        self.engine = engine

    def __call__(self, offered: list[Choice]) -> Choice:
        return offered[0] if len(offered) == 1 else self.pick(offered)


def engaged_score(choice: Choice, content: Content) -> int:
    """+1 for each engaged activity, -1 for each idle one; +1 per principle followed, -1 per broken."""
    score = 0
    for tag in choice.tags:
        activity = content.activities.get(tag)
        policy = activity.policy if activity else "neutral"
        score += 1 if policy == "engaged" else -1 if policy == "idle" else 0
    return score + len(choice.follows) - len(choice.breaks)


def preview_score(choice: Choice, content: Content, level: str) -> int:
    """How good a choice looks to someone who reads only its preview at this level."""
    kinds = content.model.kinds
    score = 0
    for hint in pv.hints(content, choice, level):
        if level == pv.DIRECTION:
            score += 1 if hint.verdict == pv.BETTER else -1 if hint.verdict == pv.WORSE else 0
        else:
            score += -1 if kinds.get(hint.var) == "risk" else 1
    return score


def _best(scores: list[float], offered: list[Choice], rng: random.Random) -> Choice:
    best = max(scores)
    tied = [c for c, s in zip(offered, scores) if s == best]
    return tied[rng.randrange(len(tied))] if len(tied) > 1 else tied[0]


def make_policy(name: str, content: Content, rng: random.Random) -> Policy:
    """The policy called `name` (see the module's docstring); raises PolicyError when it is unknown."""
    kind, _, arg = name.partition(":")
    if kind == "random" and not arg:
        return Policy(name, rng.choice)
    if kind == "first" and not arg:
        return Policy(name, lambda offered: offered[0])
    if kind in ("engaged", "idle") and not arg:
        sign = 1 if kind == "engaged" else -1
        return Policy(name, lambda offered: _best([sign * engaged_score(c, content) for c in offered],
                                                  offered, rng))
    if kind == "preview":
        level = arg or pv.default_level("home")
        if level not in pv.LEVELS:
            raise PolicyError(f"unknown preview level '{level}'; expected one of {', '.join(pv.LEVELS)}")
        return Policy(name, lambda offered: _best([preview_score(c, content, level) for c in offered],
                                                  offered, rng))
    if kind == "focus":
        if arg not in content.activities:
            known = ", ".join(content.activities) or "none"
            raise PolicyError(f"focus needs an activity, e.g. focus:work; '{arg}' is not one ({known})")
        return Policy(name, lambda offered: _best(
            [10 * (arg in c.tags) + engaged_score(c, content) for c in offered], offered, rng))
    if kind == "late":
        try:
            from_day = int(arg)
        except ValueError:
            raise PolicyError(f"late needs a day number, e.g. late:8; found '{arg}'") from None
        policy = Policy(name, lambda offered: offered[0])

        def pick(offered: list[Choice]) -> Choice:
            day = policy.engine.state.day if policy.engine is not None else from_day
            sign = -1 if day < from_day else 1
            return _best([sign * engaged_score(c, content) for c in offered], offered, rng)
        policy.pick = pick
        return policy
    raise PolicyError(f"unknown policy '{name}'; expected one of {FORMS}")
