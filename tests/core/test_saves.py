"""Saves round-trip exactly, are written atomically, and are versioned."""

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from game.core.files import write_atomic
from game.core.play.saves import SaveStore, decode, encode
from game.core.play.state import OLDEST_READABLE, SAVE_VERSION, GameState, SaveFormatError

names = st.text(alphabet="abcdefghij_", min_size=1, max_size=8)
numbers = st.floats(min_value=0, max_value=100, allow_nan=False)
states = st.builds(
    GameState,
    campaign=names, seed=st.integers(0, 2**31), profile=st.one_of(st.none(), names),
    step=st.integers(0, 10**6), day=st.integers(1, 400),
    status=st.sampled_from(["scene", "day_end", "block_end", "ending"]),
    scene=st.one_of(st.none(), names),
    # rules keep a number within its range (at most 1e9 undeclared), so a save never holds a longer one
    vars=st.dictionaries(names, st.one_of(st.integers(-10**15, 10**15), st.booleans(), names)),
    flags=st.sets(names), seen=st.dictionaries(names, st.integers(1, 9)),
    subject=st.one_of(st.none(), st.dictionaries(names, numbers)),
    chars=st.dictionaries(names, st.dictionaries(names, numbers)),
    today=st.lists(names), principles=st.dictionaries(names, st.lists(st.integers(0, 9), min_size=2, max_size=2)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(states)
def test_any_state_round_trips_through_a_save(state):
    again, label = decode(encode(state, {"title": "x"}))
    assert again.to_dict() == state.to_dict() and label["title"] == "x"


def test_saves_carry_their_version_and_refuse_newer_ones():
    state = GameState(campaign="c", seed=1)
    doc = json.loads(encode(state))
    assert doc["version"] == SAVE_VERSION and doc["state"]["version"] == SAVE_VERSION
    assert OLDEST_READABLE <= SAVE_VERSION
    body = state.to_dict()
    body["version"] = SAVE_VERSION + 1
    with pytest.raises(SaveFormatError, match="newer version"):
        GameState.from_dict(body)
    body["version"] = OLDEST_READABLE - 1
    with pytest.raises(SaveFormatError, match="old version"):
        GameState.from_dict(body)


@pytest.mark.parametrize("field, value", [("day", "three"), ("flags", "x"), ("status", "dancing"),
                                          ("subject", {"trust": "high"}), ("seed", True)])
def test_wrongly_typed_fields_are_refused(field, value):
    body = GameState(campaign="c", seed=1).to_dict()
    body[field] = value
    with pytest.raises(SaveFormatError, match="damaged"):
        GameState.from_dict(body)


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "x.json"
    write_atomic(str(target), b"one")
    write_atomic(str(target), b"two")
    assert target.read_bytes() == b"two" and os.listdir(tmp_path) == ["x.json"]


def test_store_slots(tmp_path):
    store = SaveStore(str(tmp_path / "saves"))
    assert store.peek("slot1") is None and not store.exists("autosave")
    store.save("slot2", GameState(campaign="c", seed=3), {"day": 4})
    assert store.peek("slot2")["day"] == 4
    assert store.load("slot2").state.seed == 3
    with pytest.raises(ValueError):
        store.path("../etc/passwd")
