"""The state model is calibrated as content/model.yaml says, and explains itself."""

import pytest

from game.core.load.build import build
from game.core.load.loader import load_sources
from storytools import WORLD


@pytest.fixture(scope="module")
def model():
    loaded = load_sources(WORLD)
    assert loaded.report.ok, loaded.report.format()
    return build(loaded.data).model


@pytest.mark.parametrize("index, expected", [(0, 41), (1, 20), (2, 60)])
def test_calibration_anchors(model, index, expected):
    anchor = model.anchors[index]
    assert anchor.expect == expected
    assert model.risk(anchor.values) == pytest.approx(expected, abs=3)


def test_domain_deficit_vectors_give_the_published_anchors(model):
    # DOMAIN.md section 5: deficit vectors (C, A, P, U, E, J, F, H, W)
    order = ["history", "attitudes", "peers", "substance", "education", "work", "family", "housing", "wellbeing"]
    for vector, expected in [((.5, .5, .6, .5, .7, .7, .5, .6, .5), 41),
                             ((.5, .3, .3, .3, .3, .3, .3, .2, .3), 20),
                             ((.5, .7, .8, .65, .9, .9, .7, .9, .8), 60)]:
        values = model.values_from_deficits(dict(zip(order, vector)))
        assert model.risk(values) == pytest.approx(expected, abs=1)


def test_criminal_history_shifts_the_end_states(model):
    # DOMAIN.md: with C = 0 the Norwegian-style and punitive ends give 14% and 50%; with C = 1, 27% and 69%
    norwegian, punitive = model.anchors[1].values, model.anchors[2].values
    assert model.risk({**norwegian, "history": 0}) == pytest.approx(14, abs=1)
    assert model.risk({**punitive, "history": 0}) == pytest.approx(50, abs=1)
    assert model.risk({**norwegian, "history": 100}) == pytest.approx(27, abs=1)
    assert model.risk({**punitive, "history": 100}) == pytest.approx(69, abs=1)


def test_every_weight_has_a_source_or_says_assumption(model):
    for factor in model.factors:
        assert factor.sources, factor.var
    for mod in model.modifiers:
        assert mod.sources, mod.id


def test_estimate_lists_drivers_and_uncertainty(model):
    est = model.estimate(model.anchors[0].values)
    assert est.high - est.low == pytest.approx(20)
    assert [d.var for d in est.drivers[:3]] == ["peers", "history", "attitudes"]
    assert all(d.if_best > 0 for d in est.drivers)
    assert est.drivers == sorted(est.drivers, key=lambda d: -d.contribution)
