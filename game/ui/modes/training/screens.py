"""Officer training's screens before the review: the scenario list (with the feedback setting and
the trainee's optional ID), and the feedback after a decision: the trainer's note, the principles it
followed and broke, and what an experienced officer would have done, and why."""

from __future__ import annotations

import logging
import re
from typing import Protocol

import pygame

from ....core.content import Choice, Content
from ....core.play.campaigns import campaign_for_role
from ...kit import Kit
from ...nav import Host, Nav
from ...screen import MenuScreen
from ...screens.entry import EntryScreen
from ..base import ModeMenuScreen

log = logging.getLogger("neighbour.training")
FEEDBACK = ("each", "end", "off")
TRAINEE_KEYS = list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
TRAINEE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$")


class Trainee(Protocol):
    """The training session as the scenario list edits it (the mode holds it)."""

    trainee: str | None


def officer_campaign(content: Content) -> str | None:
    return campaign_for_role(content, "officer")


def principle_lines(kit: Kit, choice: Choice) -> list[str]:
    out = []
    for pid in choice.follows:
        p = kit.content.principles.get(pid)
        if p:
            out.append(kit.ui("training.follows", name=kit.tr(p.name)))
    for pid in choice.breaks:
        p = kit.content.principles.get(pid)
        if p:
            out.append(kit.ui("training.breaks", name=kit.tr(p.name)))
    return out


def expert_line(kit: Kit, taken: str, expert: Choice | None) -> str:
    """What an experienced officer would have done here, and why ('' when the scene marks nobody)."""
    if expert is None or not expert.expert:
        return ""
    if expert.id == taken:
        return kit.ui("training.expert_same", why=kit.tr(expert.expert))
    return kit.ui("training.expert_other", choice=kit.tr(expert.text).rstrip(". "), why=kit.tr(expert.expert))


class FeedbackScreen(MenuScreen):
    """After a decision: the trainer's feedback, the principles it followed or broke, the expert's choice."""

    def __init__(self, nav: Nav, choice: Choice, expert: Choice | None = None):
        k = nav.kit
        parts = [k.tr(choice.feedback)] if choice.feedback else []
        parts += ["• " + line for line in principle_lines(k, choice)]
        said = expert_line(k, choice.id, expert)
        if said:
            parts.append(said)
        super().__init__(nav, k.ui("training.feedback_title"), [(k.ui("ui.continue"), lambda: self.close(True))],
                         body="\n\n".join(parts), back=lambda: self.close(True), icons=["check"], width=900)
        self.choice = choice
        self.expert = expert


class ScenarioListScreen(ModeMenuScreen):
    home_mode = "training"

    def __init__(self, host: Host, session: Trainee | None = None):
        super().__init__(host)
        self.session = session

    def layout(self) -> None:
        k = self.kit
        campaign = officer_campaign(k.content)
        items, icons, notes = [], [], []
        fb = self.nav.settings.feedback
        items.append((k.ui("training.feedback", value=k.ui(f"training.feedback_{fb}")), self.next_feedback))
        icons.append("info")
        notes.append("")
        if self.session is not None:
            trainee = self.session.trainee or k.ui("training.trainee_none")
            items.append((k.ui("training.trainee", id=trainee), self.enter_trainee))
            icons.append("person")
            notes.append("")
        # The kiosk's short shifts are scenarios of their own campaigns: left out of the trainer's list.
        # Training-only scenarios (in no campaign: contraband, the_rumour...) are listed.
        trainer_set = {sid for block in k.content.campaigns[campaign].blocks for sid in block.scenarios} \
            if campaign else set()
        others = {sid for cid, camp in k.content.campaigns.items() if cid != campaign
                  for block in camp.blocks for sid in block.scenarios} - trainer_set
        if campaign:
            items.append((k.ui("training.whole_set"), lambda: self.start(None)))
            icons.append("star")
            notes.append(k.tr(k.content.campaigns[campaign].summary))
        # the posting's shifts first, in file order, then the training-only scenarios
        for sid, scen in sorted(k.content.scenarios.items(), key=lambda kv: kv[0] not in trainer_set):
            if sid in others:
                continue
            items.append((k.tr(scen.title), lambda s=sid: self.start(s)))
            icons.append("journal")
            notes.append(k.tr(scen.summary))
        items.append((k.ui("ui.back"), self.leave))
        icons.append("back")
        notes.append("")
        self.menu = MenuScreen(self.nav, k.ui("training.title"), items, body=k.ui("training.intro"), modal=True,
                               icons=icons, notes=notes, width=1100)
        self.adopt(self.menu)

    def next_feedback(self) -> None:
        fb = self.nav.settings.feedback
        self.nav.settings.feedback = FEEDBACK[(FEEDBACK.index(fb) + 1) % len(FEEDBACK)] if fb in FEEDBACK else "each"
        self.nav.settings.save()
        self.layout()

    def enter_trainee(self) -> None:
        k = self.kit
        current = (self.session.trainee if self.session else None) or ""
        self.nav.push(EntryScreen(self.nav, k.ui("training.trainee_title"), k.ui("training.trainee_prompt"), current,
                                  max_len=20, keys=TRAINEE_KEYS, validate=lambda v: not v or bool(TRAINEE.match(v))),
                      self.got_trainee)

    def got_trainee(self, value: str | None) -> None:
        if self.session is not None and value is not None:
            value = value.strip()
            self.session.trainee = value if TRAINEE.match(value) else None
        self.layout()

    def start(self, scenario: str | None) -> None:
        campaign = officer_campaign(self.kit.content)
        if campaign:
            self.nav.new_game(campaign, scenario=scenario)

    def draw(self, surf: pygame.Surface) -> None:
        k = self.kit
        surf.blit(k.images.cover("places/officers_station.svg", (k.w, k.h)), (0, 0))
        self.menu.focus = self.focus
        self.menu.draw(surf)
