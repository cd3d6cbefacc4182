"""Every kind of broken content, save and argument gets one clear message, never a traceback."""

import os
import re
import subprocess
import sys

import pytest

from game.core.load import yamlsafe
from game.core.lint import lint
from game.core.play.saves import SaveStore, load_file
from storytools import ROOT, WORLD

CORPUS = os.path.join(ROOT, "tests", "corpus")
EXPECT = re.compile(r"# expect: (\d+):(\d+): (.*)")
CASES = sorted(f for f in os.listdir(CORPUS) if f.endswith(".yaml") and f not in ("empty.yaml", "not_utf8.yaml"))


def diagnostics(path):
    result = lint(WORLD + [path], simulate_runs=0)
    return [d for d in result.report.items if d.path.endswith(os.path.basename(path))]


@pytest.mark.parametrize("name", CASES)
def test_broken_content_file(name):
    path = os.path.join(CORPUS, name)
    with open(path, encoding="utf-8") as fh:
        line, col, words = EXPECT.match(fh.readline()).groups()
    found = [d for d in diagnostics(path) if d.severity == "error"]
    assert found, f"no error for {name}"
    assert any(d.line == int(line) and d.col == int(col) and words in d.message for d in found), \
        "\n".join(d.format() for d in found)


def test_empty_file():
    found = diagnostics(os.path.join(CORPUS, "empty.yaml"))
    assert [(d.line, d.col) for d in found] == [(1, 1)]
    assert "found an empty file" in found[0].message


def test_not_utf8_names_the_byte():
    found = diagnostics(os.path.join(CORPUS, "not_utf8.yaml"))
    assert [(d.line, d.col) for d in found] == [(3, 14)]
    assert "found the byte 0xe9" in found[0].message


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as fh:
        fh.write(b"scenes:\n")
        fh.truncate(50 * 1024 * 1024)
    value, problems = yamlsafe.read_file(str(big))
    assert value is None and "found 50.0 MB" in problems[0].message


def test_all_errors_are_reported_together(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for name in ("unknown_key.yaml", "goto_nowhere.yaml", "unknown_variable.yaml"):
        (folder / name).write_text(open(os.path.join(CORPUS, name), encoding="utf-8").read(), encoding="utf-8")
    result = lint(WORLD + [str(folder)], simulate_runs=0)
    files = {os.path.basename(d.path) for d in result.report.errors}
    assert files == {"unknown_key.yaml", "goto_nowhere.yaml", "unknown_variable.yaml"}


@pytest.mark.parametrize("name, words", [
    ("truncated.json", "damaged or cut short"),
    ("corrupted.json", "checksum does not match"),
    ("newer_version.json", "made by a newer version"),
    ("not_a_save.json", "not a Neighbour save"),
    ("empty.json", "empty"),
    ("binary.json", "damaged"),
])
def test_bad_saves_are_explained_and_moved_aside(tmp_path, name, words):
    store = SaveStore(str(tmp_path))
    os.makedirs(store.folder, exist_ok=True)
    original = open(os.path.join(CORPUS, "saves", name), "rb").read()
    with open(store.path("slot1"), "wb") as fh:
        fh.write(original)
    result = store.load("slot1")
    assert result.state is None and words in result.problem
    assert not os.path.exists(store.path("slot1"))
    assert result.moved_to and open(result.moved_to, "rb").read() == original  # kept, unchanged
    assert load_file(store.path("slot1")).problem == "there is no save here"


def test_lint_cli_prints_no_traceback_for_any_broken_file():
    args = [sys.executable, "main.py", "lint", "--quick"]
    for name in os.listdir(CORPUS):
        if name.endswith(".yaml"):
            args += ["--content", os.path.join(CORPUS, name)]
    out = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    assert out.stdout.count(": error: ") >= len(CASES)


@pytest.mark.parametrize("argv, words", [
    (["simulate", "--runs", "many"], "invalid int value"),
    (["simulate", "--policy", "lazy"], "unknown policy 'lazy'"),
    (["simulate", "--role", "warden"], "no campaign for role 'warden'"),
    (["play-text", "--lang", "xx"], "unknown language 'xx'"),
    (["--size", "huge"], "expected a size like 1280x720"),
    (["lint", "--content", "/no/such/folder"], "expected a content folder"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_arguments_get_one_clear_message(argv, words):
    out = subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, stdin=subprocess.DEVNULL)
    assert out.returncode != 0
    assert words in out.stdout + out.stderr
    assert "Traceback" not in out.stderr


def test_a_question_mark_inside_braces_gets_a_portability_warning(tmp_path):
    (tmp_path / "q.yaml").write_text('strings:\n  x.q: {en: Why?, nb: "Hvorfor?"}\n', encoding="utf-8")
    found = [d for d in diagnostics(str(tmp_path / "q.yaml")) if "put this text in quotes" in d.message]
    assert [(d.line, d.col, d.severity) for d in found] == [(2, 13, "warning")]
