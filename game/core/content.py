"""The content the engine plays: the story's records, built from normalised data by `load.build`.

These are the compiled story's types, shared by the loader that makes them and the engine that plays
them, and at the same time the description of the content format (see `spec.py`): each field says
what a content file writes there. The world they share (places, people, facts...) is in `world.py`.
Rules inside them are compiled on first use (`rules.compiled`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Literal

from . import plurals
from . import spec as s
from .model import Model
from .rules.compile import Symbols
from .rules.compiled import Effect, Rule, Text
from .world import (Activity, Character, ContentWarning, Epilogue, Fact, Language, Phase, Place, Principle,
                    Role, Scenario, Source, Variable, in_language, source_text)

END = "end"  # the target that ends the slot
MAX_CHOICES = 40  # in one scene: more than a screen can offer, and a window must show them quickly
__all__ = ["Activity", "Block", "Campaign", "Character", "Choice", "Content", "ContentWarning", "Day",
           "Ending", "Epilogue", "Event", "Fact", "Language", "Later", "Phase", "Place", "Principle", "Profile",
           "Role", "Scenario", "Scene", "Source", "Variable", "Variant", "source_text"]


@dataclass(slots=True, kw_only=True)
class Event:
    """What makes a scene an event (storylet): where and when it may fire by itself."""

    WHAT: ClassVar[str] = "event"
    campaigns: tuple[str, ...] = s.refs("campaign", "Campaigns it can fire in.", True, min_items=1)
    slots: tuple[str, ...] = s.names("Slots it can fire in (any when left out).")
    phases: tuple[str, ...] = s.refs("phase", "Phases it can fire in (any when left out).")
    pool: str | None = s.name("Fires only when a choice draws from this pool, never by itself.")
    cond: Rule | None = s.condition("Eligible only while this holds.")
    priority: int = s.number("Higher priorities are drawn first.", default=0, integer=True)
    weight: float = s.number("Relative chance among equals.", default=1, lo=0)
    once: bool = s.flag("Fire at most once per playthrough.", default=True)
    takes_slot: bool = s.flag("Replace the slot's own scene (else play before it).", default=True)


@dataclass(slots=True, kw_only=True)
class Later:
    """Effects a choice has some days after it is taken: a choice that pays, or costs, later."""

    WHAT: ClassVar[str] = "later effect"
    days: int = s.custom("How many days after the choice the effects land (at the end of that day, in its "
                         "summary).", lambda t: t.Num(lo=1, hi=60, integer=True), True, key="in")
    effects: list[Effect] = s.effects("What changes then.", True)
    why: Text = s.text("The reason, shown when it lands.", True)


@dataclass(slots=True, kw_only=True)
class Choice:
    """Something the player can do in a scene."""

    WHAT: ClassVar[str] = "choice"
    index: int = s.derived(0)
    id: str = s.name("A stable name (for results files and translations).")
    text: Text = s.text("What the player can do.", True)
    cond: Rule | None = s.condition("Offered only while this holds.")
    effects: list[Effect] = s.effects("What it changes.")
    why: Text | None = s.text("Reason shown for its effects, in the player's words.")
    goto: str | None = s.ref("scene", "Where play goes next ('end' ends the slot).", extra=(END,))
    draw: str | None = s.name("Play an event drawn from this pool next.")
    tags: tuple[str, ...] = s.refs("activity", "What kind of activity it is.")
    follows: tuple[str, ...] = s.refs("principle", "Principles this choice follows (training).")
    breaks: tuple[str, ...] = s.refs("principle", "Principles this choice breaks (training).")
    feedback: Text | None = s.text("Trainer's feedback on this choice.")
    cost: dict[str, float] = s.values("What it spends of the player's budgets, e.g. {energy: 2, money: 150}; "
                                      "offered only when the player can pay.", "variable", lo=0)
    later: list[Later] = s.records(Later, "Effects that land some days later: a choice that pays, or "
                                          "costs, later.")
    expert: Text | None = s.text("Marks the choice an experienced officer would make in this scene, and says "
                                 "why (training: shown after the decision and in the review). At most one "
                                 "choice of a scene.")
    # which meters its effects move: (character or None for the subject, variable, +1 or -1)
    preview: tuple[tuple[str | None, str, int], ...] = s.derived(())


@dataclass(slots=True, kw_only=True)
class Variant:
    """Another text for a scene, shown while its condition holds."""

    WHAT: ClassVar[str] = "text variant"
    cond: Rule = s.condition("When this holds, the variant's text is shown instead.", True)
    text: Text = s.text("The text to show.", True)


@dataclass(slots=True, kw_only=True)
class Scene:
    """A scene: text, an illustration, choices; with an `event` block, a storylet."""

    WHAT: ClassVar[str] = "scene"
    id: str = s.derived("")
    place: str | None = s.ref("place", "Where it happens (the illustration).")
    speaker: str | None = s.ref("character", "Whose portrait is shown.")
    title: Text | None = s.text("A short heading.")
    text: Text = s.text("What happens, in the present tense.", True)
    variants: list[Variant] = s.records(Variant, "Other texts for other states; the first whose 'if' "
                                                 "holds replaces 'text'.")
    warnings: tuple[str, ...] = s.refs("warning", "Content warnings shown before the scene.", key="warning")
    fact: str | None = s.ref("fact", "A fact shown beside the scene.")
    effects: list[Effect] = s.effects("Effects applied when the scene is shown.")
    why: Text | None = s.text("Reason for the scene's own effects.")
    event: Event | None = s.record(Event, "Makes the scene an event (storylet).")
    choices: list[Choice] = s.records(Choice, "What the player can do (at most 40).", max_items=MAX_CHOICES)
    next: str | None = s.ref("scene", "Where 'Continue' goes when there are no choices ('end' by default).",
                             extra=(END,))
    skip: str | None = s.ref("scene", "Where 'skip this scene' goes after a content warning ('end' by "
                                      "default).", extra=(END,))
    order: Literal["shuffled", "fixed"] = s.one_of(
        ("shuffled", "fixed"), "shuffled: the choices are shown in an order drawn from the seed (the same for "
        "everyone with the same session code); fixed: as written, for choices like 'Continue / Go back'.",
        default="shuffled")
    at: str = s.derived("")  # file:line:col of its definition (empty when built from the cache)


SLOTS_DOC = "Time slots of a day in order, each naming the scene that opens it."


def _slots(t: Any) -> Any:
    return t.Table(t.Ref("scene"), SLOTS_DOC, key=t.Id())


@dataclass(slots=True, kw_only=True)
class Day:
    """One day of a calendar block, written out (a list of days) or made from a count."""

    WHAT: ClassVar[str] = "day"
    id: str = s.name("A name for the day.")
    title: Text | None = s.text("Heading, e.g. 'Visiting day'.")
    slots: tuple[tuple[str, str], ...] = s.custom("This day's slots.", _slots, True, build=s.PAIRS)
    scenario: str | None = s.derived(None)


def _days(t: Any) -> Any:
    return t.OneOf([(int, t.Num(lo=1, hi=365, integer=True)),
                    (t.YList, t.List(t.record(Day), single=False))])


@dataclass(slots=True, kw_only=True)
class Block:
    """A block of days in one phase; the game's calendar is a list of them."""

    WHAT: ClassVar[str] = "calendar block"
    phase: str = s.ref("phase", "Which phase these days belong to.", True)
    cond: Rule | None = s.condition("Skip this block unless it holds when reached.")
    plan: int | list[Any] | None = s.custom("How many days (using 'slots'), or a list of days.", _days,
                                            key="days")
    label: Text | None = s.text("How much time the block stands for, e.g. 'Weeks 1-3'.")
    slots: tuple[tuple[str, str], ...] = s.custom("The slots of each day when 'days' is a number.", _slots,
                                                  build=s.PAIRS, factory=tuple)
    intro: str | None = s.ref("scene", "Scene played when the block begins.")
    reflect: list[Text] = s.texts("Reflection questions shown at the end of the block (classroom).")
    scenarios: tuple[str, ...] = s.refs("scenario", "Scenarios played as the block's days, in order.")
    days: list[Day] = s.derived(factory=list)  # the days as played, made by the builder


@dataclass(slots=True, kw_only=True)
class Ending:
    """How a campaign ends: the first whose condition holds."""

    WHAT: ClassVar[str] = "ending"
    id: str = s.name("A name for the ending.", True)
    cond: Rule | None = s.condition("Chosen when this holds; the first that holds wins; the last needs none.")
    title: Text = s.text("A short heading.", True)
    text: Text = s.text("The epilogue: two years later.", True)
    place: str | None = s.ref("place", "Illustration for the epilogue.")


@dataclass(slots=True, kw_only=True)
class Profile:
    """Who the player can be in a campaign that follows the player."""

    WHAT: ClassVar[str] = "profile"
    id: str = s.name("A name for the profile.", True)
    name: Text = s.text("The resident's name.", True, neutral=True)
    age: int | None = s.number("Age at admission.", lo=15, hi=99, integer=True)
    summary: Text = s.text("One or two lines for the choice screen.", True)
    text: Text | None = s.text("Longer background.")
    character: str | None = s.ref("character", "The character who is the player (for the portrait).")
    start: dict[str, float] = s.values("Starting model values.", "variable", 0, 100, True)
    flags: tuple[str, ...] = s.custom("Flags set at the start.", lambda t: t.List(t.Str()), build=s.TUPLE,
                                      factory=tuple)
    vars: dict[str, float] = s.values("Starting values of global variables, e.g. a budget such as "
                                      "{debt: 6000}.", "variable")


@dataclass(slots=True, kw_only=True)
class Campaign:
    """A playable story: who plays it, the calendar of days, the endings."""

    WHAT: ClassVar[str] = "campaign"
    id: str = s.derived("")
    role: str = s.ref("role", "Which role plays it.", True)
    title: Text = s.text("Name shown when choosing.", True)
    summary: Text = s.text("One or two lines.", True)
    kind: Literal["full", "lesson", "short"] = s.one_of(
        ("full", "lesson", "short"), "full: the whole story; lesson: a cut for one class period; short: a kiosk arc.",
        default="full")
    subject: Literal["player", "characters"] = s.one_of(
        ("player", "characters"), "Whose state the model follows: the player's (resident) or the named "
        "residents' (officer).", default="player")
    profiles: list[Profile] = s.records(Profile, "Starting profiles the player chooses from.")
    residents: tuple[str, ...] = s.refs("character", "The modelled characters (officer campaigns).")
    vars: dict[str, Any] = s.values("Starting values of global variables.", "variable", any_value=True)
    blocks: list[Block] = s.records(Block, "The days, grouped in phases.", True, min_items=1, key="calendar")
    endings: list[Ending] = s.records(Ending, "Endings, first match wins.", True, min_items=1)
    debrief: list[Text] = s.texts("Questions for discussion at the end.")
    compare: tuple[str, ...] = s.refs("fact", "The real figures its ending shows beside the estimate, each with "
                                      "its caveat and sources; left out, every fact tagged comparison.")
    minutes: int | None = s.number("About how long a playthrough takes.", lo=1, integer=True)
    # events that may fire at the start of a slot, by slot name ("*" = any slot), best first
    slot_events: dict[str, list[tuple[str, Event]]] = s.derived(factory=dict)


@dataclass
class Content:
    """Everything the engine and the interface need, with lookups by name."""

    languages: dict[str, str]           # code -> own name
    default_lang: str
    strings: dict[str, Text]
    roles: dict[str, Role]
    model: Model
    variables: dict[str, Variable]
    activities: dict[str, Activity]
    phases: dict[str, Phase]
    places: dict[str, Place]
    characters: dict[str, Character]
    warnings: dict[str, ContentWarning]
    principles: dict[str, Principle]
    facts: dict[str, Fact]
    campaigns: dict[str, Campaign]
    scenarios: dict[str, Scenario]
    scenes: dict[str, Scene]  # a Scenes: each built when first asked for
    pools: dict[str, list[tuple[str, Event]]]
    symbols: Symbols
    # languages whose translators gave their plural rule (gettext's Plural-Forms), compiled
    plural_rules: dict[str, Callable[[int], int]] = field(default_factory=dict)

    def text(self, text: Text | None, lang: str) -> str:
        """The text in a language, falling back to the default language, then to any."""
        return in_language(text, lang, self.default_lang)

    def ui(self, key: str, lang: str, **values: Any) -> str:
        """An interface string by key, with {name} placeholders filled in."""
        text = self.strings.get(key)
        if text is None:
            return key
        out = self.text(text, lang)
        return plurals.fill(out, lang, values, self.plural_rules.get(lang)) if values else out
