"""`kiosk` for museum staff: a settings file checked before it is installed, a new story installed
only when it has no errors and switched to at once, a rollback, and the kiosk reading the version in
use through `--content ROOT`."""

from __future__ import annotations

import argparse
import os

from game.cli import main
from game.commands.common import content_dirs
from game.core import versions

EXAMPLE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                       "docs", "example")


def story(tmp_path, name: str, broken: bool = False) -> str:
    folder = tmp_path / name
    folder.mkdir()
    for f in os.listdir(EXAMPLE):
        (folder / f).write_bytes(open(os.path.join(EXAMPLE, f), "rb").read())
    if broken:
        (folder / "bad.yaml").write_text("scenes:\n  x: [oops\n", encoding="utf-8")
    return str(folder)


def test_update_checks_switches_and_rolls_back(tmp_path, capsys):
    root = str(tmp_path / "story")
    assert main(["kiosk", "update", story(tmp_path, "one"), "--root", root, "--name", "v1"]) == 0
    assert versions.current(root) == "v1"
    bad = story(tmp_path, "two", broken=True)
    assert main(["kiosk", "update", bad, "--root", root, "--name", "v2"]) == 1
    err = capsys.readouterr().err
    assert f"{os.path.join(bad, 'bad.yaml')}:3:1: error" in err and "keeps v1" in err
    assert versions.current(root) == "v1" and versions.versions(root) == ["v1"]   # nothing half-installed
    assert main(["kiosk", "update", story(tmp_path, "three"), "--root", root, "--name", "v3"]) == 0
    assert versions.current(root) == "v3"
    args = argparse.Namespace(content=[root], no_shipped=True)
    assert content_dirs(args) == [os.path.join(root, "versions", "v3")]
    assert main(["kiosk", "rollback", "--root", root]) == 0
    assert versions.current(root) == "v1"
    assert content_dirs(args) == [os.path.join(root, "versions", "v1")]
    assert main(["kiosk", "status", "--root", root]) == 0
    assert "* v1\n  v3" in capsys.readouterr().out


def test_a_damaged_pointer_reads_the_newest_version(tmp_path):
    root = tmp_path / "story"
    (root / "versions" / "a").mkdir(parents=True)
    (root / "versions" / "b").mkdir()
    (root / "current").write_text("../../etc\n", encoding="utf-8")
    assert versions.resolve(str(root)) == os.path.join(str(root), "versions", "b")
    assert versions.resolve(str(tmp_path)) == str(tmp_path)               # not versioned: itself


def test_check_names_every_problem_of_a_settings_file(tmp_path, capsys):
    path = tmp_path / "kiosk.json"
    path.write_text('{\n "exit_keys": ["space"],\n "exit_hold_seconds": 0.0001\n}\n', encoding="utf-8")
    assert main(["kiosk", "check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2:15: error: exit_keys" in err and f"{path}:3:23: error: exit_hold_seconds" in err
