"""The command line as an author uses it: lint, simulate, schema; and the installed command."""

import json
import os
import subprocess
import sys


from storytools import ROOT, run_main

EXAMPLE = os.path.join(ROOT, "docs", "example")


run = run_main


def test_lint_json_on_the_example():
    out = run("lint", "--content", EXAMPLE, "--json", "--stats")
    data = json.loads(out.stdout)
    assert out.returncode == 0 and data["ok"] and data["errors"] == 0
    mine = [p for p in data["problems"] if "example" in p["path"]]
    assert mine == [], mine
    assert data["stats"]["roles"]["resident"]["words"]["en"] > 0


def test_lint_reports_errors_with_exit_status_1(tmp_path):
    (tmp_path / "bad.yaml").write_text("scenes:\n  s:\n    text: Hi\n    choices: [{text: Go, goto: nowhere}]\n")
    out = run("lint", "--quick", "--content", str(tmp_path))
    assert out.returncode == 1
    assert "bad.yaml:4:32: error: N202 unknown scene 'nowhere'" in out.stdout
    assert out.stdout.endswith("4 |     choices: [{text: Go, goto: nowhere}]\n"
                               "  |                                ^^^^^^^\n  |\n")


def test_simulate_json():
    out = run("simulate", "--content", EXAMPLE, "--campaign", "first_week", "--runs", "50", "--json",
              "--policy", "engaged")
    data = json.loads(out.stdout)
    assert data["runs"] == 50 and data["policy"] == "engaged"
    assert set(data["risk"]) >= {"mean", "p10", "p50", "p90"}
    assert sum(data["endings"].values()) == 50
    assert data["coverage"]["scenes"] > 0.5


def test_simulate_text_output():
    out = run("simulate", "--content", EXAMPLE, "--campaign", "first_week", "--runs", "40")
    assert out.returncode == 0
    for words in ("two-year risk %", "endings:", "coverage: scenes"):
        assert words in out.stdout


SCHEMA_ARGS = ("schema", "--content", "docs/example", "--content", "docs/example_training")


def test_schema_is_json_and_up_to_date():
    out = run(*SCHEMA_ARGS)
    schema = json.loads(out.stdout)
    with open(os.path.join(ROOT, "docs", "content.schema.json"), encoding="utf-8") as fh:
        assert json.load(fh) == schema, f"run: python main.py {' '.join(SCHEMA_ARGS)} --out docs/content.schema.json"


def test_the_schema_knows_the_names_so_editors_flag_a_misspelt_one():
    import glob

    import jsonschema

    from game.core.load.yamlsafe import read_file
    with open(os.path.join(ROOT, "docs", "content.schema.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    assert "workshop" in schema["$defs"]["place"]["enum"] and "study" in schema["$defs"]["activity"]["enum"]
    validator = jsonschema.Draft202012Validator(schema)
    files = glob.glob(os.path.join(ROOT, "content", "**", "*.yaml"), recursive=True)
    files += glob.glob(os.path.join(ROOT, "docs", "example*", "*.yaml"))
    for path in files:
        data, problems = read_file(path, path)  # YAML 1.2, as the game and the editors read it
        assert [e.message for e in validator.iter_errors(data)] == [], path
    def scene(place: str, tag: str) -> dict:
        return {"scenes": {"s": {"text": "Hi", "place": place, "choices": [{"text": "Go", "tags": [tag]}]}}}
    assert validator.is_valid(scene("workshop", "study"))
    assert not validator.is_valid(scene("workshp", "study"))
    assert not validator.is_valid(scene("workshop", "school"))


def test_installed_command_works_from_any_folder(tmp_path):
    """`pip install .` (not editable) gives a `neighbour` command that finds its content anywhere."""
    target = tmp_path / "site"
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                          "--target", str(target), ROOT], capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stderr
    script = target / "bin" / "neighbour"
    assert script.exists()
    env = {**os.environ, "PYTHONPATH": str(target)}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = subprocess.run([sys.executable, str(script), "lint", "--quick", "--json"], cwd=elsewhere, env=env,
                         capture_output=True, text=True, timeout=300)
    data = json.loads(out.stdout)
    assert data["errors"] == 0, out.stdout[:2000]
    assert all(str(target) in p["path"] or not p["path"].startswith("/work") for p in data["problems"])
    assert os.path.isfile(target / "game" / "assets" / "places" / "workshop.svg")
