"""Hostile files: what an author, a student's file or a broken disk may hand the game, and what each
must give instead of a crash, a hang or a lost result (issue 13). Each case says what it expects.

Every file the game reads goes through game/core/reading.py: regular files only, a size limit before
reading, a byte-order mark tolerated, JSON depth and number limits and no NaN or infinity.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from game.core import reading
from game.core.load.ready import load_content
from game.core.load.loader import load_sources
from game.core.paths import content_dir
from game.core.play import results
from game.core.play.saves import SaveStore, encode
from game.core.play.simulate import make_policy, play_once
from game.report.command import write_report
from game.report.gather import gather
from game.ui.settings import Settings
from save_writer import state_for
from storytools import WORLD, write

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero (POSIX)")
DEEP = "[" * 5000 + "]" * 5000
HUGE = "9" * 5000


def errors_of(dirs: list[str]) -> list[str]:
    loaded = load_sources(WORLD + dirs)
    return [f"{os.path.basename(d.path)}:{d.line}:{d.col}: {d.code} {d.message}" for d in loaded.report.errors]


# -- the reading discipline itself -------------------------------------------------------------
@posix_only
def test_a_fifo_is_refused_at_once_never_opened_for_a_blocking_read(tmp_path):
    os.mkfifo(tmp_path / "story.yaml")
    started = time.monotonic()
    with pytest.raises(reading.ReadError, match="not a regular file"):
        reading.read_bytes(str(tmp_path / "story.yaml"), 1024)
    assert time.monotonic() - started < 1


@posix_only
def test_a_link_out_of_its_folder_is_refused_and_one_inside_is_read(tmp_path):
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    with pytest.raises(reading.ReadError, match="outside its folder"):
        reading.read_bytes(str(tmp_path / "zero.yaml"), 1024)
    (tmp_path / "real.txt").write_bytes(b"hello")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.txt")
    assert reading.read_bytes(str(tmp_path / "alias.txt"), 1024) == b"hello"


def test_json_limits_say_where(tmp_path):
    with pytest.raises(reading.ReadError, match="nested more than") as deep:
        reading.parse_json('{"a":\n ' + DEEP + "}")
    assert (deep.value.line, deep.value.col) == (2, 2 + reading.MAX_JSON_DEPTH - 1)
    with pytest.raises(reading.ReadError, match="5000 characters long"):
        reading.parse_json('{"risk": ' + HUGE + "}")
    for constant in ("NaN", "Infinity", "-Infinity", "1e999"):
        with pytest.raises(reading.ReadError):
            reading.parse_json('{"risk": ' + constant + "}")
    assert reading.parse_json('{"text": "[[[[ NaN 99999999999999999999999999999999999 ]]]]"}')["text"]


def test_a_byte_order_mark_is_tolerated(tmp_path):
    (tmp_path / "notepad.json").write_bytes(b"\xef\xbb\xbf" + json.dumps({"theme": "dark"}).encode())
    assert reading.read_json(str(tmp_path / "notepad.json"), 1024) == {"theme": "dark"}
    assert Settings.load(str(tmp_path / "notepad.json")).theme == "dark"


# -- content -------------------------------------------------------------------------------------
@posix_only
def test_a_fifo_and_a_link_to_dev_zero_in_the_content_are_named_not_waited_for(tmp_path):
    folder = tmp_path / "story"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    started = time.monotonic()
    content, report = load_content(WORLD + [str(folder)], use_cache=True)
    assert content is None and time.monotonic() - started < 10
    found = sorted(f"{os.path.basename(d.path)}: {d.message}" for d in report.errors)
    assert found == ["pipe.yaml: cannot read the file: it is not a regular file (a folder, a pipe or a device)",
                     "zero.yaml: cannot read the file: it is a link to a file outside its folder; "
                     "copy the file here instead"]


def test_a_5000_digit_number_and_infinity_in_content_are_errors_at_their_place(tmp_path):
    folder = write(tmp_path, f"variables:\n  big: {{type: number, default: {HUGE}}}\n", "big.yaml")
    assert errors_of([folder]) == ["big.yaml:2:32: Y004 expected a number of at most 30 characters, found one "
                                   "of 5000; put it in quotes if it is a text"]
    folder = write(tmp_path, "variables:\n  big: {type: number, default: .inf}\n", "big.yaml")
    assert errors_of([folder])[0].startswith("big.yaml:2:32: Y004 expected a finite number, found '.inf'")


# -- saves -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("body", [DEEP, '{"kind": "neighbour-save", "version": ' + HUGE + "}",
                                  '{"kind": "neighbour-save", "version": NaN}'])
def test_a_deep_or_huge_autosave_is_told_and_moved_aside(tmp_path, body):
    store = SaveStore(str(tmp_path))
    with open(store.path("autosave"), "w", encoding="utf-8") as fh:
        fh.write(body)
    assert store.peek("autosave") is None
    result = store.load("autosave")
    assert result.state is None and "damaged" in (result.problem or "")
    assert result.moved_to and os.path.exists(result.moved_to)


@posix_only
def test_a_fifo_as_the_autosave_is_moved_aside_not_waited_for(tmp_path):
    store = SaveStore(str(tmp_path))
    os.mkfifo(store.path("autosave"))
    assert store.peek("autosave") is None
    result = store.load("autosave")
    assert result.state is None and "not a regular file" in (result.problem or "")
    assert result.moved_to and not os.path.exists(store.path("autosave"))


def test_an_autosave_label_is_kept_short_as_the_checksum_does_not_cover_it(tmp_path):
    store = SaveStore(str(tmp_path))
    doc = json.loads(encode(state_for(3), {"place": "x" * 100_000, "bad": [1, 2]}))
    with open(store.path("autosave"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
    label = store.peek("autosave")
    assert label is not None and len(label["place"]) <= 120 and "bad" not in label


# -- settings and kiosk configuration --------------------------------------------------------------
@pytest.mark.parametrize("body", [DEEP, '{"volume": ' + HUGE + "}", '{"volume": NaN}', '{"volume": 1e999}'])
def test_a_hostile_settings_file_falls_back_to_the_defaults(tmp_path, body):
    path = tmp_path / "settings.json"
    path.write_text(body, encoding="utf-8")
    assert Settings.load(str(path)) == Settings()


@pytest.mark.parametrize("body", [DEEP, '{"idle_seconds": ' + HUGE + "}", '{"idle_seconds": NaN}'])
def test_a_hostile_kiosk_config_falls_back_to_the_defaults(tmp_path, body):
    from game.ui.modes.kiosk.config import KioskConfig
    path = tmp_path / "kiosk.json"
    path.write_text(body, encoding="utf-8")
    assert KioskConfig.load(str(path)) == KioskConfig()


# -- class results -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    content, report = load_content([content_dir()])
    assert content is not None, report.format()
    return content


@pytest.fixture(scope="module")
def one_result(shipped):
    camp = "resident_short"
    engine, _ = play_once(shipped, camp, seed=1, policy=make_policy("random", shipped, __import__("random").Random(1)))
    return results.build(engine, "class", "ABC", "en")


def test_one_bad_file_among_35_is_named_and_left_out_and_the_page_is_made(shipped, one_result, tmp_path, capsys):
    folder = tmp_path / "class"
    folder.mkdir()
    for _ in range(32):
        results.save(one_result, str(folder))
    bad = {
        "nan_risk.json": json.dumps(dict(one_result, end={**one_result["end"], "risk": float("nan")})),
        "huge_risk.json": json.dumps(dict(one_result, end={**one_result["end"], "risk": 1e300})),
        "choices_not_dicts.json": json.dumps(dict(one_result, choices=[1, "x", None])),
        "\x1b[2J\x1b]0;pwned\x07.json": json.dumps(dict(one_result, session="\x1b[31mred")),
    }
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(one_result).encode())
    found = gather(shipped, [str(folder)])
    assert sorted(s.name for s in found.skipped) == ["choices_not_dicts.json", "huge_risk.json", "nan_risk.json"]
    assert len(found.runs) == 34
    out = tmp_path / "report.html"
    assert write_report(shipped, "en", [str(folder)], str(out)) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "skipped huge_risk.json: is damaged (the ending's 'risk' is not a percentage" in err
    page = out.read_text(encoding="utf-8")
    assert "nan_risk.json" in page and "huge_risk.json" in page  # named on the page too
