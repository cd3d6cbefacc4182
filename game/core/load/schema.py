"""The content format: every section a content file may hold, and the whole format as JSON Schema.

The entries of each section are the records of the compiled story (`content.py`, `world.py`), whose
field declarations (`spec.py`) are the one description of the format: the loader checks content
against them, the builder makes the records with their defaults, and `json_schema()` prints them for
authors' editors. Field descriptions are what an editor shows on hover, so they are written for authors.

The model's own format is still described here (`MODEL`), beside `model.py`, which reads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..content import Campaign, Scene
from ..rules.compile import NUMBER
from ..world import (Activity, Character, ContentWarning, Fact, Language, Phase, Place, Principle, Role,
                     Scenario, Variable)
from .schema_values import NAME_CODES
from .schema_types import (F, Condition, Effects, Enum, Id, List, Num, Obj, Ref, Str, T, Table, Text,
                           record, sources)
from ..translate.overlay import LANGUAGE_TRANSLATIONS
from .sources import SCHEMA_VERSION  # noqa: F401 - defined there so reading the cache needs no schema

SOURCES = sources()

MODEL_VARIABLE = Obj({
    "name": F(Text(), True, "Label shown on the meter."),
    "kind": F(Enum(("protective", "risk", "fixed", "modifier")), True,
              "protective: higher is better; risk: higher is worse; fixed: never changes in play; "
              "modifier: no weight of its own, it changes how much other choices count."),
    "start": F(Num(lo=0, hi=100), doc="Starting value (0-100) when a profile does not say.", default=50),
    "description": F(Text(), True, "What the variable stands for, in plain words."),
    "icon": F(Str(), doc="Icon name in assets/icons/ (without .svg)."),
    "floor": F(Num(lo=0, hi=100), doc="For a protective or modifier variable: losses stop at this value "
               "(a second chance: the story never takes it lower). Left out, losses may go down to 0."),
    "ceiling": F(Num(lo=0, hi=100), doc="For a risk variable: increases stop at this value (no one is "
                 "beyond reach). Left out, a risk may rise to 100."),
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
    "who": F(Enum(("player", "residents")), doc="player: the resident the player plays; residents: each "
             "resident an officer campaign follows, in turn (bare variables mean that resident's).",
             default="player"),
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

SECTIONS: dict[str, tuple[str, T, str]] = {
    # section: (kind of name, type of each entry (or of the whole section for 'model'), doc)
    "languages": ("language", record(Language), "Languages the content is written in."),
    "strings": ("string", Text(), "Interface words by key, e.g. menu.play: {en: Play, nb: Spill}."),
    "roles": ("role", record(Role), "The roles a player can take."),
    "model": ("model", MODEL, "The state model (one file only)."),
    "variables": ("variable", record(Variable), "Global variables of the story."),
    "activities": ("activity", record(Activity), "Kinds of activity choices are tagged with."),
    "phases": ("phase", record(Phase), "Phases of a sentence or a posting."),
    "places": ("place", record(Place), "Places and their illustrations."),
    "characters": ("character", record(Character), "Named people."),
    "warnings": ("warning", record(ContentWarning), "Content warnings."),
    "principles": ("principle", record(Principle), "Principles of dynamic security and de-escalation."),
    "facts": ("fact", record(Fact), "Facts and figures with their sources."),
    "campaigns": ("campaign", record(Campaign), "Playable stories."),
    "scenarios": ("scenario", record(Scenario), "Training scenarios (one shift each)."),
    "scenes": ("scene", record(Scene), "Scenes and events."),
    "translations": ("translation", LANGUAGE_TRANSLATIONS, "A language's translations, by the key of each "
                     "text (as `translate import` writes them from a PO file; see docs/translating.md)."),
}
STRING_KEY = Str(what="a key of letters, digits, '_', '-' and '.'")


def json_schema(names: dict[str, Iterable[str]] | None = None) -> dict[str, Any]:
    """The whole format as JSON Schema (draft 2020-12), for editors. With `names` (kind -> the names
    the content defines), each reference lists them, so an editor completes `place: ` with the places
    and flags a misspelt one."""
    defs: dict[str, dict[str, Any]] = {}
    for kind in NAME_CODES:
        known = sorted((names or {}).get(kind, ()))
        defs[kind] = {"type": "string", "description": f"the name of {'an' if kind[0] in 'aeiou' else 'a'} "
                                                       f"{kind}" + (" defined in the content" if known else "")}
        if known:
            defs[kind]["enum"] = known
    props = {}
    for name, (_, entry, doc) in SECTIONS.items():
        if name == "model":
            schema = entry.json()
        elif name == "strings":
            schema = {"type": "object", "additionalProperties": entry.json(),
                      "propertyNames": {"pattern": r"^[A-Za-z0-9_.\-]+$"}}
        else:
            schema = Table(entry).json()
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
        "$defs": defs,
    }
