"""Every colour pair in every theme is readable: text at 4.5:1, outlines and fills at 3:1."""

import pytest

from game.ui.theme import THEMES, contrast, pairs


@pytest.mark.parametrize("theme", list(THEMES))
def test_contrast_of_every_pair(theme):
    bad = [(fg, bg, round(r, 2), need) for fg, bg, r, need in pairs(THEMES[theme]) if r < need]
    assert not bad, bad


def test_contrast_arithmetic():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
