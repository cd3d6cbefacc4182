"""How effects land: through the model's scaling, floors and ceilings; budgets and what choices cost;
effects that land days later; the daily rules; and a note of every value a rule tried to take out of
its range, for lint.

`Changes` is a part of `Engine` (engine.py), kept here so each file has one job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..content import Choice
from ..rules.compiled import Effect, Text
from ..rules.bounded import bound
from .context import Context
from .state import GameState

if TYPE_CHECKING:
    from ..content import Campaign, Content

# What lint is told of an effect that tried to take a variable out of its range:
# [times, variable, worst value] (a list, so the counts can be added up in place).
Clamp = list[Any]


class Changes:
    """The engine's effects and budgets (mixed into `Engine`)."""

    content: "Content"
    state: GameState
    campaign: "Campaign"
    ctx: Context
    blank_subject: dict[str, float]
    clamped: dict[str, Clamp]  # effect pointer -> what it tried

    def affordable(self, choice: Choice) -> bool:
        """Whether the player's budgets cover the choice's cost."""
        variables = self.content.variables
        have = self.state.vars
        for name, amount in choice.cost.items():
            spec = variables.get(name)
            low = spec.lowest if spec is not None else 0.0
            if have.get(name, 0) - amount < (low or 0.0):
                return False
        return True

    def note_clamp(self, where: str, var: str, value: float) -> None:
        """Remember that an effect tried to take a variable out of its range (lint reports it)."""
        entry = self.clamped.setdefault(where, [0, var, value])
        entry[0] += 1
        if abs(value) > abs(entry[2]):
            entry[2] = value

    @property
    def _spent(self) -> Text:
        return self.content.strings.get("ui.spent") or {"": "Spent on this choice."}

    def _land_later(self) -> None:
        """Apply the delayed effects that fall due today (see `Choice.later`)."""
        st = self.state
        due = [p for p in st.pending if p[0] <= st.day]
        if not due:
            return
        st.pending = [p for p in st.pending if p[0] > st.day]
        for _day, sid, index, j in due:
            scene = self.content.scenes.get(sid)
            if scene is None or not 0 <= index < len(scene.choices) or j >= len(scene.choices[index].later):
                continue  # the content changed under a saved game: nothing to land
            self._run_effects(scene.choices[index].later[j].effects)

    def _daily_rules(self) -> None:
        """The model's daily rules at the end of a day: for the player, or for each resident an officer
        campaign follows (each in turn as the subject, each with its own draw from the seed)."""
        st = self.state
        model = self.content.model
        if st.subject is not None and model.daily:
            for rule in model.daily:
                if rule.cond is None or rule.cond(self.ctx):
                    self._run_effects(rule.effects)
        elif st.subject is None and model.daily_residents:
            # each resident's days go on between shifts: rules run with that resident as the subject,
            # each with its own draw from the seed
            ctx = self.ctx
            try:
                for who in self.campaign.residents:
                    ctx.subject = st.chars[who]
                    st.step += 1
                    for rule in model.daily_residents:
                        if rule.cond is None or rule.cond(ctx):
                            self._run_effects(rule.effects)
            finally:
                ctx.subject = self.blank_subject

    def _run_effects(self, effects: list[Effect]) -> None:
        ctx = self.ctx
        for effect in effects:
            ctx.why = effect.why
            ctx.where = effect.ptr
            (effect.fn or effect)(ctx)  # compiled: call its function without the wrapper
        ctx.why = None

    def apply_change(self, owner: str | None, var: str, op: str, value: float, ctx: Context) -> None:
        st = self.state
        target: dict[str, float] | None
        if owner is None:
            target = ctx.subject
            if target is self.blank_subject:
                return  # a campaign without a player subject; lint reports such rules
        else:
            target = st.chars.get(owner)
            if target is None:
                return
        model = self.content.model
        old = target.get(var, 0.0)
        if var in model.kinds:
            if op == "=":
                new = float(value)
                if not 0.0 <= new <= 100.0:  # a meter set outside its range: reported by lint
                    self.note_clamp(ctx.where, var, new)
            else:
                delta = float(value) if op == "+=" else -float(value)
                if model.modifiers and delta:
                    delta = model.scaled(var, delta, target, ctx)
                new = old + delta
            new = 0.0 if new < 0.0 else 100.0 if new > 100.0 else new
            floor = model.floors.get(var)
            if floor is not None and new < floor and new < old:
                new = old if old < floor else floor  # losses stop at the floor; nothing pushes below it
            ceiling = model.ceilings.get(var)
            if ceiling is not None and new > ceiling and new > old:
                new = old if old > ceiling else ceiling  # a risk stops rising at its ceiling
        else:
            new = float(value) if op == "=" else old + (value if op == "+=" else -value)
            new = bound(new, None, None, old)
        if new == old or new != new:  # NaN (inf - inf, a 0 * inf): the value stays as it was
            return
        target[var] = new
        if ctx.record:
            who = owner if owner is not None else ("" if target is st.subject else _owner_of(st, target))
            st.log.append({"who": who, "var": var, "before": round(old, 3), "after": round(new, 3),
                           "why": ctx.why})


def _owner_of(state: GameState, values: dict[str, float]) -> str:
    for k, v in state.chars.items():
        if v is values:
            return k
    return ""
