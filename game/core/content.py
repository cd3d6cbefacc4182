"""The content the engine plays: plain objects built from normalised data by `load.build`.

These are the compiled story's types, shared by the loader that makes them and the engine that plays
them. Rules inside them are compiled on first use (`rules.compiled`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import plurals
from .model import Model
from .rules.compile import Symbols
from .rules.compiled import Effect, Rule, Text


@dataclass(slots=True)
class Event:
    campaigns: tuple[str, ...]
    slots: tuple[str, ...]
    phases: tuple[str, ...]
    pool: str | None
    cond: Rule | None
    priority: int
    weight: float
    once: bool
    takes_slot: bool


@dataclass(slots=True)
class Choice:
    index: int
    id: str
    text: Text
    cond: Rule | None
    effects: list[Effect]
    why: Text | None
    goto: str | None
    draw: str | None
    tags: tuple[str, ...]
    follows: tuple[str, ...]
    breaks: tuple[str, ...]
    feedback: Text | None
    preview: tuple[tuple[str | None, str, int], ...]


@dataclass(slots=True)
class Scene:
    id: str
    place: str | None
    speaker: str | None
    title: Text | None
    text: Text
    variants: list[tuple[Rule, Text]]
    warnings: tuple[str, ...]
    fact: str | None
    effects: list[Effect]
    event: Event | None
    choices: list[Choice]
    next: str | None
    skip: str | None
    at: str


@dataclass(slots=True)
class Day:
    id: str
    title: Text | None
    slots: tuple[tuple[str, str], ...]  # (slot name, scene id)
    scenario: str | None = None


@dataclass(slots=True)
class Block:
    phase: str
    cond: Rule | None
    days: list[Day]
    label: Text | None
    intro: str | None
    reflect: list[Text]


@dataclass(slots=True)
class Ending:
    id: str
    cond: Rule | None
    title: Text
    text: Text
    place: str | None


@dataclass(slots=True)
class Profile:
    id: str
    name: Text
    age: int | None
    summary: Text
    text: Text | None
    character: str | None
    start: dict[str, float]
    flags: tuple[str, ...]


@dataclass(slots=True)
class Campaign:
    id: str
    role: str
    title: Text
    summary: Text
    kind: str
    subject: str
    profiles: list[Profile]
    residents: tuple[str, ...]
    vars: dict[str, Any]
    blocks: list[Block]
    endings: list[Ending]
    debrief: list[Text]
    minutes: int | None
    # events that may fire at the start of a slot, by slot name ("*" = any slot), best first
    slot_events: dict[str, list[tuple[str, Event]]] = field(default_factory=dict)


@dataclass(slots=True)
class Epilogue:
    id: str
    cond: Rule | None
    title: Text | None
    text: Text


@dataclass(slots=True)
class Character:
    id: str
    name: Text
    role: Text | None
    portrait: str | None
    bio: Text | None
    model: bool
    start: dict[str, float]
    vars: dict[str, float]
    epilogues: list[Epilogue]


@dataclass
class Content:
    """Everything the engine and the interface need, with lookups by name."""

    languages: dict[str, str]           # code -> own name
    default_lang: str
    strings: dict[str, Text]
    roles: dict[str, dict]
    model: Model
    variables: dict[str, dict]
    activities: dict[str, dict]
    phases: dict[str, dict]
    places: dict[str, dict]
    characters: dict[str, Character]
    warnings: dict[str, dict]
    principles: dict[str, dict]
    facts: dict[str, dict]
    campaigns: dict[str, Campaign]
    scenarios: dict[str, dict]
    scenes: dict[str, Scene]  # a Scenes: each built when first asked for
    pools: dict[str, list[tuple[str, Event]]]
    symbols: Symbols

    def text(self, text: Text | None, lang: str) -> str:
        """The text in a language, falling back to the default language, then to any."""
        if not text:
            return ""
        if lang in text:
            return text[lang]
        if "" in text:
            return text[""]
        if self.default_lang in text:
            return text[self.default_lang]
        return next(iter(text.values()))

    def ui(self, key: str, lang: str, **values: Any) -> str:
        """An interface string by key, with {name} placeholders filled in."""
        text = self.strings.get(key)
        if text is None:
            return key
        out = self.text(text, lang)
        return plurals.fill(out, lang, values) if values else out
