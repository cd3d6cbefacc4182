"""The class report and the one-run review: built from played results, checked in a real browser.

Results come from playing the example story (docs/example, campaign first_week) and a tiny inline
training scenario headless, over the shipped world and model only (so writers' work in progress in
content/ cannot break these tests).
"""

import html
import itertools
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import textwrap

import pytest

from game import cli
from game.core.play import results
from game.core.load.build import build
from game.core.play.playthrough import Playthrough, Room
from game.core.load.loader import load_sources
from game.core.play.simulate import make_policy, play_once
from game.report import export_run_html
from game.report.gather import REASONS, gather
from storytools import ROOT, WORLD

EXAMPLE = os.path.join(ROOT, "docs", "example")
SESSION = "7B-TUESDAY"
NETLOGS = itertools.count()
CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None)

TRAINING = """
characters:
  tr_kim: {name: Kim, model: true, start: {trust: 30, wellbeing: 40}}
scenarios:
  tr_door:
    title: {en: The closed door, nb: Den lukkede døra}
    summary: {en: Kim has not come out of his room all day., nb: Kim har ikke kommet ut av rommet i dag.}
    start: tr_door_1
    place: room
    residents: [tr_kim]
    expected: {en: "Knock, wait and listen before anything else.", nb: "Bank på, vent og lytt før alt annet."}
campaigns:
  tr_shift:
    role: officer
    kind: short
    subject: characters
    residents: [tr_kim]
    title: {en: One shift, nb: Én vakt}
    summary: {en: A test shift., nb: En testvakt.}
    calendar:
      - phase: induction
        scenarios: [tr_door]
    endings:
      - id: tr_end
        title: {en: End of shift, nb: Vakta er over}
        text: {en: The shift ends., nb: Vakta er over.}
scenes:
  tr_door_1:
    place: room
    text: {en: Kim's door is shut. Music plays inside., nb: Døra til Kim er lukket. Det spilles musikk inne.}
    choices:
      - id: knock
        text: {en: Knock and wait, nb: Bank på og vent}
        follows: [space, listen]
        feedback: {en: Patience opens doors., nb: Tålmodighet åpner dører.}
        expert: {en: A closed door is his; wait to be let in., nb: En lukket dør er hans; vent til du blir sluppet inn.}
        do: tr_kim.trust += 4
        why: {en: He opens the door himself., nb: Han åpner døra selv.}
        goto: tr_door_2
      - id: barge
        text: {en: Unlock the door and walk in, nb: Lås opp døra og gå inn}
        breaks: [dignity, space]
        feedback: {en: Walking in uninvited costs trust., nb: Å gå inn uten å bli bedt koster tillit.}
        do: tr_kim.trust -= 4
        why: {en: He feels cornered., nb: Han føler seg trengt opp i et hjørne.}
        goto: tr_door_2
  tr_door_2:
    place: room
    text: {en: Kim says he has not slept., nb: Kim sier at han ikke har sovet.}
    choices:
      - id: nurse
        text: {en: Offer to call the nurse, nb: Tilby å ringe sykepleieren}
        follows: [health]
        expert: {en: Sleep is a health matter first., nb: Søvn er en helsesak først.}
        do: tr_kim.wellbeing += 3
        why: {en: He agrees to see her., nb: Han sier ja til å treffe henne.}
      - id: rules
        text: {en: Remind him of the rules, nb: Minn ham på reglene}
        breaks: [feelings]
        follows: [limits]
        do: tr_kim.trust -= 2
        why: {en: He shuts down., nb: Han lukker seg.}
  tr_yard_1:
    place: yard
    text: {en: Kim and another man square up in the yard., nb: Kim og en annen mann går mot hverandre i luftegården.}
    choices:
      - id: calm
        text: {en: Step in calmly and talk to Kim alone, nb: Gå rolig inn og snakk med Kim alene}
        follows: [one_voice, space, dignity]
        expert: {en: One calm voice and no audience., nb: Én rolig stemme og ingen tilskuere.}
        do: tr_kim.trust += 3
        why: {en: He lets you lead him away., nb: Han lar deg lede ham bort.}
      - id: shout
        text: {en: Shout at them both to stop, nb: Rop til begge at de skal slutte}
        follows: [limits]
        breaks: [no_provoke, dignity]
        do: tr_kim.trust -= 3
        why: {en: He loses face in front of the yard., nb: Han taper ansikt foran hele luftegården.}
"""

TWO_SHIFTS = """
scenarios:
  tr_yard:
    title: {en: The yard, nb: Luftegården}
    summary: {en: Tempers in the yard., nb: Temperamentet i luftegården.}
    start: tr_yard_1
    place: yard
    residents: [tr_kim]
campaigns:
  tr_two:
    role: officer
    kind: short
    subject: characters
    residents: [tr_kim]
    title: {en: Two shifts, nb: To vakter}
    summary: {en: Two test shifts., nb: To testvakter.}
    calendar:
      - phase: induction
        scenarios: [tr_door, tr_yard]
    endings:
      - id: tr_two_end
        title: {en: End of the week, nb: Uka er over}
        text: {en: The week ends., nb: Uka er over.}
"""


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """The content (world, model, strings, example story, training scenario) and its folders."""
    folder = tmp_path_factory.mktemp("training")
    (folder / "training.yaml").write_text(textwrap.dedent(TRAINING), encoding="utf-8")
    (folder / "two_shifts.yaml").write_text(textwrap.dedent(TWO_SHIFTS), encoding="utf-8")
    dirs = WORLD + [EXAMPLE, str(folder)]
    loaded = load_sources(dirs)
    assert loaded.report.ok, loaded.report.format()
    return build(loaded.data), dirs


@pytest.fixture(scope="module")
def class_results(story):
    """24 finished first_week runs with the same session code, as the classroom would save them."""
    content, _ = story
    out = []
    for i in range(24):
        policy = make_policy(("random", "engaged", "idle")[i % 3], content, random.Random(i))
        engine, _ = play_once(content, "first_week", seed=17, policy=policy)
        out.append(results.build(engine, "class", SESSION, "en"))
    return out


def training_result(content, picks: tuple[str, str], trainee: str | None = None) -> dict:
    """A trainee's shift played as the training room plays it (through the playthrough, which keeps
    what each decision changed for each resident)."""
    play = Playthrough.new(content, "tr_shift", seed=3, scenario="tr_door",
                           room=Room("training", keeps_result=True, trainee=trainee))
    for choice in picks:
        play.choose(next(c for c in play.where().choices if c.id == choice))
    while play.status != "ending":
        play.proceed()
    return play.record.result


def content_args(story) -> list[str]:
    args = ["--no-shipped"]
    for d in story[1]:
        args += ["--content", d]
    return args


def write_class(folder, class_results) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = [results.save(r, str(folder)) for r in class_results]
    good = json.dumps(class_results[0])
    (folder / "truncated.json").write_text(good[: len(good) // 2], encoding="utf-8")
    (folder / "wrong_kind.json").write_text(json.dumps({"kind": "neighbour-save", "version": 1}), encoding="utf-8")
    (folder / "newer.json").write_text(json.dumps(dict(class_results[0], version=results.RESULT_VERSION + 1)),
                                       encoding="utf-8")
    (folder / "notes.json").write_text("these are my notes, not JSON\n", encoding="utf-8")
    return paths


def report(story, *argv) -> int:
    return cli.main(["report", *argv, *content_args(story)])


def trimmed(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# -- the class report ------------------------------------------------------------------------------
def test_class_report_has_the_numbers_and_names_what_it_left_out(story, class_results, tmp_path, capsys):
    content, _ = story
    write_class(tmp_path / "class", class_results)
    typed = class_results[0]["code"]
    (tmp_path / "codes.txt").write_text(f"# codes from the board\n{class_results[1]['code']}\nNB-000-000-00Q\n",
                                        encoding="utf-8")
    out = tmp_path / "class.html"
    assert report(story, str(tmp_path / "class"), str(tmp_path / "codes.txt"), typed, "--out", str(out)) == 0
    err = capsys.readouterr().err
    page = out.read_text(encoding="utf-8")

    # every bad input is named on stderr and on the page, with its reason
    for name in ("truncated.json", "wrong_kind.json", "newer.json", "notes.json", "NB-000-000-00Q"):
        assert name in err
    skipped = page[page.index('id="skipped"'):]
    for name, reason in (("truncated.json", "not valid JSON"), ("wrong_kind.json", "not a Neighbour result file"),
                         ("newer.json", "another version of Neighbour"), ("notes.json", "not valid JSON"),
                         ("codes.txt:3: NB-000-000-00Q", "typing mistake")):
        assert f"<th scope=\"row\">{name}</th><td>" in skipped
        assert reason in skipped
    assert "wrote" in err and "26 result(s), 5 left out" in err

    # the header
    assert SESSION in page and "26 students, from 26 results" in page
    assert "2 of them were typed in as short codes" in page

    # the spread of final risks: mean and median of the files and the codes, the uncertainty band
    risks = [r["end"]["risk"] for r in class_results]
    risks += [float(round(class_results[0]["end"]["risk"])), float(round(class_results[1]["end"]["risk"]))]
    assert f"Mean: {trimmed(statistics.fmean(risks))}%" in page
    assert f"Median: {trimmed(statistics.median(risks))}%" in page
    assert f"uncertain by about {trimmed(content.model.uncertainty)} points" in page

    # endings reached, as a chart and a table
    endings = [r["end"]["ending"] for r in class_results] + [class_results[0]["end"]["ending"],
                                                             class_results[1]["end"]["ending"]]
    for ending in content.campaigns["first_week"].endings:
        n = endings.count(ending.id)
        if n:
            title = html.escape(content.text(ending.title, "en"))
            assert f'<th scope="row">{title}</th><td class="num">{n}</td>' in page

    # common choices: of the runs that reached the evening, how many called home
    evening = [r for r in class_results if any(h["scene"] == "fw_evening" for h in r["choices"])]
    called = [r for r in evening if any(h["scene"] == "fw_evening" and h["choice"] == "0" for h in r["choices"])]
    assert f"(reached in {len(evening)} playthroughs)" in page
    assert f'<th scope="row">Call home</th><td class="num">{len(called)}</td>' in page

    # choices that went with different outcomes: an association, with both sides' means
    assert "association in a small sample, not a cause" in page
    compared = 0
    keys = {(h["scene"], h["choice"]) for r in class_results for h in r["choices"] if h["choice"] != "continue"}
    for key in keys:
        took = [r["end"]["risk"] for r in class_results if any((h["scene"], h["choice"]) == key for h in r["choices"])]
        rest = [r["end"]["risk"] for r in class_results  # those who reached the scene (could take it)
                if any(h["scene"] == key[0] for h in r["choices"])
                and not any((h["scene"], h["choice"]) == key for h in r["choices"])]
        if len(took) >= 5 and len(rest) >= 5:  # the example has few choices, so all of them are shown
            compared += 1
            assert f"{trimmed(statistics.fmean(took))}% ({len(took)} playthroughs)" in page
            assert f"{trimmed(statistics.fmean(rest))}% ({len(rest)} playthroughs)" in page
    assert 0 < compared <= 8

    # questions, the model's disclaimer and the real-world comparison with its caveat
    assert html.escape(content.text(content.campaigns["first_week"].debrief[0], "en")) in page
    assert html.escape(content.text(content.campaigns["first_week"].blocks[0].reflect[0], "en")) in page
    assert html.escape(content.text(content.model.disclaimer, "en").split("\n")[0][:60]) in page
    comparison = [f for f in content.facts.values() if "comparison" in f.tags]
    assert comparison
    for fact in comparison:
        assert html.escape(content.text(fact.text, "en")) in page
        if fact.caveat:
            assert html.escape(content.text(fact.caveat, "en")) in page

    # every chart has a table beside it, every table a caption; no scripts, nothing fetched
    assert page.count("<svg") >= 2 and page.count("<caption>") >= page.count('role="img"')
    assert "<script" not in page and not re.search(r'(src|href)\s*=\s*"(https?:)?//', page)


def test_report_in_norwegian_uses_the_content_words(story, class_results, tmp_path):
    write_class(tmp_path / "class", class_results)
    out = tmp_path / "klasse.html"
    assert report(story, str(tmp_path / "class"), "--lang", "nb", "--out", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert '<html lang="nb">' in page
    for words in ("Slutter som ble nådd", "Hvilke valg som var vanlige", "Den første uka", "Ring hjem",
                  "Den kommer fra en annen versjon av Naboen.", "Filer og koder som ble utelatt"):
        assert words in page, words
    mean = statistics.fmean(r["end"]["risk"] for r in class_results)
    assert f"Gjennomsnitt: {trimmed(mean).replace('.', ',')} %" in page


def test_codes_alone_give_outcomes_but_no_choices(story, class_results, tmp_path):
    out = tmp_path / "codes.html"
    codes = [r["code"] for r in class_results[:6]]
    assert report(story, *codes, "--out", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert "6 students, from 6 results" in page and "6 of them were typed in as short codes" in page
    assert "None of these results carries its choices" in page
    assert "Files and codes that were left out" not in page


def test_nothing_usable_is_one_clear_error_and_no_page(story, tmp_path, capsys):
    (tmp_path / "a.json").write_text("{", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    out = tmp_path / "none.html"
    assert report(story, str(tmp_path / "a.json"), str(tmp_path / "empty"), "NB-ZZZ", "--out", str(out)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: none of the 3 input(s) held a usable result")
    assert any("a.json" in line for line in err) and any("no result files" in line for line in err)
    assert not out.exists()


def test_an_unknown_language_is_refused(story, class_results, tmp_path, capsys):
    path = results.save(class_results[0], str(tmp_path))
    assert report(story, path, "--lang", "xx", "--out", str(tmp_path / "x.html")) == 2
    assert "unknown language 'xx'" in capsys.readouterr().err


def test_every_reason_for_leaving_something_out_has_words(story, class_results, tmp_path):
    content, _ = story
    write_class(tmp_path / "class", class_results[:1])
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.txt").write_text("\n# nothing\n", encoding="utf-8")
    other = dict(class_results[0], campaign="another_story")
    (tmp_path / "other.json").write_text(json.dumps(other), encoding="utf-8")
    found = gather(content, [str(tmp_path / "class"), str(tmp_path / "empty"), str(tmp_path / "blank.txt"),
                             str(tmp_path / "other.json"), str(tmp_path / "missing.json"), "NB-000-000-00Q",
                             "NB-ABC-DEF-GHJ"])
    assert len(found.runs) == 1
    assert len(found.skipped) == 10
    for s in found.skipped:
        assert s.key in content.strings, (s.name, s.reason)
    for _, key in REASONS:
        assert key in content.strings


# -- training -------------------------------------------------------------------------------------
def test_training_report_scores_each_principle_and_draws_a_timeline(story, tmp_path):
    content, _ = story
    folder = tmp_path / "group"
    picks = [("knock", "nurse")] * 3 + [("barge", "rules")] * 2 + [("knock", "rules")]
    for p in picks:
        results.save(training_result(content, p), str(folder))
    out = tmp_path / "training.html"
    assert report(story, str(folder), "--out", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    assert "One shift: The closed door" in page
    assert "Principles followed and broken" in page and "no single overall score" in page
    # Respect personal space: followed by 4 knocks, broken by 2 barges; in 4 and 2 runs
    assert ('<th scope="row">Respect personal space</th><td class="num">4</td><td class="num">2</td>'
            '<td class="num">4</td><td class="num">2</td>') in page
    # the timeline, with the marks written out: followed twice; broke, then both; followed, then both
    counts = '<td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td>'
    assert page.count(counts.format(2, 0, 0, 0) + "<td>+ +</td>") == 3
    assert page.count(counts.format(0, 1, 1, 0) + "<td>\u2212 \u00b1</td>") == 2
    assert page.count(counts.format(1, 0, 1, 0) + "<td>+ \u00b1</td>") == 1
    assert "Knock, wait and listen before anything else." in page
    assert "What would you do next time?" in page


def test_a_trainer_compares_three_trainees_and_sees_different_scores_for_different_shifts(story, tmp_path):
    """Three trainees play the same two shifts. The unit's two-year estimate hardly moves in a shift,
    but the page tells them apart: per trainee and shift, principles followed and broken, the
    experienced officer's choices, and how far the resident's trust moved."""
    content, _ = story
    folder = tmp_path / "trainees"
    plays = {"T1": ("knock", "nurse", "calm"), "T2": ("barge", "rules", "shout"), "T3": ("knock", "rules", "shout")}
    for trainee, picks in plays.items():
        play = Playthrough.new(content, "tr_two", seed=3, room=Room("training", keeps_result=True, trainee=trainee))
        for _ in range(40):
            if play.status == "ending":
                break
            if play.status == "scene":
                offered = {c.id: c for c in play.where().choices}
                play.choose(next(offered[p] for p in picks if p in offered))
            else:
                play.proceed()
        results.save(play.record.result, str(folder))
    out = tmp_path / "trainees.html"
    assert report(story, str(folder), "--out", str(out)) == 0
    page = out.read_text(encoding="utf-8")
    table = page[page.index("Each trainee, shift by shift"):]
    table = table[:table.index("</table>")]
    rows = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)[1:]]
    got = {(r[0], r[1]): tuple(r[2:5]) for r in rows}
    assert got == {
        ("T1", "Shift 1: The closed door"): ("3", "0", "2 of 2"),
        ("T1", "Shift 2: The yard"): ("3", "0", "1 of 1"),
        ("T2", "Shift 1: The closed door"): ("1", "3", "0 of 2"),
        ("T2", "Shift 2: The yard"): ("1", "2", "0 of 1"),
        ("T3", "Shift 1: The closed door"): ("3", "1", "1 of 2"),
        ("T3", "Shift 2: The yard"): ("1", "2", "0 of 1"),
    }, got
    # and how far Kim's trust moved (the model scales it: a day of the story stands for weeks)
    trust = {(r[0], r[1]): r[5] for r in rows}
    assert all(trust[("T1", shift)].startswith("+") for shift in ("Shift 1: The closed door", "Shift 2: The yard"))
    assert all(trust[("T2", shift)].startswith("\u2212") for shift in ("Shift 1: The closed door", "Shift 2: The yard"))


def test_one_run_exports_as_an_after_action_review(story, tmp_path):
    content, _ = story
    result = training_result(content, ("barge", "rules"))
    path = export_run_html(content, result, str(tmp_path / "review" / "run.html"), "en")
    page = open(path, encoding="utf-8").read()
    assert "After-action review: The closed door" in page
    for words in ("Unlock the door and walk in", "Remind him of the rules", "Walking in uninvited costs trust.",
                  "He feels cornered.", "Protect dignity", "Respect personal space", "Set clear limits",
                  "Knock, wait and listen before anything else.", "What was supposed to happen?",
                  "What happened?", "Why did it happen?", "What would you do next time?",
                  "Principles followed: 1. Principles broken: 3."):
        assert html.escape(words) in page, words
    # what each decision did to Kim, not the unit's average estimate ("32.8% to 32.8%"), and the expert
    assert "What it changed for the residents:</strong> Kim: Trust in staff \u22126 (worse)" in page
    assert "would choose &quot;Knock and wait&quot;. A closed door is his; wait to be let in." in page
    assert "would choose &quot;Offer to call the nurse&quot;. Sleep is a health matter first." in page
    assert "Shift 1: The closed door" in page and "in 0 of 2 decisions" in page
    assert "<script" not in page and "http" not in page
    nb = export_run_html(content, result, str(tmp_path / "run_nb.html"), "nb")
    assert "Etterevaluering: Den lukkede døra" in open(nb, encoding="utf-8").read()


def test_the_report_package_needs_no_pygame():
    script = ("import sys\nclass B:\n def find_spec(self, n, p=None, t=None):\n"
              "  if n.split('.')[0] == 'pygame': raise ImportError('blocked')\n"
              "sys.meta_path.insert(0, B())\nimport game.report, game.report.classpage\nprint('pure')\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "pure", out.stderr


# -- a real browser -------------------------------------------------------------------------------
def chromium(url: str, tmp_path, *extra: str) -> tuple[str, list[str]]:
    """Load a page headless; returns the DOM and the http(s) URLs the page itself asked for."""
    netlog = tmp_path / f"net-{next(NETLOGS)}.json"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--host-resolver-rules=MAP * ~NOTFOUND",
           f"--log-net-log={netlog}", *extra, url]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    log = json.loads(netlog.read_text(encoding="utf-8")) if netlog.exists() else {"events": [], "constants": {}}
    start = log["constants"].get("logEventTypes", {}).get("URL_REQUEST_START_JOB")
    asked = []
    for e in log["events"]:
        p = e.get("params", {})
        # the page's own requests carry its file:// origin; the browser's housekeeping does not
        if e.get("type") == start and "file://" in str(p.get("network_isolation_key", "")) \
                and str(p.get("url", "")).startswith(("http:", "https:")):
            asked.append(p["url"])
    return out.stdout, asked


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; CI has it)")
def test_the_report_renders_in_a_real_browser_and_asks_for_nothing(story, class_results, tmp_path):
    content, _ = story
    write_class(tmp_path / "class", class_results)
    for p in [("knock", "nurse"), ("barge", "rules")]:
        results.save(training_result(content, p), str(tmp_path / "class"))
    out = tmp_path / "class.html"
    assert report(story, str(tmp_path / "class"), "--out", str(out)) == 0
    browser = tmp_path / "browser"
    browser.mkdir()

    # the check can see a page asking for something (so its silence below means something)
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><html><body><img src="https://example.invalid/x.png"></body></html>')
    _, asked = chromium(control.as_uri(), browser, "--dump-dom")
    assert asked == ["https://example.invalid/x.png"]

    dom, asked = chromium(out.as_uri(), browser, "--dump-dom")
    assert asked == []
    assert len(re.findall(r"<svg\b", dom)) >= 6          # spread, endings, principles, timeline, ...
    assert len(re.findall(r"<(circle|rect|path)\b", dom)) > 50
    for words in ("Neighbour: the class's results", "How the outcomes spread", "Endings reached",
                  "Which choices were common", "Principles followed and broken", "Decision by decision",
                  "Files and codes that were left out", "truncated.json", SESSION):
        assert html.escape(words, quote=False) in dom, words
    assert not re.search(r'\b(src|href)\s*=\s*"[^"]*http', dom)
    assert "<script" not in dom

    pdf = tmp_path / "class.pdf"
    chromium(out.as_uri(), browser, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert pdf.read_bytes()[:5] == b"%PDF-"


# -- the guides' examples and the page's colours ----------------------------------------------------
def test_the_trainers_example_scenario_is_in_the_guide_and_lints_clean(tmp_path):
    """docs/trainers.md shows docs/example_training/my_scenario.yaml whole, and its small campaign."""
    from game.core.lint import lint
    with open(os.path.join(ROOT, "docs", "example_training", "my_scenario.yaml"), encoding="utf-8") as fh:
        scenario = fh.read().strip()
    with open(os.path.join(ROOT, "docs", "trainers.md"), encoding="utf-8") as fh:
        guide = fh.read()
    assert scenario in guide
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    campaign = next(b for b in blocks if re.search(r"^campaigns:", b, re.M) and not re.search(r"^scenarios:", b, re.M))
    (tmp_path / "my_campaign.yaml").write_text(campaign, encoding="utf-8")
    residents = os.path.join(ROOT, "content", "officer", "residents.yaml")
    dirs = WORLD + [residents, os.path.join(ROOT, "docs", "example_training"), str(tmp_path)]
    result = lint(dirs, simulate_runs=0)
    assert result.report.ok, result.report.format()
    mine = [d.format() for d in result.report.sorted() if "example_training" in d.path or str(tmp_path) in d.path]
    assert mine == []
    content = build(result.loaded.data)
    engine, _ = play_once(content, "my_training", seed=1, policy=make_policy("engaged", content, random.Random(1)))
    assert engine.state.principles and all(broken == 0 for _, broken in engine.state.principles.values())


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_every_colour_on_the_page_keeps_a_contrast_of_4_5_to_1():
    from game.report import markup, svg

    def contrast(a: str, b: str) -> float:
        hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)
    text = set(re.findall(r"(?<![-\w])color:\s*(#[0-9a-f]{6})", markup.CSS))
    assert text
    for fg in text:  # page text, on white and on the tinted note boxes
        for bg in ("#ffffff", "#eef4f8", "#fdf3e6"):
            assert contrast(fg, bg) >= 4.5, (fg, bg)
    for fg in (svg.INK, svg.BAR, svg.FOLLOW, svg.BREAK, svg.GRID):  # chart ink on the white chart
        assert contrast(fg, "#ffffff") >= 4.5, fg
    for fg in (svg.INK, svg.BAR):  # the dots and the mean and median lines cross the uncertainty band
        assert contrast(fg, svg.BAND) >= 3, fg
