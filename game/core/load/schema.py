"""The content format: every section a content file may hold, and the whole format as JSON Schema.

The entries of each section are the records of the compiled story (`content.py`, `world.py`), whose
field declarations (`spec.py`) are the one description of the format: the loader checks content
against them, the builder makes the records with their defaults, and `json_schema()` prints them for
authors' editors. Field descriptions are what an editor shows on hover, so they are written for authors.
The model's section is described the same way, by its records in `model.py` (`ModelSpec`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..content import Campaign, Scene
from ..model import ModelSpec
from ..world import (Activity, Character, ContentWarning, Fact, Language, Phase, Place, Principle, Role,
                     Scenario, Variable)
from .schema_values import NAME_CODES
from .schema_types import (Str, T, Table, Text,
                           record, sources)
from ..translate.overlay import LANGUAGE_TRANSLATIONS
from .sources import SCHEMA_VERSION  # noqa: F401 - defined there so reading the cache needs no schema

SOURCES = sources()

MODEL = record(ModelSpec)  # the model's format, declared by its records in model.py

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
