"""One way in for every front end: content loaded through the cache, and the campaign for a role."""

from game.core.load.ready import load_content
from game.core.play.campaigns import campaign_for_role
from storytools import WORLD, write

def _campaign(cid: str, kind: str) -> str:
    return f"""
  {cid}:
    role: resident
    kind: {kind}
    title: {cid}
    summary: S
    profiles: [{{id: p, name: P, summary: S, start: {{education: 20}}}}]
    calendar: [{{phase: high_security, days: 1, slots: {{morning: a}}}}]
    endings: [{{id: e, title: E, text: T}}]
"""


STORY = "campaigns:" + _campaign("kiosk", "short") + _campaign("full", "full") + """
scenes:
  a: {text: Hello, choices: [{text: Go, goto: end}]}
"""


def test_content_loads_once_through_the_cache_and_names_its_problems(tmp_path):
    content, report = load_content(WORLD + [write(tmp_path, STORY)])
    assert content is not None and report.ok and set(content.campaigns) == {"kiosk", "full"}
    broken, report = load_content(WORLD + [write(tmp_path, "scenes:\n  a: {text: Hi, choices: [{text: Go, goto: b}]}\n",
                                                 "broken.yaml")])
    assert broken is None and any("broken.yaml:2:" in d.format() for d in report.errors)


def test_the_campaign_for_a_role_prefers_the_kind_asked_for(tmp_path):
    content, _ = load_content(WORLD + [write(tmp_path, STORY)])
    assert campaign_for_role(content, "resident") == "full"
    assert campaign_for_role(content, "resident", prefer="short") == "kiosk"
    assert campaign_for_role(content, "resident", prefer="lesson") == "kiosk"   # none of that kind: the first
    assert campaign_for_role(content, "officer") is None
