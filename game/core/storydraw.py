"""Drawing a map of the story (`storymap.StoryMap`) as Graphviz dot, Mermaid, or one HTML page.

The HTML page is self-contained (no script, style or font from the network): an SVG laid out in
columns by how many steps each scene is from the start of a day, and a side panel that shows a
clicked scene's text, file position, choices with their conditions, and where it is reached from.
Unreachable scenes are dashed and grey, dead ends red, events orange, pools purple.
"""

from __future__ import annotations

import html
import json
from collections import deque

from .storymap import BLOCK, END, EVENT, FINISH, POOL, StoryMap

NODE_W, NODE_H, GAP_X, GAP_Y = 210, 40, 90, 14


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(m: StoryMap) -> str:
    lines = ["digraph story {", f"  label={_dot_str(m.title)};", "  rankdir=LR;",
             '  node [shape=box, style="rounded,filled", fillcolor="#f7f3ea", fontname="sans-serif"];']
    styles = {BLOCK: 'fillcolor="#2f4858", fontcolor=white', EVENT: 'fillcolor="#f6d7a7"',
              POOL: 'shape=hexagon, fillcolor="#d9c8ef"', FINISH: 'shape=doublecircle, fillcolor="#cfe3cf"'}
    for n in m.nodes.values():
        extra = [styles.get(n.kind, "")]
        if n.unreachable:
            extra.append('style="rounded,dashed", color=gray50, fontcolor=gray40')
        if n.dead_end:
            extra.append("color=red, penwidth=2")
        label = n.label + (" (unreachable)" if n.unreachable else "") + (" (dead end)" if n.dead_end else "")
        attrs = ", ".join(filter(None, [f"label={_dot_str(label)}", f"tooltip={_dot_str(n.detail)}", *extra]))
        lines.append(f"  {_dot_str(n.id)} [{attrs}];")
    for e in m.edges:
        label = e.label + (f" [if {e.condition}]" if e.condition else "")
        style = ", style=dashed" if e.kind in ("next", "skip", "draw") else ""
        lines.append(f"  {_dot_str(e.source)} -> {_dot_str(e.target)} [label={_dot_str(label)}{style}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mm(text: str) -> str:
    return '"' + html.escape(text, quote=True).replace("|", "&#124;") + '"'


def to_mermaid(m: StoryMap) -> str:
    ids = {nid: f"n{i}" for i, nid in enumerate(m.nodes)}
    lines = ["flowchart LR", f"  %% {m.title}"]
    shapes = {BLOCK: ("[[", "]]"), POOL: ("{{", "}}"), FINISH: ("((", "))"), EVENT: ("[/", "/]")}
    for nid, n in m.nodes.items():
        a, b = shapes.get(n.kind, ("(", ")"))
        lines.append(f"  {ids[nid]}{a}{_mm(n.label)}{b}")
    for e in m.edges:
        if e.source not in ids or e.target not in ids:
            continue
        label = e.label + (f" [if {e.condition}]" if e.condition else "")
        arrow = "-.->" if e.kind in ("next", "skip", "draw") else "-->"
        text = f"|{_mm(label)}|" if label else ""
        lines.append(f"  {ids[e.source]} {arrow}{text} {ids[e.target]}")
    lines += ["  classDef unreachable stroke-dasharray: 5 5,color:#777",
              "  classDef deadend stroke:#c00,stroke-width:3px"]
    for cls, chosen in (("unreachable", [ids[n.id] for n in m.nodes.values() if n.unreachable]),
                        ("deadend", [ids[n.id] for n in m.nodes.values() if n.dead_end])):
        if chosen:
            lines.append(f"  class {','.join(chosen)} {cls}")
    return "\n".join(lines) + "\n"


def layout(m: StoryMap) -> dict[str, tuple[int, int]]:
    """Columns by steps from the start of a day (blocks first, the end last); unreached scenes after."""
    out_edges: dict[str, list[str]] = {}
    for e in m.edges:
        out_edges.setdefault(e.source, []).append(e.target)
    column: dict[str, int] = {}
    todo = deque(nid for nid, n in m.nodes.items() if n.kind == BLOCK)
    for nid in todo:
        column[nid] = 0
    order: list[str] = list(todo)
    while todo:
        nid = todo.popleft()
        for t in out_edges.get(nid, []):
            if t in m.nodes and t not in column and t != END:
                column[t] = column[nid] + 1
                order.append(t)
                todo.append(t)
    last = max(column.values(), default=0) + 1
    for nid in m.nodes:  # events with nothing leading to them, unreachable scenes
        if nid not in column and nid != END:
            column[nid] = last
            order.append(nid)
    column[END] = max(column.values(), default=0) + 1
    order.append(END)
    rows: dict[int, int] = {}
    pos = {}
    for nid in order:
        c = column[nid]
        r = rows.get(c, 0)
        rows[c] = r + 1
        pos[nid] = (20 + c * (NODE_W + GAP_X), 20 + r * (NODE_H + GAP_Y))
    return pos


def to_html(m: StoryMap) -> str:
    pos = layout(m)
    width = max(x for x, _ in pos.values()) + NODE_W + 20
    height = max(y for _, y in pos.values()) + NODE_H + 20
    parts = []
    for i, e in enumerate(m.edges):
        if e.source not in pos or e.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        sx, sy, tx, ty = x1 + NODE_W, y1 + NODE_H // 2, x2, y2 + NODE_H // 2
        bend = max(60, abs(tx - sx) // 2)
        if tx <= sx:  # back to an earlier column: loop around below
            path = f"M{sx},{sy} C{sx + bend},{sy + 80} {tx - bend},{ty + 80} {tx},{ty}"
        else:
            path = f"M{sx},{sy} C{sx + bend},{sy} {tx - bend},{ty} {tx},{ty}"
        title = e.label + (f" [if {e.condition}]" if e.condition else "")
        parts.append(f'<path class="edge {e.kind}" data-e="{i}" d="{path}"><title>{html.escape(title)}</title></path>')
    for nid, n in m.nodes.items():
        x, y = pos[nid]
        cls = " ".join(["node", n.kind] + ["unreachable"] * n.unreachable + ["deadend"] * n.dead_end)
        label = n.label if len(n.label) <= 28 else n.label[:27] + "…"
        parts.append(f'<g class="{cls}" data-id="{html.escape(nid)}" tabindex="0" role="button">'
                     f'<rect x="{x}" y="{y}" width="{NODE_W}" height="{NODE_H}" rx="8"/>'
                     f'<text x="{x + 10}" y="{y + 25}">{html.escape(label)}</text></g>')
    data = {"nodes": {nid: {"label": n.label, "kind": n.kind, "detail": n.detail, "at": n.at,
                            "unreachable": n.unreachable, "dead_end": n.dead_end} for nid, n in m.nodes.items()},
            "edges": [[e.source, e.target, e.label, e.condition, e.kind] for e in m.edges]}
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    counts = (f"{sum(1 for n in m.nodes.values() if n.kind not in (BLOCK, POOL, FINISH))} scenes, "
              f"{sum(1 for n in m.nodes.values() if n.unreachable)} unreachable, "
              f"{sum(1 for n in m.nodes.values() if n.dead_end)} dead ends")
    return _PAGE.format(title=html.escape(m.title), counts=counts, width=width, height=height,
                        svg="\n".join(parts), data=blob)


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ margin: 0; font: 15px/1.4 sans-serif; color: #1d2a30; background: #f4f1ea; display: flex; height: 100vh; }}
#map {{ flex: 1; overflow: auto; }}
#side {{ width: 360px; overflow: auto; padding: 14px 18px; background: #fffdf8; border-left: 1px solid #ccc; }}
h1 {{ font-size: 18px; margin: 0 0 4px; }} h2 {{ font-size: 16px; margin: 14px 0 4px; }}
.legend span {{ display: inline-block; margin-right: 10px; }}
.node rect {{ fill: #fffdf8; stroke: #56707c; stroke-width: 1.5; }}
.node text {{ font-size: 13px; fill: #1d2a30; pointer-events: none; }}
.node {{ cursor: pointer; }} .node:focus rect, .node.sel rect {{ stroke: #0b63c5; stroke-width: 3; }}
.block rect {{ fill: #2f4858; }} .block text {{ fill: #fff; }}
.event rect {{ fill: #f6d7a7; }} .pool rect {{ fill: #d9c8ef; }} .end rect {{ fill: #cfe3cf; }}
.unreachable rect {{ stroke-dasharray: 6 4; fill: #eee; stroke: #999; }} .unreachable text {{ fill: #666; }}
.deadend rect {{ stroke: #c00; stroke-width: 3; }}
.edge {{ fill: none; stroke: #9aa9b0; stroke-width: 1.2; }}
.edge.next, .edge.skip, .edge.draw {{ stroke-dasharray: 4 3; }}
.edge.hi {{ stroke: #0b63c5; stroke-width: 2.5; }}
a {{ color: #0b63c5; cursor: pointer; }} code {{ background: #eee; padding: 0 3px; }}
</style></head><body>
<div id="map"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">{svg}</svg></div>
<div id="side"><h1>{title}</h1><p>{counts}</p>
<p class="legend"><span>▭ scene</span><span style="background:#f6d7a7">event</span>
<span style="background:#d9c8ef">pool</span><span style="border:1px dashed #999">unreachable</span>
<span style="border:2px solid #c00">dead end</span></p>
<div id="info"><p>Click a scene to see its text, its choices and where it is reached from.</p></div></div>
<script id="data" type="application/json">{data}</script>
<script>
const D = JSON.parse(document.getElementById('data').textContent);
const info = document.getElementById('info');
function esc(s) {{ return String(s).replace(/[&<>"]/g, c => ({{'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}})[c]); }}
function link(id) {{ const n = D.nodes[id]; return '<a data-go="' + esc(id) + '">' + esc(n ? n.label : id) + '</a>'; }}
function show(id) {{
  const n = D.nodes[id]; if (!n) return;
  document.querySelectorAll('.sel').forEach(e => e.classList.remove('sel'));
  document.querySelectorAll('.hi').forEach(e => e.classList.remove('hi'));
  const g = document.querySelector('[data-id="' + CSS.escape(id) + '"]');
  if (g) {{ g.classList.add('sel'); g.scrollIntoView({{block: 'center', inline: 'center'}}); }}
  let h = '<h2>' + esc(n.label) + '</h2><p><code>' + esc(n.at || '') + '</code></p>';
  if (n.unreachable) h += '<p><strong>No campaign can reach this scene.</strong></p>';
  if (n.dead_end) h += '<p><strong>Dead end: no path from here ends the slot.</strong></p>';
  h += '<p>' + esc(n.detail) + '</p><h2>Goes to</h2><ul>';
  D.edges.forEach((e, i) => {{ if (e[0] === id) {{
    h += '<li>' + esc(e[2] || e[4]) + (e[3] ? ' <code>if ' + esc(e[3]) + '</code>' : '') + ' → ' + link(e[1]) + '</li>';
    const p = document.querySelector('[data-e="' + i + '"]'); if (p) p.classList.add('hi'); }} }});
  h += '</ul><h2>Reached from</h2><ul>';
  D.edges.forEach((e, i) => {{ if (e[1] === id) {{
    h += '<li>' + link(e[0]) + (e[2] ? ' (' + esc(e[2]) + ')' : '') + '</li>';
    const p = document.querySelector('[data-e="' + i + '"]'); if (p) p.classList.add('hi'); }} }});
  info.innerHTML = h + '</ul>';
  location.hash = encodeURIComponent(id);
}}
document.addEventListener('click', ev => {{
  const go = ev.target.closest('[data-go]'); if (go) return show(go.dataset.go);
  const g = ev.target.closest('.node'); if (g) show(g.dataset.id);
}});
document.addEventListener('keydown', ev => {{ const g = ev.target.closest && ev.target.closest('.node');
  if (g && (ev.key === 'Enter' || ev.key === ' ')) {{ ev.preventDefault(); show(g.dataset.id); }} }});
if (location.hash) show(decodeURIComponent(location.hash.slice(1)));
</script></body></html>
"""
