"""Saves survive the game being killed at any moment, and a broken save is never lost.

The first test starts a process that saves a growing state in a loop and kills it (SIGKILL, no
chance to clean up) at random moments, 200 times: after every kill the last good save loads, and it
is exactly one of the states the process wrote, never half of one. The others damage a real save in
every way a disk, a crash or a downgrade can (cut short at every length, single flipped bits, a
newer format) and check that each gets a plain message and is moved aside, never deleted or
overwritten (tests/test_broken_files.py has one case of each kind; these are exhaustive).
"""

from __future__ import annotations

import glob
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from game.core.play.saves import SaveStore, encode, load_file
from game.core.play.state import SAVE_VERSION
from save_writer import state_for
from storytools import ROOT

WRITER = os.path.join(ROOT, "tests", "save_writer.py")
KILLS = int(os.environ.get("NEIGHBOUR_SAVE_KILLS", "200"))
PLAIN_WORDS = ("empty", "damaged", "cut short", "not a Neighbour save", "newer version", "old version",
               "missing", "no format version")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def assert_plain(problem: str | None) -> None:
    assert problem and any(w in problem for w in PLAIN_WORDS), f"not a plain message: {problem!r}"
    assert "Error" not in problem and "Traceback" not in problem


@pytest.mark.slow
def test_the_last_good_save_always_loads_after_a_kill(tmp_path):
    folder = str(tmp_path / "saves")
    store = SaveStore(folder)
    store.save("autosave", state_for(0))
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    last, landed_mid_write = 0, 0
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, WRITER, folder, str(last + 1)], stdout=subprocess.PIPE,
                                 env=env, cwd=ROOT)
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        assert child.stdout.readline() == b"saved\n"  # its first save is done: the kill lands after it,
        time.sleep(rng.uniform(0.0, 0.03))  # during a later save or between two, however loaded the machine
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        landed_mid_write += bool(glob.glob(os.path.join(folder, f".autosave.json.{child.pid}.tmp")))
        result = store.load("autosave")
        assert result.state is not None, f"kill {kill}: {result.problem}"
        counter = result.state.vars["counter"]
        assert counter >= last, f"kill {kill}: the save went back from {last} to {counter}"
        assert result.state.to_dict() == state_for(counter).to_dict(), f"kill {kill}: state {counter} is mixed"
        last = counter
    assert last >= KILLS, "a kill lost a save the writer had finished"
    assert not glob.glob(os.path.join(folder, "*.broken-*")), "a good save was moved aside"
    assert len(glob.glob(os.path.join(folder, ".*.tmp"))) <= 1, "half-written files pile up"
    print(f"\n{KILLS} kills in {time.monotonic() - started:.1f} s, {last} saves, "
          f"{landed_mid_write} kills left a half-written temporary file")


def good_save(tmp_path) -> tuple[SaveStore, bytes]:
    store = SaveStore(str(tmp_path / "saves"))
    store.save("slot1", state_for(57), {"day": 12})
    with open(store.path("slot1"), "rb") as fh:
        return store, fh.read()


def put(store: SaveStore, blob: bytes) -> None:
    with open(store.path("slot1"), "wb") as fh:
        fh.write(blob)


def test_a_save_cut_short_at_any_length_is_explained_and_kept(tmp_path):
    store, blob = good_save(tmp_path)
    lengths = sorted(set(range(300)) | set(range(len(blob) - 300, len(blob))) |
                     set(random.Random(3).sample(range(len(blob)), 200)))
    for n in lengths:
        put(store, blob[:n])
        result = store.load("slot1")
        assert result.state is None, f"a save cut at {n} of {len(blob)} bytes loaded"
        assert_plain(result.problem)
        assert not os.path.exists(store.path("slot1"))
        assert result.moved_to and open(result.moved_to, "rb").read() == blob[:n]
        os.remove(result.moved_to)  # keeps the folder small for the next length


def test_a_flipped_bit_gives_the_same_state_or_a_plain_message(tmp_path):
    store, blob = good_save(tmp_path)
    original = state_for(57).to_dict()
    rng = random.Random(11)
    loaded = refused = 0
    for _ in range(400):
        damaged = bytearray(blob)
        damaged[rng.randrange(len(blob))] ^= 1 << rng.randrange(8)
        put(store, bytes(damaged))
        result = store.load("slot1")
        if result.state is not None:  # the bit fell in the label or the time it was saved
            assert result.state.to_dict() == original
            loaded += 1
            continue
        assert_plain(result.problem)
        assert result.moved_to and open(result.moved_to, "rb").read() == bytes(damaged)
        os.remove(result.moved_to)
        refused += 1
    assert refused > loaded


@pytest.mark.parametrize("damage", ["truncated", "corrupted", "empty", "newer"])
def test_saving_over_a_broken_save_moves_it_aside_first(tmp_path, damage):
    """A new game's autosave must not destroy a save the game could not read (a newer game's save
    after a downgrade, say): the broken file is moved aside, then the new one written."""
    store, blob = good_save(tmp_path)
    newer = encode(state_for(3)).replace(b'"version":%d' % SAVE_VERSION, b'"version":99')
    broken = {"truncated": blob[: len(blob) // 2], "corrupted": blob.replace(b'"m2"', b'"m3"'),
              "empty": b"", "newer": newer}[damage]
    put(store, broken)
    SaveStore(store.folder).save("slot1", state_for(58))  # the next time the game runs
    kept = glob.glob(store.path("slot1") + ".broken-*")
    assert len(kept) == 1 and open(kept[0], "rb").read() == broken
    assert store.load("slot1").state.to_dict() == state_for(58).to_dict()


def test_broken_saves_moved_in_the_same_second_keep_their_own_names(tmp_path):
    store, blob = good_save(tmp_path)
    moved = []
    for i in range(5):
        put(store, blob[: 10 + i])
        moved.append(store.load("slot1").moved_to)
    assert len(set(moved)) == 5
    assert [open(m, "rb").read() for m in moved] == [blob[: 10 + i] for i in range(5)]


def test_a_menu_peeking_at_a_broken_save_leaves_it_where_it_is(tmp_path):
    store, blob = good_save(tmp_path)
    put(store, blob[:-7])
    assert store.peek("slot1") is None
    assert open(store.path("slot1"), "rb").read() == blob[:-7]
    assert load_file(store.path("slot1")).moved_to  # only an attempt to load moves it
