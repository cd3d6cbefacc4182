"""The whole game in a terminal: plain lines of text, choices by number.

Made for screen readers and for scripts: no colours, no cursor tricks, one prompt per decision,
and every interface word comes from the content's strings, so a new language needs no code.
Commands at a prompt: a number chooses; j = journal; w = what changed today; h = help; q = quit.
"""

from __future__ import annotations

import textwrap
from typing import Callable, TextIO

from ..core.content import Content, Fact
from ..core.play import figures
from ..core.play import preview as pv
from ..core.play.engine import CONTINUE, Engine
from ..core.play.playthrough import Playthrough
from ..core.safetext import for_terminal

WIDTH = 72


class TextGame:
    def __init__(self, content: Content, lang: str, read: Callable[[], str | None], out: TextIO,
                 preview: str | None = None):
        self.c = content
        self.lang = lang
        self.read = read
        self.out = out
        self.level = preview or pv.default_level("home")

    # -- output helpers ------------------------------------------------------------------
    def t(self, text: dict | None) -> str:
        return self.c.text(text, self.lang)

    def ui(self, key: str, **values) -> str:
        return self.c.ui(key, self.lang, **values)

    def say(self, text: str = "") -> None:
        for para in text.split("\n"):  # control characters in the story are shown, never obeyed
            self.out.write((for_terminal(textwrap.fill(para, WIDTH), keep_lines=True) if para.strip() else "") + "\n")

    def ask(self, n: int) -> int | None:
        """A number from 1 to n (returned 0-based), handling commands; None on quit or end of input."""
        while True:
            self.out.write("> ")
            self.out.flush()
            line = self.read()
            if line is None:
                return None
            cmd = line.strip().lower()
            if cmd.isascii() and cmd.isdigit() and len(cmd) <= 6 and 1 <= int(cmd) <= n:  # never '²'
                return int(cmd) - 1
            if cmd == "q":
                return None
            if cmd == "h":
                self.say(self.ui("text.help"))
            elif cmd == "j" and self.engine is not None:
                self.journal()
            elif cmd == "w" and self.engine is not None:
                self.changes(self.engine.state.log)
            else:
                self.say(self.ui("text.invalid", n=n))

    def var_name(self, var: str) -> str:
        spec = self.c.model.variables.get(var)
        return self.t(spec.name) if spec else var

    # -- play ----------------------------------------------------------------------------
    engine: Engine | None = None
    play: Playthrough | None = None

    def run(self, campaign: str, seed: int, profile: str | None = None) -> int:
        camp = self.c.campaigns[campaign]
        self.say(self.t(camp.title))
        self.say("=" * min(WIDTH, len(self.t(camp.title))))
        role = self.c.roles.get(camp.role)
        if role is not None:
            self.say(self.t(role.briefing))
        self.say("")
        self.say(self.ui("text.help"))
        if camp.subject == "player" and profile is None and len(camp.profiles) > 1:
            self.say("")
            self.say(self.ui("text.profile_prompt"))
            for i, p in enumerate(camp.profiles, 1):
                age = f", {p.age}" if p.age else ""
                self.say(f"{i}. {self.t(p.name)}{age}: {self.t(p.summary)}")
            picked = self.ask(len(camp.profiles))
            if picked is None:
                return self.stop()
            profile = camp.profiles[picked].id
        self.play = Playthrough.new(self.c, campaign, profile=profile, seed=seed)
        self.engine = self.play.engine
        return self.loop()

    def stop(self) -> int:
        self.say(self.ui("text.stopped"))
        return 0

    def loop(self) -> int:
        e = self.engine
        play = self.play
        assert e is not None and play is not None
        while True:
            status = e.state.status
            if status == "scene":
                if not self.scene():
                    return self.stop()
            elif status == "day_end":
                self.say("")
                self.say(self.ui("text.day_end", day=e.state.day))
                self.changes(e.state.log)
                if not self.pause():
                    return self.stop()
                play.proceed()
            elif status == "block_end":
                questions = e.reflect()
                if questions:
                    self.say("")
                    self.say(self.ui("text.reflect"))
                    for q in questions:
                        self.say(f"- {self.t(q)}")
                    if not self.pause():
                        return self.stop()
                play.proceed()
            else:
                self.ending()
                return 0

    def pause(self) -> bool:
        self.say(self.ui("text.press_enter"))
        self.out.write("> ")
        self.out.flush()
        line = self.read()
        return line is not None and line.strip().lower() != "q"

    def scene(self) -> bool:
        e = self.engine
        play = self.play
        assert e is not None and play is not None
        scene = e.scene
        assert scene is not None
        self.say("")
        phase = self.t(self.c.phases[e.phase].name if e.phase in self.c.phases else None) or e.phase
        slot = self.c.ui(f"slot.{e.slot_name}", self.lang)
        if slot.startswith("slot."):
            slot = e.slot_name.replace("_", " ").capitalize()
        self.say(f"--- {self.ui('text.day_header', day=e.state.day, phase=phase, slot=slot)} ---")
        if scene.place:
            self.say(self.ui("text.place", place=self.t(self.c.places[scene.place].name)))
        notes = play.notes_due()  # once per kind of content a day, as in the window
        if notes:
            names = ", ".join(self.t(self.c.warnings[w].name) for w in notes)
            self.say(self.ui("text.warning", names=names))
            for w in notes:
                warning = self.c.warnings[w]
                self.say(self.t(warning.note))
                if warning.help:
                    self.say(self.t(warning.help))
            self.say(f"1. {self.ui('text.warning_continue')}")
            self.say(f"2. {self.ui('text.warning_skip')}")
            picked = self.ask(2)
            if picked is None:
                return False
            if picked == 1:
                play.skip()
                return True
        if scene.title:
            self.say(self.t(scene.title).upper())
        if scene.speaker:
            ch = self.c.characters[scene.speaker]
            self.say(f"[{self.t(ch.name)}]")
        self.say(self.t(e.scene_text()))
        if scene.fact and scene.fact in self.c.facts:
            self.say("")
            self.fact_card(self.c.facts[scene.fact])
        offered = e.choices()
        self.say("")
        if len(offered) > 1 and any(c.cost for c in offered + e.locked()) and self.budget_line():
            self.say(self.budget_line())
        for i, choice in enumerate(offered, 1):
            label = self.ui("ui.continue") if choice is CONTINUE else self.t(choice.text)
            self.say(f"{i}. {label}{self.preview(choice)}")
        for choice in e.locked():
            self.say("   " + self.ui("preview.locked", what=self.amounts(pv.costs(self.c, choice)),
                                     choice=self.t(choice.text)))
        picked = self.ask(len(offered))
        if picked is None:
            return False
        play.choose(picked)
        return True

    def fact_card(self, fact: Fact, label: bool = True) -> None:
        """A fact as every surface shows it: the fact, its caveat and each of its sources."""
        parts = figures.card(self.c, fact, self.lang)
        self.say(f"{self.ui('text.fact')}: {parts.text}" if label else parts.text)
        if parts.caveat:
            self.say(f"{self.ui('text.caveat')}: {parts.caveat}")
        for title in parts.sources:
            self.say(f"{self.ui('text.source')}: {title}")

    def preview(self, choice) -> str:
        """What the preview level allows about a choice, and its price (shown at every level)."""
        out = ""
        touches = pv.touches_in_words(self.c, choice, self.level, self.lang)
        if touches:
            out += f" ({self.ui('preview.touches')}: {touches})"
        costs = pv.costs(self.c, choice)
        if costs:
            out += f" [{self.ui('preview.costs', what=self.amounts(costs))}]"
        return out

    def amounts(self, pairs) -> str:
        """Budgets and amounts as words: "Energy 1, Money 100 kr"."""
        return pv.amounts_in_words(self.c, pairs, self.lang)

    def budget_line(self) -> str:
        e = self.engine
        names = list(pv.budgets(self.c))
        if e is None or e.state.subject is None or not names:
            return ""
        shown = [(n, round(e.state.vars.get(n, 0))) for n in names if e.state.vars.get(n, 0) or n != "debt"]
        return self.ui("preview.budgets", what=self.amounts(shown))

    def changes(self, log: list[dict]) -> None:
        """What changed, and why: each reason once, then the meters it moved (as the window lists them)."""
        groups = pv.changes_in_words(self.c, log, self.lang, arrow="->")
        for why, rows in groups:
            self.say(f"- {why}")
            self.say("  " + "; ".join(rows))
        if not groups:
            self.say(self.ui("text.nothing_changed"))

    def journal(self) -> None:
        e = self.engine
        assert e is not None
        self.say("")
        self.say(self.ui("text.journal").upper())
        for who in e.subjects():
            if who:
                self.say(self.t(self.c.characters[who].name))
            values = e.values(who)
            for var, spec in self.c.model.variables.items():
                if spec.kind == "fixed" and who is None:
                    continue
                self.say(f"  {self.t(spec.name)}: {round(values.get(var, 0))} / 100")
            if who is None and self.budget_line():
                self.say("  " + self.budget_line())
            self.estimate(who)
        self.say(self.ui("ui.model_note"))

    def estimate(self, who: str | None, line: str = "ui.risk_line") -> None:
        """An estimate with its range and what weighs most; at the ending, in the ending's words."""
        e = self.engine
        assert e is not None
        est = e.estimate(who)
        self.say("  " + self.ui(line, risk=round(est.risk), low=round(est.low), high=round(est.high)))
        self.say("  " + self.ui("ui.drivers"))
        for d in est.drivers[:3]:
            self.say(f"    - {self.var_name(d.var)}: "
                     + self.ui("ui.if_best", points=round(d.if_best)))

    def how_calculated(self) -> None:
        """The window's third ending page, "How is this calculated": the model in plain words, its
        formula written out, and the model's own sources."""
        model = self.c.model
        self.say("")
        self.say(self.ui("ending.how").upper())
        self.say(self.t(model.explain))
        self.say("  " + figures.formula(self.c, self.lang, times=" × "))
        if model.sources:
            self.say(self.ui("ending.sources"))
            for src in model.sources:
                self.say(f"- {figures.source(self.c, src, self.lang)}")

    def ending(self) -> None:
        e = self.engine
        assert e is not None
        view = e.ending_view()
        self.say("")
        self.say(self.t(view.ending.title).upper())
        self.say(self.t(view.ending.text))
        if view.estimate is not None:
            self.say("")
            self.say(self.ui("text.your_estimate"))
            self.estimate(None, "ending.estimate_line")
        if view.epilogues:
            self.say("")
            self.say(self.ui("text.epilogues"))
            for who, ep, _est in view.epilogues:
                self.say("")
                self.say(self.t(self.c.characters[who].name).upper())
                if ep is not None:
                    if ep.title:
                        self.say(self.t(ep.title))
                    self.say(self.t(ep.text))
                self.estimate(who, "ending.estimate_line")
        self.say("")
        self.say(self.t(self.c.model.disclaimer))
        self.how_calculated()
        real = figures.ending_figures(self.c, e.campaign)
        if real:
            self.say("")
            self.say(self.ui("ending.real_world").upper())
            for fact in real:
                self.say("")
                self.fact_card(fact, label=False)
        camp = e.campaign
        if camp.debrief:
            self.say("")
            self.say(self.ui("text.reflect"))
            for q in camp.debrief:
                self.say(f"- {self.t(q)}")
