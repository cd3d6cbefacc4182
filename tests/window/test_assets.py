"""Every picture and sound the content names exists and loads; each SVG renders at two sizes; no two
places share one picture by accident; the assets stay small."""

import glob
import hashlib
import os
import re

import pygame
import pytest

from game.core.lint import lint
from game.core.paths import assets_dir, content_dir
from uitools import content_dirs

FORBIDDEN = re.compile(r"<(text|use|clipPath|mask|filter|pattern|image|style|script)\b|xlink:href|href=")


@pytest.fixture(scope="module")
def data():
    result = lint(content_dirs(), simulate_runs=0)
    assert result.report.ok, result.report.format()
    return result.loaded.data


def named_assets(data):
    out = [p["art"] for p in data["places"].values()]
    out += [c["portrait"] for c in data["characters"].values() if c.get("portrait")]
    out += ["title/title.svg", "title/attract.svg"]
    return out


def test_every_named_asset_exists(data):
    missing = [a for a in named_assets(data) if not os.path.isfile(os.path.join(assets_dir(), a))]
    assert not missing, missing


def test_every_icon_the_content_and_interface_use_exists(data):
    icons = {v.get("icon") for v in data["model"]["variables"].values()}
    icons |= {a.get("icon") for a in data["activities"].values()}
    icons |= {"person", "person_outline", "journal", "pause", "settings", "language", "restart", "check", "back",
              "close", "info", "warning", "save", "load", "risk", "trust", "peers", "star", "lock"}
    icons.discard(None)
    missing = sorted(i for i in icons if not os.path.isfile(os.path.join(assets_dir(), "icons", f"{i}.svg")))
    assert not missing, missing


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(assets_dir(), "**", "*.svg"), recursive=True)),
                         ids=lambda p: os.path.relpath(p, assets_dir()))
def test_svg_renders_at_two_sizes_and_uses_only_safe_elements(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert not FORBIDDEN.search(text), "unsupported or unsafe SVG element"
    for size in ((320, 180), (1920, 1080)):
        img = pygame.image.load_sized_svg(path, size)
        w, h = img.get_size()
        assert 0 < w <= size[0] + 1 and 0 < h <= size[1] + 1  # nanosvg may round up by one pixel
        small = pygame.transform.scale(img, (16, 16))
        assert len({tuple(small.get_at((x, y))) for x in range(16) for y in range(16)}) >= 2, "renders as a blank"


def test_no_two_places_share_a_picture(data):
    arts = [p["art"] for p in data["places"].values()]
    assert len(arts) == len(set(arts)), "two places name the same file"
    digests = {}
    for art in arts:
        with open(os.path.join(assets_dir(), art), "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        assert digest not in digests, f"{art} is a copy of {digests.get(digest)}"
        digests[digest] = art


def test_every_ambient_sound_named_exists_and_decodes(data):
    names = {p.get("ambient") for p in data["places"].values()} - {None}
    pygame.mixer.init()
    for name in names:
        path = os.path.join(assets_dir(), "sounds", "ambient", f"{name}.ogg")
        assert os.path.isfile(path), path
        assert pygame.mixer.Sound(path).get_length() > 5
    for path in glob.glob(os.path.join(assets_dir(), "sounds", "ui", "*.ogg")):
        assert pygame.mixer.Sound(path).get_length() > 0


def test_assets_folder_is_light():
    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(assets_dir(), "**", "*"), recursive=True)
                if os.path.isfile(p))
    assert total < 10 * 1024 * 1024, f"assets/ is {total / 1e6:.1f} MB"


def test_content_dir_is_the_shipped_one():
    assert os.path.isdir(content_dir())
