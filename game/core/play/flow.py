"""The flow of a playthrough: blocks of days, slots, events drawn from the seed, scenes played, choices
taken, the end of a day and the ending chosen.

`Flow` is a part of `Engine` (engine.py), kept here so each file has one job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content import Choice, Epilogue, Event, Scene
from ..rules.compiled import Effect, Text
from .context import _mix
from .state import GameState

if TYPE_CHECKING:
    from ..content import Block, Campaign, Content, Day
    from .context import Context

Candidate = tuple[str, Event]  # (scene id, its event block)

DRAW_SITE = 0x5EED
# the single "Continue" of a scene without choices (or whose choices are all unavailable)
CONTINUE = Choice(index=-1, id="continue", text={}, cond=None, effects=[], why=None, goto=None,
                  draw=None, tags=(), follows=(), breaks=(), feedback=None, preview=())


class Flow:
    """How play moves on (mixed into `Engine`)."""

    content: "Content"
    state: GameState
    campaign: "Campaign"
    ctx: "Context"
    blocks: list[Block]
    _candidates: dict[str, list[Candidate]]  # slot name -> the events that may open it, best first

    if TYPE_CHECKING:  # given by Engine (engine.py) and Changes (changes.py), the other parts of Engine
        @property
        def phase(self) -> str: ...

        @property
        def day(self) -> Day | None: ...

        @property
        def slot_name(self) -> str: ...

        @property
        def scene(self) -> Scene | None: ...

        @property
        def _spent(self) -> Text: ...

        def mean_risk(self) -> float: ...

        def _run_effects(self, effects: list[Effect]) -> None: ...

        def _land_later(self) -> None: ...

        def _daily_rules(self) -> None: ...

    def _today(self) -> Day:
        """The day being played (a calendar block always has days while one is played)."""
        day = self.day
        assert day is not None
        return day

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
        return self._today().slots[self.state.slot][1]

    def _enter_slot(self) -> None:
        st = self.state
        self._sync()
        name, own = self._today().slots[st.slot]  # as slot_name and _slot_scene() give them, looked up once
        st.step += 1
        event = self._draw(self._slot_candidates(name))
        if event is not None:
            sid, ev = event
            st.after = None if ev.takes_slot else own
            self._play(sid)
        else:
            st.after = None
            self._play(own)

    def _slot_candidates(self, slot: str) -> list[Candidate]:
        """Events that may open this slot, highest priority first (merged once per slot name)."""
        got = self._candidates.get(slot)
        if got is None:
            events = self.campaign.slot_events
            got = sorted(events.get(slot, []) + events.get("*", []), key=lambda item: -item[1].priority)
            self._candidates[slot] = got
        return got

    def _draw(self, candidates: list[Candidate]) -> Candidate | None:
        """The event to play: the best priority among eligible ones, then by weight."""
        if not candidates:
            return None
        ctx = self.ctx
        st = self.state
        phase = self.phase
        best: list[Candidate] = []
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
        if choice.cost:
            ctx.why = self._spent
            for name, amount in choice.cost.items():
                ctx.set_global(name, "-=", amount)
            ctx.why = None
        if choice.effects:
            self._run_effects(choice.effects)
            after = self.mean_risk()
        else:
            after = before  # nothing ran that could move it
        if choice.later and scene is not None:
            for j, later in enumerate(choice.later):
                st.pending.append([st.day + later.days, scene.id, choice.index, j])
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
        if st.slot < len(self._today().slots):
            self._enter_slot()
            return
        self._end_day()

    def _end_day(self) -> None:
        st = self.state
        st.status = "day_end"
        st.scene = None
        st.slot = max(0, len(self._today().slots) - 1)
        if st.pending:
            self._land_later()
        self._daily_rules()

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
