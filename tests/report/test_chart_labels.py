"""The class report's risk chart: the mean's and the median's labels never sit across the other's line,
however close the two values are (issue 17: "mean and median labels collide")."""

from __future__ import annotations

import re

import pytest

from game.core.load.ready import load_content
from game.core.paths import content_dir
from game.report.markup import Words
from game.report.svg import Marker, risk_spread


@pytest.fixture(scope="module")
def words() -> Words:
    content, report = load_content([content_dir()])
    assert content is not None, report
    return Words(content, "en")


@pytest.mark.parametrize("mean, median", [(44.8, 45.2), (47.0, 44.0), (60.0, 63.0), (30.0, 30.0),
                                          (96.0, 93.5), (2.0, 3.0)])
def test_mean_and_median_labels_do_not_cross_each_others_line(words, mean, median):
    markers = [Marker(mean, f"Mean: {mean}%"), Marker(median, f"Median: {median}%", True)]
    svg, _dots = risk_spread(words, [20.0, 35.0, mean, median, 60.0], markers, None, "t", "d", "x", "n")
    lines = re.findall(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="[\d.]+" stroke="[^"]+" '
                       r'stroke-width="2"', svg)
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" font-size="13" text-anchor="(start|end)"[^>]*>([^<]+)<',
                        svg)
    labels = [lb for lb in labels if lb[3].startswith(("Mean", "Median"))]
    assert len(lines) == 2 and len(labels) == 2
    for lx, ly, anchor, text in labels:
        left, width = float(lx), 7.5 * len(text)
        span = (left, left + width) if anchor == "start" else (left - width, left)
        assert span[0] >= 0 and span[1] <= 720, f"{text!r} runs off the chart"
        for x1, y1 in lines:
            crosses = span[0] <= float(x1) <= span[1] and float(y1) < float(ly)
            assert not crosses, f"the line at x={x1} crosses the label {text!r}"
