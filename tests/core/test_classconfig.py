"""The class config a teacher puts beside the game: read like content, every problem at its position."""

from __future__ import annotations

import pytest

from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.core.play import classconfig


@pytest.fixture(scope="module")
def content():
    loaded, report = load_content([content_dir()])
    assert loaded is not None, report.format()
    return loaded


def test_a_good_config_is_read(tmp_path, content):
    path = tmp_path / classconfig.FILE_NAME
    path.write_text("results_folder: ~/class-8b\nlang: nb\nsession: HALDEN7\ncampaign: resident_short\n",
                    encoding="utf-8")
    cfg, report = classconfig.read(str(path), content)
    assert report.items == []
    assert cfg.results_folder.endswith("class-8b") and not cfg.results_folder.startswith("~")
    assert (cfg.lang, cfg.session, cfg.campaign) == ("nb", "HALDEN7", "resident_short")


def test_each_problem_is_named_at_its_position_and_the_rest_kept(tmp_path, content):
    path = tmp_path / classconfig.FILE_NAME
    path.write_text("lang: de\nsession: far too long a code\nresult_folder: x\ncampaign: residnt\n"
                    "results_folder: /srv/class\n", encoding="utf-8")
    cfg, report = classconfig.read(str(path), content)
    got = {(d.line, d.col): d.message for d in report.errors}
    assert set(got) == {(1, 7), (2, 10), (3, 1), (4, 11)}
    assert "did you mean 'results_folder'" in got[(3, 1)] and "did you mean 'resident'" in got[(4, 11)]
    assert cfg.results_folder == "/srv/class" and cfg.lang is None and cfg.session is None


def test_a_syntax_error_and_a_missing_file_are_said(tmp_path, content):
    path = tmp_path / classconfig.FILE_NAME
    path.write_text("lang: [nb\n", encoding="utf-8")
    cfg, report = classconfig.read(str(path), content)
    assert report.errors and report.errors[0].path == str(path) and cfg.lang is None
    _, report = classconfig.read(str(tmp_path / "none.yaml"), content)
    assert "does not exist" in report.errors[0].message


def test_nothing_in_the_file_runs_code(tmp_path, content):
    path = tmp_path / classconfig.FILE_NAME
    path.write_text("session: !!python/object/apply:os.system ['echo hacked']\n", encoding="utf-8")
    cfg, report = classconfig.read(str(path), content)
    assert report.errors and cfg.session is None


def test_the_lesson_cut_is_preferred_when_there_is_one(content):
    role = "resident"
    lessons = [c for c, camp in content.campaigns.items() if camp.role == role and camp.kind == "lesson"]
    chosen = classconfig.lesson_campaign(content, role)
    assert chosen == (lessons[0] if lessons else "resident")
    assert classconfig.lesson_campaign(content, role, "resident_short") == "resident_short"
    assert classconfig.lesson_campaign(content, role, "officer") == chosen   # another role's: not used
