"""Numbers in interface strings take the right form of the word after them, per language."""

from game.core.plurals import fill, plural_index
from storytools import story

STRINGS = """
strings:
  t.wait: {en: "in {n} {n:second|seconds}", nb: "om {n} {n:sekund|sekunder}"}
  t.plain: {en: "{n} left", nb: "{n} igjen"}
"""


def test_one_and_many_in_english_and_norwegian(tmp_path):
    content = story(tmp_path, STRINGS)
    assert content.ui("t.wait", "en", n=1) == "in 1 second"
    assert content.ui("t.wait", "en", n=20) == "in 20 seconds"
    assert content.ui("t.wait", "en", n=0) == "in 0 seconds"
    assert content.ui("t.wait", "nb", n=1) == "om 1 sekund"
    assert content.ui("t.wait", "nb", n=3) == "om 3 sekunder"
    assert content.ui("t.plain", "en", n=1) == "1 left"


def test_a_language_with_more_forms_picks_among_them():
    forms = "{n} {n:plik|pliki|plików|pliku}"
    assert [fill(forms, "pl", {"n": n}) for n in (1, 3, 5, 22, 12, 1.5)] == [
        "1 plik", "3 pliki", "5 plików", "22 pliki", "12 plików", "1.5 pliku"]
    assert plural_index("en-GB", 1) == 0


def test_a_malformed_or_unfilled_placeholder_leaves_the_text_as_written():
    assert fill("{n:one|other", "en", {"n": 2}) == "{n:one|other"
    assert fill("{missing} here", "en", {"n": 2}) == "{missing} here"
