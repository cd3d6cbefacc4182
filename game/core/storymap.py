"""A map of the story: the scenes of a campaign (or of every campaign of a role) and how play moves
between them, for the `graph` command to draw (see `storydraw.py`).

Nodes are the campaign's calendar blocks (where each day starts), its scenes, the pools its choices
draw from, and the end of the slot. Edges are choices (`goto`, labelled with the choice's words and
condition), draws from pools, `next`, `skip`, and the slots each block opens. Scenes no campaign can
reach and scenes from which no path ends the slot (dead ends) are marked, as lint finds them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lint import END, _Graph

__all__ = ["BLOCK", "END", "EVENT", "FINISH", "POOL", "SCENE", "Edge", "Node", "StoryMap", "story_map"]

BLOCK, SCENE, EVENT, POOL, FINISH = "block", "scene", "event", "pool", "end"


@dataclass
class Node:
    id: str
    kind: str                 # BLOCK, SCENE, EVENT (a scene that fires by itself), POOL or FINISH
    label: str
    detail: str = ""          # what the scene says, its condition, its place...
    at: str = ""              # file:line:col of its definition
    unreachable: bool = False
    dead_end: bool = False


@dataclass
class Edge:
    source: str
    target: str
    label: str = ""
    condition: str = ""       # the choice's `if`, when it has one
    kind: str = "choice"      # choice, draw, next, skip, slot


@dataclass
class StoryMap:
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def _words(text: Any, n: int = 60) -> str:
    if not isinstance(text, dict) or not text:
        return ""
    value = text.get("") or text.get("en") or next(iter(text.values()))
    value = " ".join(str(value).split())
    return value if len(value) <= n else value[: n - 1] + "…"


def _cond(spec: dict[str, Any]) -> str:
    rule = spec.get("if")
    return rule["src"] if isinstance(rule, dict) else ""


def can_finish(graph: _Graph) -> set[str]:
    """Scenes from which some path ends the slot."""
    done: set[str] = set()
    changed = True
    while changed:
        changed = False
        for sid, targets in graph.edges.items():
            if sid not in done and any(t == END or t in done for t in targets):
                done.add(sid)
                changed = True
    return done


def story_map(data: dict[str, Any], campaigns: list[str], title: str) -> StoryMap:
    """The map of these campaigns (from the loader's normalised data, which loaded without errors)."""
    graph = _Graph(data)
    finishing = can_finish(graph)
    out = StoryMap(title)
    reach: set[str] = set()
    for cid in campaigns:
        reach |= graph.reach.get(cid, set())
    files = {s.get("@", "").rsplit(":", 2)[0] for sid, s in graph.scenes.items() if sid in reach}
    shown = set(reach)
    for sid, s in graph.scenes.items():  # the campaign's own files' scenes it cannot reach, and its events
        ev = s.get("event") or {}
        if s.get("@", "").rsplit(":", 2)[0] in files or set(ev.get("campaigns", ())) & set(campaigns):
            shown.add(sid)
    out.nodes[END] = Node(END, FINISH, "end of the slot")
    for cid in campaigns:
        _blocks(out, cid, data["campaigns"][cid], data)
    for sid in sorted(shown, key=lambda k: graph.scenes[k].get("@", "")):
        _scene(out, sid, graph.scenes[sid], sid not in reach, sid not in finishing, graph)
    return out


def _blocks(out: StoryMap, cid: str, camp: dict[str, Any], data: dict[str, Any]) -> None:
    for i, block in enumerate(camp["calendar"]):
        bid = f"{cid}:{i}"
        days = block.get("days")
        count = days if isinstance(days, int) else len(days) if isinstance(days, list) else 0
        what = f"{count} day(s)" if count else f"{len(block.get('scenarios', []))} scenario(s)"
        label = f"{cid} · {block['phase']} · {_words(block.get('label'), 30) or what}"
        out.nodes[bid] = Node(bid, BLOCK, label, " ".join(filter(None, [_cond(block) and f"if {_cond(block)}",
                                                                          what])), block.get("@", ""))
        if block.get("intro"):
            out.edges.append(Edge(bid, block["intro"], "intro", kind="slot"))
        slots = list(block.get("slots", {}).items())
        for day in days if isinstance(days, list) else []:
            slots += list(day["slots"].items())
        for slot, sid in dict.fromkeys(slots):
            out.edges.append(Edge(bid, sid, slot, kind="slot"))
        for sc in block.get("scenarios", []):
            start = data.get("scenarios", {}).get(sc, {}).get("start")
            if start:
                out.edges.append(Edge(bid, start, sc, kind="slot"))


def _scene(out: StoryMap, sid: str, s: dict[str, Any], unreachable: bool, dead_end: bool, graph: _Graph) -> None:
    ev = s.get("event") or {}
    kind = EVENT if ev and not ev.get("pool") else SCENE
    detail = _words(s.get("text"), 240)
    if ev:
        where = "pool " + ev["pool"] if ev.get("pool") else "fires by itself"
        detail = f"[{where}{'; if ' + _cond(ev) if _cond(ev) else ''}] {detail}"
    out.nodes[sid] = Node(sid, kind, sid, detail, s.get("@", ""), unreachable, dead_end)
    choices = s.get("choices", [])
    for c in choices:
        if c.get("draw"):
            pool = f"pool:{c['draw']}"
            if pool not in out.nodes:
                out.nodes[pool] = Node(pool, POOL, f"pool {c['draw']}", "an event drawn from the pool; the slot "
                                                                         "ends when none is eligible")
                for member in graph.pools.get(c["draw"], []):
                    out.edges.append(Edge(pool, member, kind="draw"))
                out.edges.append(Edge(pool, END, "none left", kind="draw"))
            out.edges.append(Edge(sid, pool, _words(c.get("text"), 40), _cond(c), "choice"))
        else:
            out.edges.append(Edge(sid, c.get("goto", END), _words(c.get("text"), 40), _cond(c), "choice"))
    if not choices or all("if" in c for c in choices):
        out.edges.append(Edge(sid, s.get("next", END), "Continue", kind="next"))
    if s.get("warning"):
        out.edges.append(Edge(sid, s.get("skip", END), "skip", kind="skip"))
