"""Building playable content from normalised data: `build(data)` returns a `Content`.

The data comes from the loader (checked against the schema) or from the compiled cache. Rules are
compiled lazily, on first use (see `rules.compiled`); they were type-checked when the content was
loaded from source.
"""

from __future__ import annotations

import marshal
from typing import Any

from ..content import Block, Campaign, Character, Choice, Content, Day, Ending, Epilogue, Event, Profile, Scene
from ..gcpause import gc_paused
from ..model import Model
from ..rules.compile import BOOL, NUMBER, TEXT, Symbols
from ..rules.compiled import Rule, effect_list as _effects, rule_or_none as _rule


def _symbols(data: dict) -> Symbols:
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


def _event(spec: dict, symbols: Symbols) -> Event:
    return Event(
        campaigns=tuple(spec["campaigns"]), slots=tuple(spec.get("slots", ())),
        phases=tuple(spec.get("phases", ())), pool=spec.get("pool"),
        cond=_rule(spec.get("if"), symbols), priority=spec.get("priority", 0),
        weight=spec.get("weight", 1), once=spec.get("once", True),
        takes_slot=spec.get("takes_slot", True))


def _scene(sid: str, spec: dict, symbols: Symbols, event: Event | None = None) -> Scene:
    choices = []
    for i, c in enumerate(spec.get("choices", [])):
        effects = _effects(c.get("do"), symbols, c.get("why"))
        preview: dict[tuple[str | None, str], int] = {}
        for e in effects:
            for owner, var, sign in e.targets:
                preview[(owner, var)] = preview.get((owner, var), 0) + sign
        choices.append(Choice(
            index=i, id=c.get("id", str(i)), text=c["text"], cond=_rule(c.get("if"), symbols),
            effects=effects, why=c.get("why"), goto=c.get("goto"), draw=c.get("draw"),
            tags=tuple(c.get("tags", ())), follows=tuple(c.get("follows", ())),
            breaks=tuple(c.get("breaks", ())), feedback=c.get("feedback"),
            preview=tuple((o, v, (s > 0) - (s < 0)) for (o, v), s in preview.items())))
    if event is None and spec.get("event"):
        event = _event(spec["event"], symbols)
    return Scene(
        id=sid, place=spec.get("place"), speaker=spec.get("speaker"), title=spec.get("title"),
        text=spec["text"], variants=[(Rule(v["if"], symbols), v["text"]) for v in spec.get("variants", [])],
        warnings=tuple(spec.get("warning", ())), fact=spec.get("fact"),
        effects=_effects(spec.get("do"), symbols, spec.get("why")),
        event=event, choices=choices,
        next=spec.get("next"), skip=spec.get("skip"), at=spec.get("@", ""))


def _campaign(cid: str, spec: dict, data: dict, symbols: Symbols) -> Campaign:
    blocks = []
    for bi, b in enumerate(spec["calendar"]):
        days: list[Day] = []
        if b.get("scenarios"):
            for sc in b["scenarios"]:
                scen = data["scenarios"][sc]
                days.append(Day(id=sc, title=scen["title"], slots=(("shift", scen["start"]),), scenario=sc))
        elif isinstance(b.get("days"), int):
            slots = tuple(b.get("slots", {}).items())
            days = [Day(id=f"{b['phase']}_{bi}_{i}", title=None, slots=slots) for i in range(b["days"])]
        else:
            for i, d in enumerate(b.get("days", [])):
                days.append(Day(id=d.get("id", f"{b['phase']}_{bi}_{i}"), title=d.get("title"),
                                slots=tuple(d["slots"].items())))
        blocks.append(Block(phase=b["phase"], cond=_rule(b.get("if"), symbols), days=days,
                            label=b.get("label"), intro=b.get("intro"), reflect=b.get("reflect", [])))
    profiles = [Profile(id=p["id"], name=p["name"], age=p.get("age"), summary=p["summary"],
                        text=p.get("text"), character=p.get("character"), start=dict(p["start"]),
                        flags=tuple(p.get("flags", ()))) for p in spec.get("profiles", [])]
    endings = [Ending(id=e["id"], cond=_rule(e.get("if"), symbols), title=e["title"], text=e["text"],
                      place=e.get("place")) for e in spec["endings"]]
    return Campaign(id=cid, role=spec["role"], title=spec["title"], summary=spec["summary"],
                    kind=spec.get("kind", "full"), subject=spec.get("subject", "player"),
                    profiles=profiles, residents=tuple(spec.get("residents", ())),
                    vars=dict(spec.get("vars", {})), blocks=blocks, endings=endings,
                    debrief=spec.get("debrief", []), minutes=spec.get("minutes"))


class Scenes(dict):
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

    def get(self, sid: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[sid] if sid in self._raw else default

    def __contains__(self, sid: object) -> bool:
        return sid in self._raw

    def __iter__(self):
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def keys(self):  # type: ignore[override]
        return self._raw.keys()

    @gc_paused  # building many scenes at once: see gcpause.py
    def values(self):  # type: ignore[override]
        return [self[sid] for sid in self._raw]

    @gc_paused
    def items(self):  # type: ignore[override]
        return [(sid, self[sid]) for sid in self._raw]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, dict) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Scenes({len(self)} scenes, {dict.__len__(self)} built)"


@gc_paused
def build(data: dict) -> Content:
    """Build playable content from normalised data (which must have loaded without errors)."""
    symbols = _symbols(data)
    raw = data.get("scenes", {})
    packed_events = data.get("scene_events")  # with packed scenes (the cache), their events beside them
    events = {}
    for sid, spec in raw.items():
        ev_spec = packed_events.get(sid) if packed_events is not None else spec.get("event")
        if ev_spec:
            events[sid] = _event(ev_spec, symbols)
    scenes = Scenes(raw, symbols, events)
    campaigns = {cid: _campaign(cid, c, data, symbols) for cid, c in data.get("campaigns", {}).items()}
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
    characters = {}
    for k, c in data.get("characters", {}).items():
        epilogues = [Epilogue(id=e["id"], cond=_rule(e.get("if"), symbols), title=e.get("title"),
                              text=e["text"]) for e in c.get("epilogues", [])]
        characters[k] = Character(id=k, name=c["name"], role=c.get("role"), portrait=c.get("portrait"),
                                  bio=c.get("bio"), model=c.get("model", False),
                                  start=dict(c.get("start", {})), vars=dict(c.get("vars", {})),
                                  epilogues=epilogues)
    langs = data.get("languages") or {"en": {"name": "English", "default": True}}
    default = next((k for k, v in langs.items() if v.get("default")), next(iter(langs)))
    return Content(
        languages={k: v["name"] for k, v in langs.items()}, default_lang=default,
        strings=data.get("strings", {}), roles=data.get("roles", {}),
        model=Model(data["model"], symbols), variables=data.get("variables", {}),
        activities=data.get("activities", {}), phases=data.get("phases", {}),
        places=data.get("places", {}), characters=characters, warnings=data.get("warnings", {}),
        principles=data.get("principles", {}), facts=data.get("facts", {}),
        campaigns=campaigns, scenarios=data.get("scenarios", {}), scenes=scenes, pools=pools,
        symbols=symbols)
