"""Languages as overlays: export a PO file, translate it as Poedit would (with polib), import it as a
folder, and play in that language without touching a shipped file; stale and bad translations."""

from __future__ import annotations

import hashlib
import os

import polib
import pytest

from game.cli import main
from game.core.lint import lint
from game.core.load.build import build
from game.core.load.loader import load_sources
from game.core.paths import content_dir
from storytools import WORLD, write

STORY = """
scenes:
  t_start:
    text: The kettle clicks off.
    choices:
      - id: call
        text: {en: Call home, nb: Ring hjem}
      - text: Wait
strings:
  t.days: {en: "Day {day} of {n} {n:day|days}", nb: "Dag {day} av {n} {n:dag|dager}"}
  t.files: {en: "{n} {n:file|files}", nb: "{n} {n:fil|filer}"}
"""


def args(folders: list[str]) -> list[str]:
    out = ["--no-shipped"]
    for f in folders:
        out += ["--content", f]
    return out


def export(tmp_path, folders: list[str], lang: str = "sv") -> polib.POFile:
    out = str(tmp_path / f"{lang}.po")
    assert main(["translate", "export", "--lang", lang, "--out", out] + args(folders)) == 0
    return polib.pofile(out)


def translate(po: polib.POFile, texts: dict[str, str]) -> None:
    """What a translator does in Poedit: fill msgstr, clear 'needs work'."""
    for entry in po:
        if entry.msgctxt in texts:
            entry.msgstr = texts[entry.msgctxt]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")


def digest(folder: str) -> str:
    h = hashlib.sha256()
    for root, _dirs, files in sorted(os.walk(folder)):
        for name in sorted(files):
            with open(os.path.join(root, name), "rb") as fh:
                h.update(name.encode() + fh.read())
    return h.hexdigest()


@pytest.fixture
def story(tmp_path) -> list[str]:
    return WORLD + [write(tmp_path, STORY)]


def test_a_language_round_trips_through_a_po_file_without_touching_the_content(tmp_path, story):
    before = digest(content_dir())
    po = export(tmp_path, story)
    entry = next(e for e in po if e.msgctxt == "scenes/t_start/choices/call/text")
    assert entry.msgid == "Call home" and entry.occurrences[0][0].endswith("story.yaml")
    assert po.metadata["Language"] == "sv" and po.metadata["Plural-Forms"].startswith("nplurals=2;")
    translate(po, {"scenes/t_start/text": "Vattenkokaren slår av.",
                   "scenes/t_start/choices/call/text": "Ring hem",
                   "strings/t.days": "Dag {day} av {n} {n:dag|dagar}"})
    po.save(str(tmp_path / "sv.po"))
    overlay = str(tmp_path / "svenska")
    assert main(["translate", "import", str(tmp_path / "sv.po"), "--lang", "sv", "--out", overlay]
                + args(story)) == 0
    loaded = load_sources(story + [overlay])
    assert loaded.report.ok, loaded.report.format()
    content = build(loaded.data)
    assert content.languages["sv"] == "Svenska"
    scene = content.scenes["t_start"]
    assert content.text(scene.text, "sv") == "Vattenkokaren slår av."
    assert [content.text(c.text, "sv") for c in scene.choices] == ["Ring hem", "Wait"]  # English until done
    assert content.ui("t.days", "sv", day=1, n=3) == "Dag 1 av 3 dagar"
    assert content.ui("t.days", "sv", day=1, n=1) == "Dag 1 av 1 dag"
    assert digest(content_dir()) == before


def test_progress_counts_translated_stale_and_missing(tmp_path, story):
    po = export(tmp_path, story)
    translate(po, {"scenes/t_start/text": "Vattenkokaren slår av.", "scenes/t_start/choices/call/text": "Ring hem"})
    po.save(str(tmp_path / "sv.po"))
    overlay = str(tmp_path / "svenska")
    assert main(["translate", "import", str(tmp_path / "sv.po"), "--lang", "sv", "--out", overlay]
                + args(story)) == 0
    # the author rewrites a line the translator had done
    changed = write(tmp_path, STORY.replace("The kettle clicks off.", "The kettle clicks off at last."))
    result = lint(WORLD + [changed, overlay], simulate_runs=0)
    sv = result.stats["languages"]["sv"]
    assert (sv["translated"], sv["stale"], sv["missing"]) == (1, 1, sv["total"] - 2)
    summary = [d.message for d in result.report.warnings if "'sv' translates" in d.message]
    assert summary == [f"'sv' translates 1 of {sv['total']} texts; 1 stale, {sv['total'] - 2} missing "
                       "(lint --stats counts them; translate export makes a PO file to finish them)"]
    again = export(tmp_path, WORLD + [changed, overlay])
    entry = next(e for e in again if e.msgctxt == "scenes/t_start/text")
    assert entry.msgstr == "Vattenkokaren slår av." and "fuzzy" in entry.flags
    assert entry.previous_msgid == "The kettle clicks off." and entry.msgid == "The kettle clicks off at last."


BAD = [
    ('msgctxt "strings/ui.ok"\nmsgid "OK"\nmsgstr "OK\n', 'sv.po:{n+2}:1: error: expected a comment'),
    ('msgctxt "strings/ui.ok"\nmsgid "OK"\nmsgstr "Okej"\n\nmsgctxt "strings/ui.ok"\nmsgid "OK"\nmsgstr "Ja"\n',
     "sv.po:{n+4}:1: error: the text 'strings/ui.ok' is here twice; the first is at line {n}"),
    ('msgctxt "scenes/t_strat/text"\nmsgid "The kettle clicks off."\nmsgstr "Vatten"\n',
     "sv.po:{n}:1: error: unknown text 'scenes/t_strat/text' (did you mean \"scenes/t_start/text\"?)"),
    ('msgctxt "strings/t.days"\nmsgid "Day {day} of {n} {n:day|days}"\nmsgstr "Dag {dag} av {n} {n:dag|dagar}"\n',
     "sv.po:{n}:1: error: strings/t.days: placeholders do not match the original (missing {day}; unknown {dag})"),
    ('msgctxt "strings/t.days"\nmsgid "Day {day} of {n} {n:day|days}"\nmsgstr "Dag {day} av {n} {n:dagar}"\n',
     "sv.po:{n}:1: error: strings/t.days: {n:...} lists 1 word form(s); this language has 2"),
]
HEADER = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'


@pytest.mark.parametrize("body,expected", BAD, ids=["syntax", "duplicate", "unknown", "placeholder", "forms"])
def test_a_bad_po_file_is_refused_line_by_line_and_nothing_is_written(tmp_path, story, capsys, body, expected):
    po = tmp_path / "sv.po"
    po.write_text(HEADER.format(lang="sv") + body, encoding="utf-8")
    n = HEADER.count("\n") + 1
    out = tmp_path / "svenska"
    assert main(["translate", "import", str(po), "--lang", "sv", "--out", str(out)] + args(story)) == 1
    err = capsys.readouterr().err
    want = expected.replace("{n+4}", str(n + 4)).replace("{n+2}", str(n + 2)).replace("{n}", str(n))
    assert want in err, err
    assert "nothing was written" in err and not out.exists()


def test_a_po_file_for_another_language_is_refused(tmp_path, story, capsys):
    po = tmp_path / "sv.po"
    po.write_text(HEADER.format(lang="da"), encoding="utf-8")
    assert main(["translate", "import", str(po), "--lang", "sv", "--out", str(tmp_path / "o")] + args(story)) == 1
    assert "sv.po:1:1: error: expected a translation into 'sv', but the file's header names 'da'" in \
        capsys.readouterr().err


def test_a_language_brings_its_plural_rule(tmp_path, story):
    """Polish has three forms (1 plik, 3 pliki, 5 plików); the rule comes from the PO file's header."""
    po = tmp_path / "pl.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : '
                  'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
                  'msgctxt "strings/t.files"\nmsgid "{n} {n:file|files}"\nmsgstr "{n} {n:plik|pliki|plików}"\n',
                  encoding="utf-8")
    out = str(tmp_path / "polski")
    assert main(["translate", "import", str(po), "--lang", "pl", "--out", out, "--name", "Polski"] + args(story)) == 0
    content = build(load_sources(story + [out]).data)
    assert [content.ui("t.files", "pl", n=n) for n in (1, 3, 5, 22, 25)] == [
        "1 plik", "3 pliki", "5 plików", "22 pliki", "25 plików"]


def test_an_overlay_names_texts_that_exist_in_a_language_that_is_declared(tmp_path, story):
    overlay = tmp_path / "o"
    overlay.mkdir()
    (overlay / "da.yaml").write_text(
        "translations:\n  da:\n    scenes/t_start/text: {from: x, text: y}\n"
        "    scenes/gone/text: {from: x, text: y}\n", encoding="utf-8")
    report = load_sources(story + [str(overlay)]).report
    assert [d.format().split("/")[-1] for d in report.sorted()] == [
        "da.yaml:3:5: error: translations into 'da', a language that is not declared; add "
        "languages: {da: {name: ...}}",
    ]
    (overlay / "da.yaml").write_text(
        "languages: {da: {name: Dansk}}\ntranslations:\n  da:\n    scenes/gone/text: {from: x, text: y}\n",
        encoding="utf-8")
    report = load_sources(story + [str(overlay)]).report
    assert report.ok
    assert [d.message for d in report.warnings] == [
        "translation of an unknown text 'scenes/gone/text' (was it renamed or removed?) "
        '(did you mean "scenes/t_start/text"?)']
