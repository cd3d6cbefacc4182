"""The content format: every section, entry and field a content file may hold.

This is the single description of the format. The loader checks content against it, the `schema`
command prints it as JSON Schema for authors' editors, and docs/content-format.md explains it with
examples. Field descriptions here are what an editor shows on hover, so they are written for authors.
"""

from __future__ import annotations

from ..rules.compile import NUMBER
from .schema_types import (F, Any_, Asset, Bool, Condition, Effects, Enum, Id, List, Num, Obj, OneOf,
                           Ref, Str, Table, Text)
from .sources import SCHEMA_VERSION  # noqa: F401 - defined there so reading the cache needs no schema
from .yamlsafe import YList

SOURCE = OneOf([
    (str, Str(what="a source")),
    (dict, Obj({
        "title": F(Str(), True, "Author, title or publisher of the source."),
        "url": F(Str(), doc="Where to find it."),
        "year": F(Any_(), doc="Year of publication."),
        "note": F(Str(), doc="Which part, or how it is used."),
    }, name="source")),
])
SOURCES = List(SOURCE, "One source or a list of sources.", min_items=1)

LANGUAGE = Obj({
    "name": F(Str(), True, "The language's own name for itself, e.g. 'Norsk bokmål'."),
    "default": F(Bool(), doc="The language plain (untagged) texts are written in. Exactly one."),
}, name="language")

ROLE = Obj({
    "name": F(Text(), True, "What the player is, e.g. 'Resident'."),
    "summary": F(Text(), True, "One line for the title screen."),
    "briefing": F(Text(), True, "Who you are, what a day looks like, what the meters mean."),
    "meters": F(List(Ref("variable")), doc="Model variables shown as meters, in order."),
}, name="role")

MODEL_VARIABLE = Obj({
    "name": F(Text(), True, "Label shown on the meter."),
    "kind": F(Enum(("protective", "risk", "fixed", "modifier")), True,
              "protective: higher is better; risk: higher is worse; fixed: never changes in play; "
              "modifier: no weight of its own, it changes how much other choices count."),
    "start": F(Num(lo=0, hi=100), doc="Starting value (0-100) when a profile does not say.", default=50),
    "description": F(Text(), True, "What the variable stands for, in plain words."),
    "icon": F(Str(), doc="Icon name in assets/icons/ (without .svg)."),
}, name="model variable")

MODIFIER = Obj({
    "id": F(Id(), True, "A name for the modifier."),
    "name": F(Text(), True, "What it is called in the journal."),
    "to": F(List(Ref("variable")), True, "Which variables' changes it scales."),
    "applies": F(Enum(("improvements", "worsenings", "all")), doc="Which changes it scales.",
                 default="improvements"),
    "if": F(Condition(modifier=True), doc="Only while this holds."),
    "factor": F(Condition(want=NUMBER, modifier=True), True,
                "A number rule: the change is multiplied by it. 'value' is the variable's current "
                "value, 'delta' the change before scaling."),
    "why": F(Text(), True, "The reason, shown in the journal."),
    "sources": F(SOURCES, doc="Evidence, or the word 'assumption'."),
}, name="modifier")

DAILY = Obj({
    "if": F(Condition(), doc="Applies at the end of a day when this holds."),
    "do": F(Effects(), True, "Effects on the subject(s)."),
    "why": F(Text(), True, "Reason shown in the end-of-day summary."),
}, name="daily rule")

RISK_FACTOR = Obj({
    "var": F(Ref("variable"), True, "A model variable."),
    "weight": F(Num(), True, "Its weight in the logistic formula."),
    "sources": F(SOURCES, True, "Evidence for the weight, or the word 'assumption'."),
    "note": F(Text(), doc="A plain-language note for the 'How is this calculated?' page."),
}, name="risk factor")

ANCHOR = Obj({
    "name": F(Text(), True, "What the state stands for."),
    "values": F(Table(Num(lo=0, hi=100), key=Ref("variable")), True, "Variable values."),
    "expect": F(Num(lo=0, hi=100), True, "The risk in percent the formula should give."),
}, name="calibration anchor")

MODEL = Obj({
    "title": F(Text(), True, "Name of the model on the 'How is this calculated?' page."),
    "disclaimer": F(Text(), True, "Says plainly that this is an illustration for learning."),
    "variables": F(Table(MODEL_VARIABLE), True, "The state variables, 0-100."),
    "modifiers": F(List(MODIFIER, single=False), doc="How much a change counts, by state."),
    "daily": F(List(DAILY, single=False), doc="Drift applied at the end of each day."),
    "max_step": F(Num(lo=0), doc="Largest change one effect may make after scaling.", default=10),
    "risk": F(Obj({
        "intercept": F(Num(), True, "The constant term of the logistic formula."),
        "uncertainty": F(Num(lo=0, hi=50), doc="Plus/minus points shown around the estimate.", default=10),
        "factors": F(List(RISK_FACTOR, single=False, min_items=1), True, "Weighted factors."),
        "explain": F(Text(), True, "The formula in plain words."),
        "anchors": F(List(ANCHOR, single=False), doc="States the formula is calibrated on (tested)."),
        "sources": F(SOURCES, doc="Sources for the intercept and overall calibration."),
    }, name="risk formula"), True, "The two-year reoffending estimate."),
}, name="model")

VARIABLE = Obj({
    "type": F(Enum(("number", "bool", "text")), True, "What it holds."),
    "default": F(Any_(), doc="Starting value (0, false or empty text when left out)."),
    "min": F(Num(), doc="Lowest value (numbers)."),
    "max": F(Num(), doc="Highest value (numbers)."),
    "description": F(Text(), doc="What it is for."),
}, name="variable")

ACTIVITY = Obj({
    "name": F(Text(), True, "Shown in previews and summaries."),
    "icon": F(Str(), doc="Icon name in assets/icons/ (without .svg)."),
    "policy": F(Enum(("engaged", "idle", "neutral")), doc="How simulate's policies treat it.",
                default="neutral"),
}, name="activity")

PHASE = Obj({
    "name": F(Text(), True, "Shown on the day screen."),
    "description": F(Text(), doc="One or two sentences shown when the phase begins."),
    "palette": F(Enum(("normal", "remand")), doc="Colour treatment.", default="normal"),
}, name="phase")

PLACE = Obj({
    "name": F(Text(), True, "Shown on the day screen."),
    "art": F(Asset(), True, "Illustration, e.g. places/workshop.svg."),
    "ambient": F(Str(), doc="Ambient sound name in assets/sounds/ambient/ (without .ogg)."),
}, name="place")

EPILOGUE = Obj({
    "id": F(Id(), True, "A name for the epilogue."),
    "if": F(Condition(), doc="Chosen when this holds (the first that holds wins)."),
    "title": F(Text(), doc="A short heading."),
    "text": F(Text(), True, "Two years later..."),
}, name="epilogue")

CHARACTER = Obj({
    "name": F(Text(neutral=True), True, "Name shown to the player (the same in every language "
                                        "when written as plain text)."),
    "role": F(Text(), doc="Who they are, e.g. 'Contact officer'."),
    "portrait": F(Asset(), doc="Portrait, e.g. portraits/ingrid.svg."),
    "bio": F(Text(), doc="A few lines about them (journal, briefing)."),
    "model": F(Bool(), doc="Whether they carry the model's variables (residents in the officer role).",
               default=False),
    "start": F(Table(Num(lo=0, hi=100), key=Ref("variable")), doc="Starting model values."),
    "vars": F(Table(Num()), doc="Their own number variables, e.g. {mood: 50}."),
    "epilogues": F(List(EPILOGUE, single=False), doc="Their 'two years later', first match wins."),
}, name="character")

WARNING = Obj({
    "name": F(Text(), True, "Short name, e.g. 'Self-harm'."),
    "note": F(Text(), True, "What the scene contains, said calmly."),
    "help": F(Text(), doc="Where to find help (helplines)."),
}, name="content warning")

PRINCIPLE = Obj({
    "name": F(Text(), True, "Short name, e.g. 'Listen closely'."),
    "group": F(Enum(("dynamic_security", "de_escalation", "care")), True, "Which family it belongs to."),
    "description": F(Text(), True, "What it means in practice."),
    "sources": F(SOURCES, True, "Where it comes from."),
}, name="principle")

FACT = Obj({
    "text": F(Text(), True, "The fact, as the player reads it."),
    "sources": F(SOURCES, True, "Where it comes from."),
    "caveat": F(Text(), doc="What the figure measures and what it does not, if it is disputed."),
    "tags": F(List(Enum(("loading", "journal", "release", "attract", "comparison", "model"))),
              doc="Where it may appear."),
}, name="fact")

PROFILE = Obj({
    "id": F(Id(), True, "A name for the profile."),
    "name": F(Text(neutral=True), True, "The resident's name."),
    "age": F(Num(lo=15, hi=99, integer=True), doc="Age at admission."),
    "summary": F(Text(), True, "One or two lines for the choice screen."),
    "text": F(Text(), doc="Longer background."),
    "character": F(Ref("character"), doc="The character who is the player (for the portrait)."),
    "start": F(Table(Num(lo=0, hi=100), key=Ref("variable")), True, "Starting model values."),
    "flags": F(List(Str()), doc="Flags set at the start."),
}, name="profile")

SLOTS = Table(Ref("scene"), "Time slots of a day in order, each naming the scene that opens it.",
              key=Id())

DAY = Obj({
    "id": F(Id(), doc="A name for the day."),
    "title": F(Text(), doc="Heading, e.g. 'Visiting day'."),
    "slots": F(SLOTS, True, "This day's slots."),
}, name="day")

PHASE_BLOCK = Obj({
    "phase": F(Ref("phase"), True, "Which phase these days belong to."),
    "if": F(Condition(), doc="Skip this block unless it holds when reached."),
    "days": F(OneOf([(int, Num(lo=1, hi=365, integer=True)), (YList, List(DAY, single=False))]),
              doc="How many days (using 'slots'), or a list of days."),
    "label": F(Text(), doc="How much time the block stands for, e.g. 'Weeks 1-3'."),
    "slots": F(SLOTS, doc="The slots of each day when 'days' is a number."),
    "intro": F(Ref("scene"), doc="Scene played when the block begins."),
    "reflect": F(List(Text()), doc="Reflection questions shown at the end of the block (classroom)."),
    "scenarios": F(List(Ref("scenario")), doc="Scenarios played as the block's days, in order."),
}, name="calendar block")

ENDING = Obj({
    "id": F(Id(), True, "A name for the ending."),
    "if": F(Condition(), doc="Chosen when this holds; the first that holds wins; the last needs none."),
    "title": F(Text(), True, "A short heading."),
    "text": F(Text(), True, "The epilogue: two years later."),
    "place": F(Ref("place"), doc="Illustration for the epilogue."),
}, name="ending")

CAMPAIGN = Obj({
    "role": F(Ref("role"), True, "Which role plays it."),
    "title": F(Text(), True, "Name shown when choosing."),
    "summary": F(Text(), True, "One or two lines."),
    "kind": F(Enum(("full", "short")), doc="full: the whole story; short: a kiosk arc.", default="full"),
    "subject": F(Enum(("player", "characters")), doc="Whose state the model follows: the player's "
                 "(resident) or the named residents' (officer).", default="player"),
    "profiles": F(List(PROFILE, single=False), doc="Starting profiles the player chooses from."),
    "residents": F(List(Ref("character")), doc="The modelled characters (officer campaigns)."),
    "vars": F(Table(Any_(), key=Ref("variable")), doc="Starting values of global variables."),
    "calendar": F(List(PHASE_BLOCK, single=False, min_items=1), True, "The days, grouped in phases."),
    "endings": F(List(ENDING, single=False, min_items=1), True, "Endings, first match wins."),
    "debrief": F(List(Text()), doc="Questions for discussion at the end."),
    "minutes": F(Num(lo=1, integer=True), doc="About how long a playthrough takes."),
}, name="campaign")

SCENARIO = Obj({
    "title": F(Text(), True, "Name in the scenario list."),
    "summary": F(Text(), True, "What the trainee is walking into."),
    "start": F(Ref("scene"), True, "The scenario's first scene."),
    "place": F(Ref("place"), doc="Illustration in the scenario list."),
    "residents": F(List(Ref("character")), doc="Who is involved."),
    "expected": F(Text(), doc="What good practice would look like (after-action review: "
                              "'what was supposed to happen')."),
}, name="scenario")

EVENT = Obj({
    "campaigns": F(List(Ref("campaign"), min_items=1), True, "Campaigns it can fire in."),
    "slots": F(List(Id()), doc="Slots it can fire in (any when left out)."),
    "phases": F(List(Ref("phase")), doc="Phases it can fire in (any when left out)."),
    "pool": F(Id(), doc="Fires only when a choice draws from this pool, never by itself."),
    "if": F(Condition(), doc="Eligible only while this holds."),
    "priority": F(Num(integer=True), doc="Higher priorities are drawn first.", default=0),
    "weight": F(Num(lo=0), doc="Relative chance among equals.", default=1),
    "once": F(Bool(), doc="Fire at most once per playthrough.", default=True),
    "takes_slot": F(Bool(), doc="Replace the slot's own scene (else play before it).", default=True),
}, name="event")

TARGET = Ref("scene", extra=("end",))

CHOICE = Obj({
    "id": F(Id(), doc="A stable name (for results files and translations)."),
    "text": F(Text(), True, "What the player can do."),
    "if": F(Condition(), doc="Offered only while this holds."),
    "do": F(Effects(), doc="What it changes."),
    "why": F(Text(), doc="Reason shown for its effects, in the player's words."),
    "goto": F(TARGET, doc="Where play goes next ('end' ends the slot)."),
    "draw": F(Id(), doc="Play an event drawn from this pool next."),
    "tags": F(List(Ref("activity")), doc="What kind of activity it is."),
    "follows": F(List(Ref("principle")), doc="Principles this choice follows (training)."),
    "breaks": F(List(Ref("principle")), doc="Principles this choice breaks (training)."),
    "feedback": F(Text(), doc="Trainer's feedback on this choice."),
}, name="choice")

VARIANT = Obj({
    "if": F(Condition(), True, "When this holds, the variant's text is shown instead."),
    "text": F(Text(), True, "The text to show."),
}, name="text variant")

SCENE = Obj({
    "place": F(Ref("place"), doc="Where it happens (the illustration)."),
    "speaker": F(Ref("character"), doc="Whose portrait is shown."),
    "title": F(Text(), doc="A short heading."),
    "text": F(Text(), True, "What happens, in the present tense."),
    "variants": F(List(VARIANT, single=False), doc="Other texts for other states; the first whose "
                  "'if' holds replaces 'text'."),
    "warning": F(List(Ref("warning")), doc="Content warnings shown before the scene."),
    "fact": F(Ref("fact"), doc="A fact shown beside the scene."),
    "do": F(Effects(), doc="Effects applied when the scene is shown."),
    "why": F(Text(), doc="Reason for the scene's own effects."),
    "event": F(EVENT, doc="Makes the scene an event (storylet)."),
    "choices": F(List(CHOICE, single=False), doc="What the player can do."),
    "next": F(TARGET, doc="Where 'Continue' goes when there are no choices ('end' by default)."),
    "skip": F(TARGET, doc="Where 'skip this scene' goes after a content warning ('end' by default)."),
}, name="scene")

SECTIONS: dict[str, tuple[str, object, str]] = {
    # section: (kind of id, type of each entry or of the section, doc)
    "languages": ("language", LANGUAGE, "Languages the content is written in."),
    "strings": ("string", Text(), "Interface words by key, e.g. menu.play: {en: Play, nb: Spill}."),
    "roles": ("role", ROLE, "The roles a player can take."),
    "model": ("model", MODEL, "The state model (one file only)."),
    "variables": ("variable", VARIABLE, "Global variables of the story."),
    "activities": ("activity", ACTIVITY, "Kinds of activity choices are tagged with."),
    "phases": ("phase", PHASE, "Phases of a sentence or a posting."),
    "places": ("place", PLACE, "Places and their illustrations."),
    "characters": ("character", CHARACTER, "Named people."),
    "warnings": ("warning", WARNING, "Content warnings."),
    "principles": ("principle", PRINCIPLE, "Principles of dynamic security and de-escalation."),
    "facts": ("fact", FACT, "Facts and figures with their sources."),
    "campaigns": ("campaign", CAMPAIGN, "Playable stories."),
    "scenarios": ("scenario", SCENARIO, "Training scenarios (one shift each)."),
    "scenes": ("scene", SCENE, "Scenes and events."),
}
STRING_KEY = Str(what="a key of letters, digits, '_', '-' and '.'")


def json_schema() -> dict:
    """The whole format as JSON Schema (draft 2020-12), for editors."""
    props = {}
    for name, (_, entry, doc) in SECTIONS.items():
        if name == "model":
            schema = entry.json()  # type: ignore[attr-defined]
        elif name == "strings":
            schema = {"type": "object", "additionalProperties": entry.json(),  # type: ignore[attr-defined]
                      "propertyNames": {"pattern": r"^[A-Za-z0-9_.\-]+$"}}
        else:
            schema = Table(entry).json()  # type: ignore[arg-type]
        schema["description"] = doc
        props[name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://neighbour.invalid/content.schema.json",
        "title": "Neighbour content file",
        "description": f"Story content for Neighbour (format version {SCHEMA_VERSION}).",
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }
