"""The world the stories share: languages, roles, variables, activities, phases, places, people,
content warnings, principles, facts with their sources, training scenarios.

Each class is both the compiled type the game reads (`content.places["workshop"].art`) and the
description of its section in a content file (see `spec.py`): the field's documentation is what an
author's editor shows on hover.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from . import spec as s
from .rules.compiled import Rule, Text


@dataclass(slots=True, kw_only=True)
class Source:
    """Where a fact, a weight or a principle comes from."""

    WHAT: ClassVar[str] = "source"
    title: str = s.string("Author, title or publisher of the source.", True)
    url: str | None = s.string("Where to find it.")
    year: Any = s.custom("Year of publication.", lambda t: t.Any_())
    note: Text | None = s.text("Which part, or how it is used (a caveat such as 'the factor 2 is chosen "
                               "for teaching'): plain, or one per language like any text a player reads.")

    @property
    def assumption(self) -> bool:
        """Whether this 'source' is the word 'assumption': a number chosen for teaching, not found."""
        return self.title.strip().lower() == "assumption"

    def text(self, lang: str = "", title: str | None = None) -> str:
        """One line for a list of sources: title, note (in `lang`), address; `title` stands in for
        the source's own (the word 'assumption' in the player's language)."""
        return " — ".join(p for p in (title or self.title, in_language(self.note, lang), self.url or "") if p)


def as_source(src: Source | str | dict[str, Any]) -> Source:
    """A source as a record, whether compiled already or as written (the model's; a plain string)."""
    if isinstance(src, Source):
        return src
    if isinstance(src, str):
        return Source(title=src)
    return Source(title=str(src.get("title", "")), url=src.get("url"), year=src.get("year"),
                  note=src.get("note"))


def source_text(src: Source | str | dict[str, Any], lang: str = "") -> str:
    """A source as one line: title, note, address (the note in `lang`; figures.source also says
    'assumption' in the player's language)."""
    return as_source(src).text(lang)


def in_language(text: Text | str | None, lang: str, default: str = "en") -> str:
    """A text in a language: the language's own, else the plain (untagged) one, else the default
    language's, else any; a plain string as it is."""
    if not text:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, "", default):
        if text.get(key):
            return text[key]
    return next((v for v in text.values() if v), "")


@dataclass(slots=True, kw_only=True)
class Language:
    """A language the content is written in."""

    WHAT: ClassVar[str] = "language"
    name: str = s.string("The language's own name for itself, e.g. 'Norsk bokmål'.", True)
    default: bool = s.flag("The language plain (untagged) texts are written in. Exactly one.")
    plural: str | None = s.string("How its words change with a number, as in gettext's Plural-Forms "
                                  "(nplurals=2; plural=(n != 1);). Left out, it is looked up by code.")


@dataclass(slots=True, kw_only=True)
class Role:
    """A role a player can take (resident, officer)."""

    WHAT: ClassVar[str] = "role"
    id: str = s.derived("")
    name: Text = s.text("What the player is, e.g. 'Resident'.", True)
    summary: Text = s.text("One line for the title screen.", True)
    briefing: Text = s.text("Who you are, what a day looks like, what the meters mean.", True)
    meters: tuple[str, ...] = s.refs("variable", "Model variables shown as meters, in order.")


@dataclass(slots=True, kw_only=True)
class Budget:
    """What makes a number variable a budget the player sees and spends (energy, money, debt)."""

    WHAT: ClassVar[str] = "budget"
    name: Text = s.text("What the player sees, e.g. 'Energy' or 'Money'.", True)
    description: Text | None = s.text("What it stands for and how it fills up, in plain words.")
    icon: str | None = s.string("Icon name in assets/icons/ (without .svg).")
    unit: Text | None = s.text("Written after the amount, e.g. 'kr'.")
    sources: list[Source] = s.sources("Where its amounts come from, or the word 'assumption'.")


@dataclass(slots=True, kw_only=True)
class Variable:
    """A global story variable."""

    WHAT: ClassVar[str] = "variable"
    id: str = s.derived("")
    type: Literal["number", "bool", "text"] = s.one_of(("number", "bool", "text"), "What it holds.", True)
    default: Any = s.custom("Starting value (0, false or empty text when left out).", lambda t: t.Any_())
    min: float | None = s.number("Lowest value (numbers).")
    max: float | None = s.number("Highest value (numbers).")
    description: Text | None = s.text("What it is for.")
    budget: Budget | None = s.record(Budget, "Makes the variable a budget the player sees and spends: "
                                             "choices may 'cost' it, and a choice the player cannot pay for "
                                             "is not offered.")

    @property
    def lowest(self) -> float | None:
        """The lowest value it may take: its min, or 0 for a budget without one."""
        if self.min is not None:
            return self.min
        return 0.0 if self.budget is not None else None

    def start(self) -> Any:
        """The value it holds when a playthrough begins."""
        if self.default is not None:
            return self.default
        return {"number": 0, "bool": False, "text": ""}[self.type]


@dataclass(slots=True, kw_only=True)
class Activity:
    """A kind of activity choices are tagged with (work, school, family...)."""

    WHAT: ClassVar[str] = "activity"
    id: str = s.derived("")
    name: Text = s.text("Shown in previews and summaries.", True)
    icon: str | None = s.string("Icon name in assets/icons/ (without .svg).")
    policy: Literal["engaged", "idle", "neutral"] = s.one_of(
        ("engaged", "idle", "neutral"), "How simulate's policies treat it.", default="neutral")


@dataclass(slots=True, kw_only=True)
class Phase:
    """A phase of a sentence or a posting (remand, open unit...)."""

    WHAT: ClassVar[str] = "phase"
    id: str = s.derived("")
    name: Text = s.text("Shown on the day screen.", True)
    description: Text | None = s.text("One or two sentences shown when the phase begins.")
    palette: Literal["normal", "remand"] = s.one_of(("normal", "remand"), "Colour treatment.", default="normal")


@dataclass(slots=True, kw_only=True)
class Place:
    """A place and its illustration."""

    WHAT: ClassVar[str] = "place"
    id: str = s.derived("")
    name: Text = s.text("Shown on the day screen.", True)
    art: str = s.asset("Illustration, e.g. places/workshop.svg.", True)
    ambient: str | None = s.name("Ambient sound name in assets/sounds/ambient/ (without .ogg), e.g. quiet.")


@dataclass(slots=True, kw_only=True)
class ContentWarning:
    """A content warning shown before a scene, with 'skip this scene'."""

    WHAT: ClassVar[str] = "content warning"
    id: str = s.derived("")
    name: Text = s.text("Short name, e.g. 'Self-harm'.", True)
    note: Text = s.text("What the scene contains, said calmly.", True)
    help: Text | None = s.text("Where to find help (helplines).")


@dataclass(slots=True, kw_only=True)
class Principle:
    """A principle of dynamic security, de-escalation or care (officer training)."""

    WHAT: ClassVar[str] = "principle"
    id: str = s.derived("")
    name: Text = s.text("Short name, e.g. 'Listen closely'.", True)
    group: Literal["dynamic_security", "de_escalation", "care"] = s.one_of(
        ("dynamic_security", "de_escalation", "care"), "Which family it belongs to.", True)
    description: Text = s.text("What it means in practice.", True)
    sources: list[Source] = s.sources("Where it comes from.", True)


FACT_TAGS = ("loading", "journal", "release", "attract", "comparison", "model")


@dataclass(slots=True, kw_only=True)
class Fact:
    """A fact or figure with its sources, shown beside scenes and in the journal."""

    WHAT: ClassVar[str] = "fact"
    id: str = s.derived("")
    text: Text = s.text("The fact, as the player reads it.", True)
    sources: list[Source] = s.sources("Where it comes from.", True)
    caveat: Text | None = s.text("What the figure measures and what it does not, if it is disputed.")
    tags: tuple[str, ...] = s.custom("Where it may appear.", lambda t: t.List(t.Enum(FACT_TAGS)),
                                     build=s.TUPLE, factory=tuple)


@dataclass(slots=True, kw_only=True)
class Scenario:
    """A training scenario: one shift."""

    WHAT: ClassVar[str] = "scenario"
    id: str = s.derived("")
    title: Text = s.text("Name in the scenario list.", True)
    summary: Text = s.text("What the trainee is walking into.", True)
    start: str = s.ref("scene", "The scenario's first scene.", True)
    place: str | None = s.ref("place", "Illustration in the scenario list.")
    residents: tuple[str, ...] = s.refs("character", "Who is involved.")
    expected: Text | None = s.text("What good practice would look like (after-action review: 'what was "
                                   "supposed to happen').")


@dataclass(slots=True, kw_only=True)
class Epilogue:
    """A modelled character's 'two years later'."""

    WHAT: ClassVar[str] = "epilogue"
    id: str = s.name("A name for the epilogue.", True)
    cond: Rule | None = s.condition("Chosen when this holds (the first that holds wins).")
    title: Text | None = s.text("A short heading.")
    text: Text = s.text("Two years later...", True)


@dataclass(slots=True, kw_only=True)
class Character:
    """A named person: portrait, bio, and (for residents the officer follows) a model state."""

    WHAT: ClassVar[str] = "character"
    id: str = s.derived("")
    name: Text = s.text("Name shown to the player (the same in every language when written as plain "
                        "text).", True, neutral=True)
    role: Text | None = s.text("Who they are, e.g. 'Contact officer'.")
    portrait: str | None = s.asset("Portrait, e.g. portraits/ingrid.svg.")
    bio: Text | None = s.text("A few lines about them (journal, briefing).")
    model: bool = s.flag("Whether they carry the model's variables (residents in the officer role).")
    start: dict[str, float] = s.values("Starting model values.", "variable", 0, 100)
    vars: dict[str, float] = s.values("Their own number variables, e.g. {mood: 50}.", None)
    epilogues: list[Epilogue] = s.records(Epilogue, "Their 'two years later', first match wins.")
