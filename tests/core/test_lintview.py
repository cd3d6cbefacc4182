"""Lint reads like ruff: a rule code on every problem, the line with a caret under the column,
`# lint: ignore[CODE]` on a line, and suggestions by meaning as well as by spelling."""

from __future__ import annotations

from game.core.lint import lint
from game.core.lintview import Sources, render
from storytools import WORLD, write

STORY = """
scenes:
  t_start:
    place: kitchen
    text: The kettle clicks off.
    choices:
      - text: Study
        tags: [school]
      - text: Wait
        goto: t_later     # lint: ignore[N202]
"""


def problems(tmp_path, text: str):
    return lint(WORLD + [write(tmp_path, text)], simulate_runs=0)


def test_every_problem_has_a_code_and_a_suggestion_by_meaning(tmp_path):
    result = problems(tmp_path, STORY)
    assert [(d.line, d.col, d.code, d.message) for d in result.report.sorted()] == [
        (4, 12, "N201", "unknown place 'kitchen' (did you mean \"common_room\", shown as \"Common room and "
                        "kitchen\"?); expected the name of a place"),
        (8, 16, "N205", "unknown activity 'school' (did you mean \"study\", shown as \"School\"?); expected "
                        "the name of an activity"),
    ]
    assert result.silenced == 1  # the unknown scene on the line that says so


def test_a_problem_is_shown_with_its_line_and_a_caret_under_the_column(tmp_path):
    result = problems(tmp_path, STORY)
    first = result.report.sorted()[0]
    shown = render(first, Sources({s.shown: s.path for s in result.loaded.sources}))
    assert shown.split("\n")[1:] == [
        "  |",
        "4 |     place: kitchen",
        "  |            ^^^^^^^",
        "  |",
    ]
    assert shown.split("\n")[0].endswith("story.yaml:4:12: error: N201 unknown place 'kitchen' (did you mean "
                                         "\"common_room\", shown as \"Common room and kitchen\"?); expected the "
                                         "name of a place")


def test_a_control_character_in_a_file_is_shown_not_obeyed(tmp_path):
    result = problems(tmp_path, "scenes:\n  t_start:\n    place: \"kit\\e[2Jchen\"\n    text: Hi\n")
    shown = render(result.report.sorted()[0], Sources({s.shown: s.path for s in result.loaded.sources}))
    assert "\x1b" not in shown and "\\x1b[2J" in shown


def test_every_code_in_the_code_is_in_the_table_and_every_entry_is_used():
    import glob
    import os
    import re

    from game.core.codes import CODES
    from storytools import ROOT
    used = set()
    for path in glob.glob(os.path.join(ROOT, "game", "**", "*.py"), recursive=True):
        if path.endswith("codes.py"):
            continue
        with open(path, encoding="utf-8") as fh:
            used |= set(re.findall(r'"([YSNRCLATP]\d{3})"', fh.read()))
    assert sorted(used - set(CODES)) == []
    assert sorted(set(CODES) - used) == []


def test_an_event_names_slots_its_campaigns_have(tmp_path):
    from storytools import CAMPAIGN
    story = CAMPAIGN.replace("{days}", "2").replace("{slots}", "{morning: t_a, evening: t_a}") + """
scenes:
  t_a:
    text: A.
  t_b:
    event: {campaigns: [t], slots: [evning]}
    text: B.
"""
    result = problems(tmp_path, story)
    assert [(d.code, d.message) for d in result.report.warnings if d.code == "N214"] == [
        ("N214", "unknown slot 'evning' (did you mean \"evening\"?): the event's campaigns have the slots "
                 "evening, morning, so it would never fire there")]


def test_a_pool_that_runs_dry_is_found_without_playing(tmp_path):
    from storytools import CAMPAIGN
    story = CAMPAIGN.replace("{days}", "3").replace("{slots}", "{morning: t_hub}") + """
scenes:
  t_hub:
    text: Morning.
    choices: [{text: Work, tags: [work], draw: t_jobs}]
  t_job1:
    event: {campaigns: [t], pool: t_jobs}
    text: Sanding.
  t_job2:
    event: {campaigns: [t], pool: t_jobs}
    text: Gluing.
"""
    result = problems(tmp_path, story)
    assert [(d.code, d.line, d.message) for d in result.report.warnings if d.code == "L520"] == [
        ("L520", 26, "pool 't_jobs' can run dry: its 2 event(s) fire once each, but it can be drawn on up to 3 "
                     "days; then the choice just ends the slot (add events, or give one 'once: false')")]
    again = problems(tmp_path, story.replace("pool: t_jobs}\n    text: Gluing.", "pool: t_jobs, once: false}\n"
                                                                                  "    text: Gluing."))
    assert not [d for d in again.report.warnings if d.code == "L520"]


def test_the_yaml_traps_say_what_to_do(tmp_path):
    merge = problems(tmp_path, "places:\n  p_a: &a {name: A, art: places/workshop.svg}\n  p_b:\n    <<: *a\n")
    assert [(d.code, d.line) for d in merge.report.errors if d.code == "Y005"] == [("Y005", 4)]
    quote = problems(tmp_path, 'scenes:\n  t_s:\n    text: "Hello," she said.\n')
    assert [d.code for d in quote.report.errors] == ["Y001"]
    assert "a text that starts with a quote must be quoted as a whole" in quote.report.errors[0].message
