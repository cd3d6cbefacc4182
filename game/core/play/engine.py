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
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable

from ..content import Campaign, Choice, Content, Ending, Epilogue, Scene
from ..model import Estimate
from .state import GameState

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


CONTINUE = Choice(index=-1, id="continue", text={}, cond=None, effects=[], why=None, goto=None,
                  draw=None, tags=(), follows=(), breaks=(), feedback=None, preview=())
DRAW_SITE = 0x5EED


class EngineError(Exception):
    """A request the engine cannot carry out in its current state (a bug in the caller)."""


class Context:
    """What rules see while they run: the state's containers and a few services."""

    __slots__ = ("engine", "vars", "flags", "seen", "today", "subject", "chars", "day", "phase", "slot",
                 "profile", "campaign", "role", "value", "delta", "why", "seed", "step", "record", "change")

    def __init__(self, engine: "Engine"):
        self.engine = engine
        # change(owner, var, op, value): used by compiled effects, once for every change made, so it
        # goes straight to the engine rather than through a method of this class.
        self.change: Callable[[str | None, str, str, float], None] = partial(engine.apply_change, ctx=self)
        self.value = 0.0
        self.delta = 0.0
        self.why: dict | None = None
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
        if op == "+=":
            value = self.vars.get(name, 0) + value
        elif op == "-=":
            value = self.vars.get(name, 0) - value
        if spec is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
            if spec.min is not None:
                value = max(spec.min, value)
            if spec.max is not None:
                value = min(spec.max, value)
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


@dataclass(slots=True)
class EndingView:
    ending: Ending
    estimate: Estimate | None                     # the player's, in a resident campaign
    epilogues: list[tuple[str, Epilogue | None, Estimate]]   # (character, epilogue, estimate)


class Engine:
    def __init__(self, content: Content, state: GameState):
        self.content = content
        self.state = state
        camp = content.campaigns.get(state.campaign)
        if camp is None:
            raise EngineError(f"unknown campaign '{state.campaign}'")
        self.campaign: Campaign = camp
        self.blank_subject = dict(content.model.starts)
        self.blocks = self._blocks()
        self._candidates: dict[str, list] = {}
        self._risk_of: tuple[tuple | None, float] = (None, 0.0)  # (values the risk came from, risk)
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
        engine = cls(content, state)
        engine._enter_block(0)
        return engine

    def _blocks(self) -> list:
        camp = self.campaign
        if self.state.scenario is None:
            return camp.blocks
        from ..content import Block, Day
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
    def block(self):
        return self.blocks[min(self.state.block, len(self.blocks) - 1)]

    @property
    def phase(self) -> str:
        return self.block.phase if self.blocks else ""

    @property
    def day(self):
        block = self.block
        return block.days[min(self.state.day_index, len(block.days) - 1)] if block.days else None

    @property
    def slot_name(self) -> str:
        day = self.day
        if day is None or not day.slots:
            return ""
        return day.slots[min(self.state.slot, len(day.slots) - 1)][0]

    def choices(self) -> list[Choice]:
        """The choices on offer now, in order; a lone CONTINUE when the scene has none."""
        scene = self.scene
        if scene is None:
            return []
        ctx = self.ctx
        # `rule.fn or rule`: once a rule has been compiled, call its function without the wrapper
        offered = [c for c in scene.choices if c.cond is None or (c.cond.fn or c.cond)(ctx)]
        return offered or [CONTINUE]

    def scene_text(self, scene: Scene | None = None) -> dict:
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

    def reflect(self) -> list[dict]:
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

    # -- the flow ----------------------------------------------------------------------------
    def _sync(self) -> None:
        ctx = self.ctx
        ctx.day = float(self.state.day)
        if self.blocks:
            ctx.phase = self.phase
            ctx.slot = self.slot_name

    def _enter_block(self, index: int) -> None:
        st = self.state
        while index < len(self.blocks):
            block = self.blocks[index]
            st.block = index
            self._sync()
            if block.days and (block.cond is None or block.cond(self.ctx)):
                st.day_index = 0
                self._start_day(intro=block.intro)
                return
            index += 1
        self._finish()

    def _start_day(self, intro: str | None = None) -> None:
        st = self.state
        st.slot = 0
        st.today.clear()
        st.log.clear()
        st.after = None
        self._sync()
        st.days.append(st.snapshot())
        if intro:
            st.after = self._slot_scene()
            self._play(intro)
        else:
            self._enter_slot()

    def _slot_scene(self) -> str:
        day = self.day
        return day.slots[self.state.slot][1]

    def _enter_slot(self) -> None:
        st = self.state
        self._sync()
        name, own = self.day.slots[st.slot]  # as slot_name and _slot_scene() give them, looked up once
        st.step += 1
        event = self._draw(self._slot_candidates(name))
        if event is not None:
            sid, ev = event
            st.after = None if ev.takes_slot else own
            self._play(sid)
        else:
            st.after = None
            self._play(own)

    def _slot_candidates(self, slot: str) -> list:
        """Events that may open this slot, highest priority first (merged once per slot name)."""
        got = self._candidates.get(slot)
        if got is None:
            events = self.campaign.slot_events
            got = sorted(events.get(slot, []) + events.get("*", []), key=lambda item: -item[1].priority)
            self._candidates[slot] = got
        return got

    def _draw(self, candidates: list) -> tuple[str, Any] | None:
        """The event to play: the best priority among eligible ones, then by weight."""
        if not candidates:
            return None
        ctx = self.ctx
        st = self.state
        phase = self.phase
        best: list[tuple[str, Any]] = []
        top = None
        for sid, ev in candidates:  # sorted by priority, highest first
            if top is not None and ev.priority < top:
                break
            if ev.once and sid in st.seen:
                continue
            if ev.phases and phase not in ev.phases:
                continue
            if ev.pool and self.campaign.id not in ev.campaigns:
                continue
            if ev.cond is not None and not ev.cond(ctx):
                continue
            top = ev.priority
            best.append((sid, ev))
        if not best:
            return None
        total = sum(ev.weight for _, ev in best)
        if total <= 0:
            return best[0]
        pick = _mix(st.seed, st.step, DRAW_SITE) * total
        for item in best:
            pick -= item[1].weight
            if pick < 0:
                return item
        return best[-1]

    def _play(self, sid: str) -> None:
        st = self.state
        st.status = "scene"
        st.scene = sid
        st.step += 1
        st.seen[sid] = st.seen.get(sid, 0) + 1
        scene = self.content.scenes[sid]
        if scene.effects:
            self._run_effects(scene.effects)

    def _take(self, choice: Choice, scene: Scene | None = None) -> None:
        """Carry out a choice on offer in the current scene (`scene`, when the caller has it)."""
        st = self.state
        ctx = self.ctx
        if scene is None:
            scene = self.scene  # effects cannot change the scene, so this is the scene throughout
        before = self.mean_risk()
        if choice.tags:
            for tag in choice.tags:
                if tag not in st.today:
                    st.today.append(tag)
        if choice.follows:
            for pid in choice.follows:
                st.principles.setdefault(pid, [0, 0])[0] += 1
        if choice.breaks:
            for pid in choice.breaks:
                st.principles.setdefault(pid, [0, 0])[1] += 1
        if choice.effects:
            self._run_effects(choice.effects)
            after = self.mean_risk()
        else:
            after = before  # nothing ran that could move it
        st.history.append({
            "day": st.day, "block": st.block, "phase": ctx.phase, "slot": ctx.slot,
            "scene": scene.id if scene else "", "choice": choice.id,
            "risk_before": round(before, 3), "risk_after": round(after, 3),
        })
        st.step += 1
        if choice.draw:
            event = self._draw(self.content.pools.get(choice.draw, []))
            if event is not None:
                self._play(event[0])
                return
            self._goto("end")
            return
        if choice is CONTINUE and scene is not None:
            self._goto(scene.next or "end")
            return
        self._goto(choice.goto or "end")

    def _goto(self, target: str) -> None:
        if target != "end":
            self._play(target)
            return
        st = self.state
        if st.after:
            nxt, st.after = st.after, None
            self._play(nxt)
            return
        st.slot += 1
        if st.slot < len(self.day.slots):
            self._enter_slot()
            return
        self._end_day()

    def _end_day(self) -> None:
        st = self.state
        st.status = "day_end"
        st.scene = None
        st.slot = max(0, len(self.day.slots) - 1)
        if st.subject is not None and self.content.model.daily:
            for cond, effects, _why in self.content.model.daily:
                if cond is None or cond(self.ctx):
                    self._run_effects(effects)

    def _finish(self) -> None:
        st = self.state
        st.status = "ending"
        st.scene = None
        st.block = max(0, len(self.blocks) - 1)
        self._sync()
        ctx = self.ctx
        chosen = self.campaign.endings[-1]
        for ending in self.campaign.endings:
            if ending.cond is None or ending.cond(ctx):
                chosen = ending
                break
        st.ending = chosen.id

    def _epilogue(self, who: str) -> Epilogue | None:
        ch = self.content.characters[who]
        ctx = self.ctx
        saved = ctx.subject
        ctx.subject = self.state.chars[who]
        try:
            for ep in ch.epilogues:
                if ep.cond is None or ep.cond(ctx):
                    return ep
        finally:
            ctx.subject = saved
        return None

    # -- effects -------------------------------------------------------------------------------
    def _run_effects(self, effects: list) -> None:
        ctx = self.ctx
        for effect in effects:
            ctx.why = effect.why
            (effect.fn or effect)(ctx)  # compiled: call its function without the wrapper
        ctx.why = None

    def apply_change(self, owner: str | None, var: str, op: str, value: float, ctx: Context) -> None:
        st = self.state
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
            else:
                delta = float(value) if op == "+=" else -float(value)
                if model.modifiers and delta:
                    delta = model.scaled(var, delta, target, ctx)
                new = old + delta
            new = 0.0 if new < 0.0 else 100.0 if new > 100.0 else new
        else:
            new = float(value) if op == "=" else old + (value if op == "+=" else -value)
        if new == old:
            return
        target[var] = new
        if ctx.record:
            who = owner if owner is not None else ("" if target is st.subject else _owner_of(st, target))
            st.log.append({"who": who, "var": var, "before": round(old, 3), "after": round(new, 3),
                           "why": ctx.why})


def _owner_of(state: GameState, values: dict) -> str:
    for k, v in state.chars.items():
        if v is values:
            return k
    return ""

