"""A map of the story: scenes, choices with their conditions, pools, unreachable scenes and dead ends,
drawn as dot, Mermaid and one self-contained HTML page that opens (and is clickable) in a browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from game.cli import main
from game.core.storydraw import to_dot, to_html, to_mermaid
from game.core.storymap import story_map
from storytools import WORLD, load, write

STORY = """
campaigns:
  t:
    role: resident
    title: T
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {education: 20}}]
    calendar:
      - {phase: high_security, days: 2, slots: {morning: t_hub}}
    endings: [{id: e, title: E, text: E}]
scenes:
  t_hub:
    text: Morning.
    choices:
      - {text: Work, tags: [work], draw: t_jobs}
      - {text: Talk, if: day >= 2, goto: t_loop_a}
  t_job:
    event: {campaigns: [t], pool: t_jobs}
    text: Sanding a chair.
  t_loop_a:
    text: Round and round.
    choices: [{text: On, goto: t_loop_b}]
  t_loop_b:
    text: And round.
    choices: [{text: Back, goto: t_loop_a}]
  t_lost:
    text: Nobody comes here.
"""


def test_the_map_has_choices_conditions_pools_unreachable_scenes_and_dead_ends(tmp_path):
    loaded = load(tmp_path, STORY)
    m = story_map(loaded.data, ["t"], "T")
    assert {n.id for n in m.nodes.values() if n.unreachable} == {"t_lost"}
    assert {n.id for n in m.nodes.values() if n.dead_end} == {"t_loop_a", "t_loop_b"}
    edges = {(e.source, e.target, e.label, e.condition) for e in m.edges}
    assert ("t_hub", "t_loop_a", "Talk", "day >= 2") in edges
    assert ("t_hub", "pool:t_jobs", "Work", "") in edges and ("pool:t_jobs", "t_job", "", "") in edges
    assert ("t:0", "t_hub", "morning", "") in edges
    assert '"t_hub" -> "t_loop_a" [label="Talk [if day >= 2]"];' in to_dot(m)
    mermaid = to_mermaid(m)
    assert mermaid.startswith("flowchart LR") and '-->|"Talk [if day &gt;= 2]"|' in mermaid


def test_the_html_page_asks_for_nothing_from_the_network(tmp_path):
    page = to_html(story_map(load(tmp_path, STORY).data, ["t"], "T"))
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "default-src 'none'" in page and 'data-id="t_lost"' in page


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed (CI has it)")
def test_the_graph_of_a_campaign_opens_in_a_browser_and_shows_a_clicked_scene(tmp_path):
    out = tmp_path / "t.html"
    folders = WORLD + [write(tmp_path, STORY)]
    args = ["graph", "--campaign", "t", "--format", "html", "--out", str(out), "--no-shipped"]
    for f in folders:
        args += ["--content", f]
    assert main(args) == 0
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", f"file://{out}#t_loop_a"],
                         capture_output=True, text=True, timeout=120).stdout
    assert "Dead end: no path from here ends the slot." in dom  # the panel the page's script filled in
    assert 'class="node scene deadend sel"' in dom
