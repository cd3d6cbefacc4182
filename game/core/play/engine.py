"""The engine: a small facade over one `GameState`.

    engine = Engine.new(content, "resident", profile="sander", seed=7)
    engine.scene, engine.choices()      # what the player sees and may do
    engine.choose(0)                    # do the first of them
    engine.status                       # "scene", "day_end", "block_end" or "ending"
    engine.proceed()                    # go on from the day's summary or the end of a phase

A day is a list of slots (morning, afternoon...). Each slot opens with its own scene unless an event
(a storylet whose condition holds) is drawn first. Play follows `goto`s from scene to scene until a
choice goes to `end`; then the next slot begins. After the last slot the day's drift is applied and
the day's summary shown. Random draws (events, `chance()`) come from the seed, the step counter and
the place in the content, so a seed and a list of choices always replay the same way.
"""

from __future__ import annotations

import copy
import zlib
from dataclasses import dataclass

from ..content import Block, Campaign, Choice, Content, Day, Ending, Epilogue, Scene
from ..model import Estimate
from ..rules.compiled import Text
from .changes import Changes, Clamp
from .flow import CONTINUE, Candidate, Flow
from .context import Context, _mix
from .state import GameState

__all__ = ["CONTINUE", "Engine", "EngineError", "EndingView"]



class EngineError(Exception):
    """A request the engine cannot carry out in its current state (a bug in the caller)."""


@dataclass(slots=True)
class EndingView:
    ending: Ending
    estimate: Estimate | None                     # the player's, in a resident campaign
    epilogues: list[tuple[str, Epilogue | None, Estimate]]   # (character, epilogue, estimate)


class Engine(Flow, Changes):
    def __init__(self, content: Content, state: GameState):
        self.content = content
        self.state = state
        camp = content.campaigns.get(state.campaign)
        if camp is None:
            raise EngineError(f"unknown campaign '{state.campaign}'")
        self.campaign: Campaign = camp
        self.blank_subject = dict(content.model.starts)
        self.blocks = self._blocks()
        self._candidates: dict[str, list[Candidate]] = {}
        self._orders: dict[str, list[float]] = {}  # scene id -> a sort key per choice, from the seed
        self.clamped: dict[str, Clamp] = {}  # effect pointer -> [times, variable, worst value]: for lint
        self.failed: dict[str, tuple[str, str]] = {}  # rule pointer -> (rule, why it failed): for lint
        # (the values the risk came from, the risk)
        self._risk_of: tuple[tuple[float, ...] | None, float] = (None, 0.0)
        self.ctx = Context(self)
        self._sync()

    # -- starting --------------------------------------------------------------------------
    @classmethod
    def new(cls, content: Content, campaign: str, profile: str | None = None, seed: int = 0,
            scenario: str | None = None) -> "Engine":
        camp = content.campaigns.get(campaign)
        if camp is None:
            raise EngineError(f"unknown campaign '{campaign}'")
        state = GameState(campaign=campaign, seed=int(seed), scenario=scenario)
        state.vars = {name: spec.start() for name, spec in content.variables.items()}
        state.vars.update(camp.vars)
        for cid, ch in content.characters.items():
            values: dict[str, float] = {}
            if ch.model:
                values.update(content.model.starts)
                values.update(ch.start)
            values.update(ch.vars)
            if values:
                state.chars[cid] = {k: float(v) for k, v in values.items()}
        if camp.subject == "player":
            prof = next((p for p in camp.profiles if p.id == profile), None)
            if prof is None:
                if profile is not None:
                    raise EngineError(f"unknown profile '{profile}' in campaign '{campaign}'")
                prof = camp.profiles[0]
            state.profile = prof.id
            state.subject = {k: float(v) for k, v in content.model.starts.items()}
            state.subject.update({k: float(v) for k, v in prof.start.items()})
            state.flags.update(prof.flags)
            state.vars.update(prof.vars)
        engine = cls(content, state)
        engine._enter_block(0)
        return engine

    def _blocks(self) -> list[Block]:
        camp = self.campaign
        if self.state.scenario is None:
            return camp.blocks
        scen = self.content.scenarios.get(self.state.scenario)
        if scen is None:
            raise EngineError(f"unknown scenario '{self.state.scenario}'")
        phase = camp.blocks[0].phase if camp.blocks else next(iter(self.content.phases), "")
        for b in camp.blocks:
            if any(d.scenario == self.state.scenario for d in b.days):
                phase = b.phase
        day = Day(id=self.state.scenario, title=scen.title, slots=(("shift", scen.start),),
                  scenario=self.state.scenario)
        return [Block(phase=phase, cond=None, days=[day], label=None, intro=None, reflect=[])]

    # -- what the interface reads -----------------------------------------------------------
    @property
    def status(self) -> str:
        return self.state.status

    @property
    def scene(self) -> Scene | None:
        sid = self.state.scene
        return self.content.scenes.get(sid) if sid and self.state.status == "scene" else None

    @property
    def block(self) -> Block:
        return self.blocks[min(self.state.block, len(self.blocks) - 1)]

    @property
    def phase(self) -> str:
        return self.block.phase if self.blocks else ""

    @property
    def day(self) -> Day | None:
        block = self.block
        return block.days[min(self.state.day_index, len(block.days) - 1)] if block.days else None

    @property
    def slot_name(self) -> str:
        day = self.day
        if day is None or not day.slots:
            return ""
        return day.slots[min(self.state.slot, len(day.slots) - 1)][0]

    def choices(self) -> list[Choice]:
        """The choices on offer now, in the order to show them; a lone CONTINUE when there are none.

        A choice is on offer when its condition holds and the player can pay its cost. The order is
        drawn from the seed and the scene (the same for everyone playing with the same seed, so a class
        sees the same order), unless the scene pins it with `order: fixed`.
        """
        scene = self.scene
        if scene is None:
            return []
        ctx = self.ctx
        # `rule.fn or rule`: once a rule has been compiled, call its function without the wrapper
        offered = [c for c in scene.choices if (c.cond is None or (c.cond.fn or c.cond)(ctx))
                   and (not c.cost or self.affordable(c))]
        if len(offered) > 1 and scene.order != "fixed":
            keys = self._order_of(scene)
            offered.sort(key=lambda c: keys[c.index])
        return offered or [CONTINUE]

    def locked(self) -> list[Choice]:
        """Choices whose condition holds but whose cost the player cannot pay now, in the scene's order:
        a front end may show them greyed out, with what they cost."""
        scene = self.scene
        if scene is None:
            return []
        ctx = self.ctx
        out = [c for c in scene.choices if c.cost and (c.cond is None or (c.cond.fn or c.cond)(ctx))
               and not self.affordable(c)]
        if len(out) > 1 and scene.order != "fixed":
            keys = self._order_of(scene)
            out.sort(key=lambda c: keys[c.index])
        return out

    def _order_of(self, scene: Scene) -> list[float]:
        keys = self._orders.get(scene.id)
        if keys is None:
            site = zlib.crc32(scene.id.encode("utf-8"))
            keys = [_mix(self.state.seed, site, i) for i in range(len(scene.choices))]
            self._orders[scene.id] = keys
        return keys

    def scene_text(self, scene: Scene | None = None) -> Text:
        """The text to show for a scene: its first variant whose condition holds, else its text."""
        scene = scene or self.scene
        if scene is None:
            return {}
        for variant in scene.variants:
            if variant.cond(self.ctx):
                return variant.text
        return scene.text

    def estimate(self, who: str | None = None) -> Estimate:
        """The current estimate for the player (who=None) or a named character."""
        model = self.content.model
        if who is None:
            if self.state.subject is None:
                raise EngineError("this campaign follows characters; name one")
            return model.estimate(self.state.subject)
        return model.estimate(self.state.chars[who])

    def subjects(self) -> list[str | None]:
        """Whose estimates the campaign follows: [None] for the player, else the residents."""
        return [None] if self.campaign.subject == "player" else list(self.campaign.residents)

    def values(self, who: str | None = None) -> dict[str, float]:
        return self.state.subject if who is None and self.state.subject is not None else \
            self.state.chars.get(who or "", {})

    def average(self, var: str) -> float:
        who = self.campaign.residents
        if not who:
            return float(self.ctx.subject.get(var, 0.0))
        return sum(self.state.chars[w].get(var, 0.0) for w in who) / len(who)

    def mean_risk(self) -> float:
        model = self.content.model
        subject = self.state.subject
        if subject is not None:
            # Every choice records the risk before and after it, and the risk before one choice is
            # mostly the risk after the last: it is kept with the values it came from and reused
            # while they are the same (the formula reads nothing else).
            try:
                values = model.risk_values(subject)
            except KeyError:  # a variable not set: no shortcut
                return model.risk(subject)
            if values != self._risk_of[0]:
                self._risk_of = (values, model.risk(subject))
            return self._risk_of[1]
        who = self.campaign.residents
        return sum(model.risk(self.state.chars[w]) for w in who) / len(who) if who else 0.0

    def ending_view(self) -> EndingView:
        if self.state.status != "ending":
            raise EngineError("the story has not ended")
        ending = next(e for e in self.campaign.endings if e.id == self.state.ending)
        est = self.estimate() if self.state.subject is not None else None
        epilogues = []
        for who in self.campaign.residents:
            epilogues.append((who, self._epilogue(who), self.estimate(who)))
        return EndingView(ending, est, epilogues)

    def reflect(self) -> list[Text]:
        """The reflection questions of the block that just ended."""
        return self.block.reflect if self.state.status == "block_end" else []

    # -- what the interface does -------------------------------------------------------------
    def choose(self, choice: int | Choice) -> None:
        """Take a choice: an index into `choices()`, or one of its items."""
        if self.state.status != "scene":
            raise EngineError(f"nothing to choose while the status is '{self.state.status}'")
        scene = self.scene
        if not isinstance(choice, int) and self._offered_now(choice, scene):
            self._take(choice, scene)
            return
        offered = self.choices()
        if isinstance(choice, int):
            if not 0 <= choice < len(offered):
                raise EngineError(f"choice {choice} is not on offer (0-{len(offered) - 1})")
            picked = offered[choice]
        else:
            if choice not in offered:
                raise EngineError("that choice is not on offer")
            picked = choice
        self._take(picked)

    def _offered_now(self, choice: Choice, scene: Scene | None) -> bool:
        """True when this very choice of the current scene is on offer, found without testing the
        other choices' conditions (rules only read the state, so the answer is the same)."""
        if scene is None or choice is CONTINUE:
            return False
        i = choice.index
        if not (0 <= i < len(scene.choices) and scene.choices[i] is choice):
            return False
        if choice.cost and not self.affordable(choice):
            return False
        return choice.cond is None or bool((choice.cond.fn or choice.cond)(self.ctx))

    def choose_id(self, choice_id: str) -> None:
        for c in self.choices():
            if c.id == choice_id:
                self._take(c)
                return
        raise EngineError(f"choice '{choice_id}' is not on offer")

    def skip(self) -> None:
        """Skip the current scene (after its content warning): no effects, go to its 'skip'."""
        scene = self.scene
        if scene is None:
            raise EngineError("no scene to skip")
        self.state.skipped.append(scene.id)
        self.state.step += 1
        self._goto(scene.skip or "end")

    def proceed(self) -> None:
        """Go on from the day's summary or the end of a block."""
        st = self.state
        if st.status == "day_end":
            st.day_index += 1
            st.day += 1
            if st.day_index < len(self.block.days):
                self._start_day()
            elif self.block.reflect:
                st.status = "block_end"
            else:
                self._enter_block(st.block + 1)
        elif st.status == "block_end":
            self._enter_block(st.block + 1)
        else:
            raise EngineError(f"nothing to proceed from while the status is '{st.status}'")

    def finish_now(self) -> None:
        """End the story here (a lesson running out of time): the ending is chosen from the state now."""
        if self.state.status != "ending":
            self.state.scene = None
            self._finish()

    def restart_day(self) -> None:
        """Start the current day again from its first slot (a save whose scene the content no
        longer has), inside the calendar as it is now."""
        st = self.state
        st.block = max(0, min(st.block, len(self.blocks) - 1))
        st.day_index = max(0, min(st.day_index, len(self.block.days) - 1))
        self._start_day()

    def rewind(self, day_number: int) -> None:
        """Go back to the start of an earlier day ("what if"), forgetting what came after."""
        for i, snap in enumerate(self.state.days):
            if snap["day"] == day_number:
                keep = self.state.days[:i]
                restored = GameState.from_dict(copy.deepcopy(snap))
                restored.days = keep
                self.state = restored
                self.ctx.bind(restored)
                self._sync()
                self._start_day()
                return
        raise EngineError(f"no saved start of day {day_number}")
