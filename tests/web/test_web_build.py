"""The browser edition's build and its Python side, without a browser (quick)."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil

import pytest
from webtools import need_vendor

from game.core.load import jsonform
from game.core.load.cache import _strip_positions
from game.core.load.loader import load_sources
from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.core.play.playthrough import Playthrough, Room
from game.core.play import results
from game.web import bridge, vendor
from game.web.build import BuildError, _snapshot_key, build


@pytest.fixture(scope="module")
def data():
    loaded = load_sources([content_dir()])
    assert loaded.report.ok
    return loaded.data


def test_json_content_is_the_loaders_data_exactly(data):
    text = jsonform.dumps(data)
    assert jsonform.loads(text) == _strip_positions(data)
    content, report = jsonform.load_json(text)
    assert content is not None and report.ok
    assert set(content.campaigns) == set(load_content([content_dir()])[0].campaigns)


@pytest.mark.parametrize("text", ["", "{", "[]", '{"neighbour": "content", "format": 99, "schema": 1, "data": {}}',
                                  '{"neighbour": "content", "format": 1, "schema": 1, "data": {"scenes": 3}}',
                                  '{"neighbour": "save"}'])
def test_a_damaged_or_newer_content_file_is_refused_with_a_message(text):
    content, report = jsonform.load_json(text, "x.json")
    assert content is None
    assert report.errors and report.errors[0].path == "x.json"


def fake_vendor(tmp_path):
    where = tmp_path / "vendor"
    pyo = where / f"pyodide-{vendor.PINS['pyodide'][0]}"
    pyo.mkdir(parents=True)
    for name in vendor.PYODIDE_FILES:
        (pyo / name).write_text("{}" if name.endswith(".json") else "// stand-in")
    return str(where)


def test_build_writes_a_complete_folder_that_fetches_nothing_from_the_internet(tmp_path):
    out = tmp_path / "site"
    built = build([content_dir()], str(out), fake_vendor(tmp_path))
    assert built.report.ok and built.size > 0
    for name in ("index.html", "app.js", "render.js", "style.css", "sw.js", "content.json", "core.zip",
                 "pyodide/pyodide.js", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip",
                 "assets/fonts/OpenDyslexic-Regular.otf", "assets/places/room.svg"):
        assert (out / name).is_file(), name
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "{{" not in page
    early = json.loads(re.search(r'<script id="early-strings" type="application/json">(.*?)</script>', page, re.S)[1])
    assert early["web.file_title"]["nb"] and early["web.file_body"]["en"]
    sw = (out / "sw.js").read_text(encoding="utf-8")
    cached = set(json.loads(re.search(r"const FILES = (\[.*?\]);", sw, re.S)[1]))
    assert {f"./{f}" for f in built.files if f != "sw.js"} <= cached
    for name in ("index.html", "app.js", "render.js", "style.css", "sw.js"):
        text = (out / name).read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!127\.0\.0\.1)", text), f"{name} names an address on the internet"
    content, report = jsonform.load_json((out / "content.json").read_text(encoding="utf-8"))
    assert content is not None, report.errors


def test_a_build_from_content_with_errors_stops_with_the_lint_messages(tmp_path, capsys):
    from game.cli import main
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "scenes.yaml").write_text("scenes:\n  broken:\n    text: {en: hi}\n    choices:\n      - text: {en: go}\n"
                                     "        goto: nowhere_at_all\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["web", "build", str(out), "--content", str(bad), "--vendor", fake_vendor(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "scenes.yaml:" in err and "nothing was written" in err
    assert not out.exists()


def test_a_missing_pyodide_names_the_command_that_fetches_it(tmp_path):
    with pytest.raises(BuildError, match="tools/web_vendor.py"):
        build([content_dir()], str(tmp_path / "site"), str(tmp_path / "empty"))


def test_the_build_never_empties_a_folder_that_is_not_a_build(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "essay.txt").write_text("keep me")
    with pytest.raises(BuildError, match="not empty"):
        build([content_dir()], str(out), fake_vendor(tmp_path))
    assert (out / "essay.txt").read_text() == "keep me"


def play_out(step, view, choose_first=0):
    """Play a view-driven game to its ending, taking choice (n + choose_first) % len at the n-th scene."""
    n = 0
    while view["kind"] != "ending":
        n += 1
        assert n < 2000
        if view["kind"] == "scene":
            view = step("choose", (n + choose_first) % len(view["choices"]))
        elif view["kind"] == "notes":
            view = step("note", 0)
        else:
            view = step("proceed", 0)
    return view


@pytest.mark.parametrize("campaign", ["resident_short", "officer_short"])
def test_the_browser_and_the_desktop_core_play_the_same_seed_and_choices_to_the_same_state(data, campaign):
    """The shared test: the bridge (as the page runs it, from the JSON content) and the desktop's
    Playthrough (from the YAML through the cache) take the same choices in a class session."""
    assert json.loads(bridge.boot(jsonform.dumps(data)))["ok"]
    taken: list[int] = []

    def step(name, arg):
        if name == "choose":
            taken.append(arg)
        return json.loads(bridge.act(name, arg))

    first = json.loads(bridge.start(json.dumps({"campaign": campaign, "room": "class", "code": "7b x",
                                                "secret": "0" * 32, "lang": "nb"})))
    play_out(step, first)
    web_state = bridge.SESSION.play.state.to_dict()

    content, _ = load_content([content_dir()])
    desk = Playthrough.new(content, campaign, seed=results.session_seed("7BX"), room=Room("class", "7BX"))
    it = iter(taken)
    while desk.status != "ending":
        if desk.status == "scene":
            desk.notes_due()
            desk.choose(next(it))
        else:
            desk.proceed()
    assert desk.state.to_dict() == web_state
    result = json.loads(bridge.result())
    assert json.loads(result["text"])["session"] == "7BX"


def test_after_a_what_if_the_ending_gives_both_runs_day_by_day_as_the_window_draws_them(data):
    from game.core.play.compare import risk_axis, risk_by_day
    assert json.loads(bridge.boot(jsonform.dumps(data)))["ok"]
    step = lambda name, arg: json.loads(bridge.act(name, arg))  # noqa: E731
    first = play_out(step, json.loads(bridge.start(json.dumps(
        {"campaign": "resident_short", "room": "class", "code": "WHAT1", "secret": "0" * 32, "lang": "nb"}))))
    assert first["what_if"] is None, "no picture before going back"
    ending = play_out(step, step("rewind", 1), choose_first=2)
    record = bridge.SESSION.play.record
    w = ending["what_if"]
    runs = [risk_by_day(record.earlier), risk_by_day(record.result)]
    assert [[tuple(p) for p in r["points"]] for r in w["runs"]] == [[(d, round(r, 1)) for d, r in pts] for pts in runs]
    assert len(w["runs"][0]["points"]) > 2 and w["runs"][0]["points"] != w["runs"][1]["points"]
    assert (w["axis"]["lo"], w["axis"]["hi"], w["axis"]["step"]) == risk_axis([r for pts in runs for _d, r in pts])
    assert w["note"].startswith("Modellens anslag") and w["runs"][1]["label"] == "Etter å ha gått tilbake"
    assert w["day_label"] == "Dag" and w["table_label"] and w["risk_label"]


def test_a_broken_or_foreign_save_is_refused_with_a_reason(data):
    bridge.boot(jsonform.dumps(data))
    for text in ("", "not json", '{"kind": "neighbour-save", "version": 99}'):
        assert json.loads(bridge.check(text))["ok"] is False
        assert json.loads(bridge.restore(text))["kind"] == "broken"
    bridge.start(json.dumps({"campaign": "resident_short", "room": "play", "seed": 3}))
    saved = bridge.save()
    assert json.loads(bridge.check(saved)) == {"ok": True}
    assert json.loads(bridge.restore(saved))["kind"] in ("scene", "notes")


def test_the_warm_up_plays_a_story_of_each_role_out_of_sight_and_leaves_the_players_run_alone(data):
    """bridge.warm: the page plays the short stories once while the title is read, so the browser has
    compiled the engine's code before the player's first choice; the player's own run is untouched."""
    bridge.boot(jsonform.dumps(data))
    plan = json.loads(bridge.warm_plan())
    roles = {bridge.SESSION.content.campaigns[c].role for c in plan}
    assert roles == {c.role for c in bridge.SESSION.content.campaigns.values()} and len(plan) == len(roles)
    assert all(bridge.SESSION.content.campaigns[c].kind == "short" for c in plan)
    bridge.start(json.dumps({"campaign": "resident_short", "room": "play", "seed": 3}))
    before, saved = bridge.SESSION.play.state.to_dict(), bridge.save()
    for c in plan:  # the first view of each kind it met, for the page to draw out of sight
        shown = json.loads(bridge.warm(c))
        assert {"scene", "day_end", "ending"} <= set(shown) and all(v["kind"] == k for k, v in shown.items())
    assert json.loads(bridge.warm("no_such_story")) is None
    assert bridge.SESSION.play.state.to_dict() == before and bridge.save() == saved


def test_the_real_pyodide_files_are_the_pinned_ones():
    need_vendor()
    with open(os.path.join(vendor.package_dir("pyodide"), "package.json"), encoding="utf-8") as fh:
        assert json.load(fh)["version"] == vendor.PINS["pyodide"][0]


def test_a_real_build_stays_under_30_mb_with_its_start_up_snapshot(tmp_path):
    need_vendor()
    out = tmp_path / "site"
    built = build([content_dir()], str(out))
    total = sum(os.path.getsize(os.path.join(b, f)) for b, _d, fs in os.walk(out) for f in fs)
    assert total < 30e6
    page = (out / "index.html").read_text(encoding="utf-8")
    key = re.search(r'<meta name="neighbour-snapshot" content="([0-9a-f]*)">', page)[1]
    if shutil.which("node") is None:
        assert "Node" in built.snapshot and key == "" and not (out / "snapshot.bin").exists()
        pytest.skip("Node is not installed: the build made no snapshot, as it should")
    assert built.snapshot == "" and key == _snapshot_key(str(out))
    with gzip.open(out / "snapshot.bin", "rb") as fh:  # Pyodide's snapshot header, then its memory
        head = fh.read(16)
    assert len(head) == 16 and 'href="snapshot.bin"' in page and 'href="content.json"' not in page
    assert "./snapshot.bin" in (out / "sw.js").read_text(encoding="utf-8")


def test_without_node_or_when_node_fails_the_build_has_no_snapshot_and_says_why(tmp_path, monkeypatch):
    out, where = tmp_path / "site", fake_vendor(tmp_path)
    built = build([content_dir()], str(out), where)  # Node fails on the stand-in Pyodide
    if shutil.which("node") is not None:
        assert built.snapshot.startswith("Node could not make it")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    built = build([content_dir()], str(out), where)
    assert built.snapshot.startswith("Node is not installed")
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<meta name="neighbour-snapshot" content="">' in page and 'href="content.json"' in page
    assert not (out / "snapshot.bin").exists() and not (out / "snapshot.bin.part").exists()
    quiet = build([content_dir()], str(tmp_path / "quiet"), where, snapshot=False)
    assert quiet.snapshot == "" and not (tmp_path / "quiet" / "snapshot.bin").exists()


def test_a_snapshot_knows_its_build_and_a_restored_one_wakes_with_fresh_randomness(data):
    import random
    bridge.boot(jsonform.dumps(data))
    bridge.before_snapshot("0123456789abcdef")
    state = random.getstate()
    random.setstate(state)
    try:
        assert json.loads(bridge.awake()) == {"booted": True, "of": "0123456789abcdef"}
        assert random.getstate() != state
    finally:
        bridge.before_snapshot("")


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_the_pages_model_block_has_the_formula_and_the_models_own_sources(lang):
    from game.core.play import figures
    from game.web import views
    content, _ = load_content([content_dir()])
    m = views.model(views.Words(content, lang))
    assert m["formula"] == figures.formula(content, lang)
    assert m["explain"] == content.text(content.model.explain, lang)
    assert m["sources"] == [figures.source(content, s, lang) for s in content.model.sources] and m["sources"]
    # the 60% anchor says it is a teaching target, in the player's language, caveat and all
    assert any(s.startswith(content.ui("source.assumption", lang) + " — ") for s in m["sources"])
    teaching = {"en": "a teaching target, not a measured result",
                "nb": "et mål for undervisningen, ikke et målt resultat"}
    assert any(teaching[lang] in s for s in m["sources"])
    assert m["sources_title"] == content.ui("ending.sources", lang)
