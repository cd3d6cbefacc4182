"""The shipped content: lints clean, parses everywhere, and keeps its promises."""

import glob
import os
import re

import pytest
import yaml

from game.core.load.build import build
from game.core.lint import lint
from game.core.paths import content_dir
from storytools import ROOT


@pytest.fixture(scope="module")
def result():
    return lint([content_dir()], simulate_runs=60)


def test_shipped_content_has_no_errors(result):
    assert result.report.ok, result.report.format()


def test_shipped_content_has_no_warnings_but_missing_translations_and_art(result):
    serious = [d.format() for d in result.report.warnings]
    assert serious == [], "\n".join(serious)


def test_every_yaml_file_parses_with_the_pure_python_parser_too():
    """libyaml accepts a few things PyYAML's Python parser refuses; keep content valid for both."""
    for path in glob.glob(os.path.join(content_dir(), "**", "*.yaml"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            yaml.load(fh, Loader=yaml.SafeLoader)


def test_every_fact_has_a_source(result):
    for fid, fact in result.loaded.data["facts"].items():
        assert fact["sources"], fid


def test_every_interface_key_used_in_code_exists():
    content = build(lint([content_dir()], simulate_runs=0).loaded.data)
    used = set()
    for path in glob.glob(os.path.join(ROOT, "game", "**", "*.py"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            used |= set(re.findall(r"""\bui\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""", fh.read()))
    missing = sorted(k for k in used if k not in content.strings)
    assert not missing, missing
    for key, text in content.strings.items():
        for lang in content.languages:
            assert lang in text or "" in text, f"{key} has no {lang}"


def test_every_character_in_the_content_renders_in_every_font():
    """A missing glyph shows as a box; all text (both languages) must render in both reading fonts."""
    import pygame
    pygame.font.init()
    chars = set()
    for path in glob.glob(os.path.join(content_dir(), "**", "*.yaml"), recursive=True):
        with open(path, encoding="utf-8") as fh:
            chars |= {c for c in fh.read() if ord(c) > 126}
    for name in ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf", "OpenDyslexic-Regular.otf"):
        font = pygame.font.Font(os.path.join(ROOT, "assets", "fonts", name), 20)
        tofu = pygame.image.tobytes(font.render("\U0010FFFD", True, (0, 0, 0)), "RGBA")
        missing = sorted(c for c in chars if pygame.image.tobytes(font.render(c, True, (0, 0, 0)), "RGBA") == tofu)
        assert not missing, f"{name} cannot draw {missing!r}"
