"""Building playable content from normalised data: `build(data)` returns a `Content`.

The data comes from the loader (checked against the schema) or from the compiled cache. Each record
is made by `make(cls, value)` from its field declarations (`spec.py`), with the defaults declared
there; nothing here repeats the format. What is derived rather than written (a choice's preview, the
days of a calendar block, the events each slot may draw) is computed after. Rules are compiled lazily,
on first use (see `rules.compiled`); they were type-checked when the content was loaded from source.
"""

from __future__ import annotations

import dataclasses
import marshal
from collections.abc import Iterator, KeysView
from typing import Any, Callable

from .. import spec as s
from ..content import Block, Campaign, Choice, Content, Day, Event, Scene
from ..gcpause import gc_paused
from ..model import Model, ModelSpec
from ..rules.compile import BOOL, NUMBER, TEXT, Symbols
from ..rules.compiled import effect_list, rule_or_none
from ..world import (Activity, Character, ContentWarning, Fact, Phase, Place, Principle, Role, Scenario,
                     Source, Variable)

class _Plan:
    """How to make one record type, worked out once: its fields by YAML key, and its defaults."""

    __slots__ = ("by_key", "defaults", "factories")

    def __init__(self, cls: type) -> None:
        self.by_key: dict[str, tuple[str, str, s.FieldSpec]] = {}
        self.defaults: dict[str, Any] = {}
        self.factories: list[tuple[str, Callable[[], Any]]] = []
        for f in dataclasses.fields(cls):
            spec = s.spec_of(f)
            if spec is None:
                continue
            self.by_key[spec.key or f.name] = (f.name, spec.build, spec)
            if f.default_factory is not dataclasses.MISSING:
                if f.default_factory is tuple:
                    self.defaults[f.name] = ()
                else:
                    self.factories.append((f.name, f.default_factory))
            elif f.default is not dataclasses.MISSING:
                self.defaults[f.name] = f.default


_PLANS: dict[type, _Plan] = {}


def make(cls: type, value: Any, symbols: Symbols, **derived: Any) -> Any:
    """A record of type `cls` from its normalised data (a dict keyed as in the content files)."""
    if cls is Source and isinstance(value, str):
        return Source(title=value)
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _Plan(cls)
    args = {**plan.defaults, **derived}
    for attr, factory in plan.factories:
        args[attr] = factory()
    by_key = plan.by_key
    for key, raw in value.items():
        entry = by_key.get(key)
        if entry is None or raw is None:  # '@' (a position) and the like
            continue
        attr, how, spec = entry
        args[attr] = raw if how is s.VALUE else _CONVERT[how](raw, spec, symbols, value)
    return cls(**args)


def _records(raw: Any, spec: Any, symbols: Symbols, parent: dict[str, Any]) -> list[Any]:
    return [make(spec.cls, item, symbols) for item in raw]


_CONVERT: dict[str, Callable[[Any, Any, Symbols, dict[str, Any]], Any]] = {
    s.VALUE: lambda raw, spec, symbols, parent: raw,
    s.TUPLE: lambda raw, spec, symbols, parent: tuple(raw),
    s.DICT: lambda raw, spec, symbols, parent: dict(raw),
    s.PAIRS: lambda raw, spec, symbols, parent: tuple(raw.items()),
    s.RULE: lambda raw, spec, symbols, parent: rule_or_none(raw, symbols, NUMBER if spec.want == "number"
                                                            else BOOL, spec.modifier),
    s.EFFECTS: lambda raw, spec, symbols, parent: effect_list(raw, symbols,
                                                              parent.get(spec.why) if spec.why else None),
    s.RECORD: lambda raw, spec, symbols, parent: make(spec.cls, raw, symbols),
    s.RECORDS: _records,
    s.TABLE: lambda raw, spec, symbols, parent: {k: make(spec.cls, v, symbols, id=k) for k, v in raw.items()},
    s.SOURCES: lambda raw, spec, symbols, parent: [make(Source, src, symbols) for src in raw],
}


def _table(cls: type, raw: dict[str, Any], symbols: Symbols) -> dict[str, Any]:
    """A section's records by name."""
    return {key: make(cls, value, symbols, id=key) for key, value in raw.items()}


def _symbols(data: dict[str, Any]) -> Symbols:
    model = data.get("model") or {"variables": {}}
    model_vars = {k: v["kind"] for k, v in model["variables"].items()}
    types = {"number": NUMBER, "bool": BOOL, "text": TEXT}
    globals_ = {k: types[v["type"]] for k, v in data.get("variables", {}).items()}
    characters = {}
    for k, v in data.get("characters", {}).items():
        have = set(model_vars) if v.get("model") else set()
        have |= set(v.get("vars", {}))
        characters[k] = have
    return Symbols(model_vars=model_vars, globals=globals_, characters=characters,
                   scenes=set(data.get("scenes", {})), activities=set(data.get("activities", {})),
                   principles=set(data.get("principles", {})), phases=set(data.get("phases", {})))


def _scene(sid: str, spec: dict[str, Any], symbols: Symbols, event: Event | None = None) -> Scene:
    if event is None and spec.get("event"):
        event = make(Event, spec["event"], symbols)
    scene: Scene = make(Scene, {**spec, "event": None}, symbols, id=sid, at=spec.get("@", ""))
    scene.event = event
    for i, choice in enumerate(scene.choices):
        _finish_choice(choice, i)
    return scene


def _finish_choice(choice: Choice, index: int) -> None:
    """A choice's place in its scene, its id (its place when it has none) and its preview."""
    choice.index = index
    if choice.id is None:
        choice.id = str(index)
    preview: dict[tuple[str | None, str], int] = {}
    for e in choice.effects:
        for owner, var, sign in e.targets:
            preview[(owner, var)] = preview.get((owner, var), 0) + sign
    choice.preview = tuple((o, v, (n > 0) - (n < 0)) for (o, v), n in preview.items())


def _campaign(cid: str, spec: dict[str, Any], scenarios: dict[str, Scenario], symbols: Symbols) -> Campaign:
    camp: Campaign = make(Campaign, spec, symbols, id=cid)
    for bi, block in enumerate(camp.blocks):
        block.days = _days(block, bi, scenarios, symbols)
    return camp


def _days(block: Block, bi: int, scenarios: dict[str, Scenario], symbols: Symbols) -> list[Day]:
    """The days a calendar block plays: its scenarios, a number of days alike, or days written out."""
    if block.scenarios:
        return [Day(id=sc, title=scenarios[sc].title, slots=(("shift", scenarios[sc].start),), scenario=sc)
                for sc in block.scenarios]
    if isinstance(block.plan, int):
        return [Day(id=f"{block.phase}_{bi}_{i}", title=None, slots=block.slots) for i in range(block.plan)]
    days = []
    for i, d in enumerate(block.plan or []):
        day: Day = make(Day, d, symbols)
        if day.id is None:
            day.id = f"{block.phase}_{bi}_{i}"
        days.append(day)
    return days


class Scenes(dict[str, Scene]):
    """The scenes by id, each built the first time it is asked for.

    A story has hundreds of scenes and a player meets a few dozen before the first choice; building
    them all (and, from the compiled cache, decoding their texts) was a fifth of the time to the first
    frame. A scene's spec is a normalised dict, or that dict packed by marshal (cache.py); its event,
    which the engine needs up front to draw storylets, is built eagerly by `build`.

    A dict holding the scenes built so far, so that `scenes[sid]` costs what a dict lookup costs once
    a scene is built (the engine looks scenes up on every choice); `in`, `len`, iteration, `get`,
    `keys`, `values` and `items` answer for every scene, built or not.
    """

    __slots__ = ("_raw", "_symbols", "_events")

    def __init__(self, raw: dict[str, Any], symbols: Symbols, events: dict[str, Event]):
        super().__init__()
        self._raw, self._symbols, self._events = raw, symbols, events

    def __missing__(self, sid: str) -> Scene:
        spec = self._raw[sid]  # a KeyError for an unknown id, as a dict gives
        if type(spec) is bytes:
            spec = marshal.loads(spec)
        scene = self[sid] = _scene(sid, spec, self._symbols, self._events.get(sid))
        return scene

    def get(self, sid: str, default: Any = None) -> Any:
        return self[sid] if sid in self._raw else default

    def __contains__(self, sid: object) -> bool:
        return sid in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        return self._raw.keys()

    @gc_paused  # building many scenes at once: see gcpause.py
    def values(self) -> list[Scene]:  # type: ignore[override]
        return [self[sid] for sid in self._raw]

    @gc_paused
    def items(self) -> list[tuple[str, Scene]]:  # type: ignore[override]
        return [(sid, self[sid]) for sid in self._raw]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, dict) and dict(self.items()) == dict(other.items())

    __hash__ = None

    def __repr__(self) -> str:
        return f"Scenes({len(self)} scenes, {dict.__len__(self)} built)"


@gc_paused
def build(data: dict[str, Any]) -> Content:
    """Build playable content from normalised data (which must have loaded without errors)."""
    symbols = _symbols(data)
    raw = data.get("scenes", {})
    packed_events = data.get("scene_events")  # with packed scenes (the cache), their events beside them
    events = {}
    for sid, spec in raw.items():
        ev_spec = packed_events.get(sid) if packed_events is not None else spec.get("event")
        if ev_spec:
            events[sid] = make(Event, ev_spec, symbols)
    scenes = Scenes(raw, symbols, events)
    scenarios = _table(Scenario, data.get("scenarios", {}), symbols)
    campaigns = {cid: _campaign(cid, c, scenarios, symbols) for cid, c in data.get("campaigns", {}).items()}
    pools: dict[str, list[tuple[str, Event]]] = {}
    for sid, ev in events.items():
        if ev.pool:
            pools.setdefault(ev.pool, []).append((sid, ev))
            continue
        for cid in ev.campaigns:
            camp = campaigns.get(cid)
            if camp is None:
                continue
            for slot in ev.slots or ("*",):
                camp.slot_events.setdefault(slot, []).append((sid, ev))
    for camp in campaigns.values():
        for lst in camp.slot_events.values():
            lst.sort(key=lambda item: -item[1].priority)
    for lst in pools.values():
        lst.sort(key=lambda item: -item[1].priority)
    langs = data.get("languages") or {"en": {"name": "English", "default": True}}
    default = next((k for k, v in langs.items() if v.get("default")), next(iter(langs)))
    return Content(
        languages={k: v["name"] for k, v in langs.items()}, default_lang=default,
        strings=data.get("strings", {}), roles=_table(Role, data.get("roles", {}), symbols),
        model=Model(make(ModelSpec, data["model"], symbols)),
        variables=_table(Variable, data.get("variables", {}), symbols),
        activities=_table(Activity, data.get("activities", {}), symbols),
        phases=_table(Phase, data.get("phases", {}), symbols),
        places=_table(Place, data.get("places", {}), symbols),
        characters=_table(Character, data.get("characters", {}), symbols),
        warnings=_table(ContentWarning, data.get("warnings", {}), symbols),
        principles=_table(Principle, data.get("principles", {}), symbols),
        facts=_table(Fact, data.get("facts", {}), symbols),
        campaigns=campaigns, scenarios=scenarios, scenes=scenes, pools=pools, symbols=symbols,
        plural_rules=_plural_rules(langs))


def _plural_rules(langs: dict[str, Any]) -> dict[str, Callable[[int], int]]:
    from ..translate.plural import plural_rule
    out = {}
    for code, spec in langs.items():
        rule = plural_rule(spec.get("plural"))
        if rule is not None:
            out[code] = rule
    return out
