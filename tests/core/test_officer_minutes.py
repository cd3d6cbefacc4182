"""The officer's stories fit their rooms (issue 14): the median reading time of engaged play, counted as
the screens show it (game/core/play/reading.py, the measure of benchmarks/story_length.py), stays within
each campaign's target in both languages. Deterministic: seeds 0..N-1."""

import statistics

import pytest

from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.core.play.simulate import simulate

SEEDS = 12
TARGETS = {  # campaign: (at least, at most) minutes, median of engaged play
    "officer": (0.0, 25.0),          # the full posting
    "officer_lesson": (15.0, 20.0),  # a class period
    "officer_short": (0.0, 5.0),     # the museum kiosk
}


@pytest.fixture(scope="module")
def content():
    loaded, report = load_content([content_dir()])
    assert loaded is not None, report.format()
    return loaded


@pytest.mark.parametrize("lang", ["en", "nb"])
@pytest.mark.parametrize("campaign", sorted(TARGETS))
def test_officer_campaigns_fit_their_minutes(content, campaign, lang):
    reads = simulate(content, campaign, runs=SEEDS, seed=0, policy="engaged", lang=lang, keep=True).reads
    median = statistics.median(r.minutes for r in reads)
    low, high = TARGETS[campaign]
    assert low <= median <= high, f"{campaign} ({lang}): {median:.2f} min, target {low:g} to {high:g}"


def test_every_officer_campaign_has_a_target(content):
    officer = {cid for cid, c in content.campaigns.items() if c.role == "officer"}
    assert officer == set(TARGETS)
