"""Run by test_durable_saves.py: save a growing, changing game state in a loop until killed.

    python tests/save_writer.py FOLDER FIRST_COUNTER

Every state is a pure function of its counter (`state_for`), so the test can tell whether what it
loads after a kill is exactly one of the states written here, and not a mixture of two.
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from game.core.play.saves import SaveStore  # noqa: E402
from game.core.play.state import GameState  # noqa: E402


def state_for(counter: int) -> GameState:
    """A state that grows with the counter (a longer history, more flags and days) and changes."""
    st = GameState(campaign="resident", seed=counter * 7919 % 100_003, profile="sander")
    st.step = counter
    st.day = 1 + counter // 5
    st.status = ("scene", "day_end", "block_end")[counter % 3]
    st.scene = f"scene_{counter % 41}"
    st.vars = {"counter": counter, "visits": counter % 9, "rota": counter % 2 == 0, "mood": f"m{counter % 5}"}
    st.flags = {f"flag_{i}" for i in range(counter % 60)}
    st.seen = {f"scene_{i}": 1 + i % 3 for i in range(counter % 80)}
    st.subject = {"wellbeing": float(counter % 101), "trust": 100.0 - counter % 101, "education": 33.5}
    st.history = [{"day": 1 + i // 5, "scene": f"scene_{i % 41}", "choice": f"c{i % 3}",
                   "risk_before": 40.0 + i % 7, "risk_after": 40.5 + i % 7} for i in range(min(counter, 400))]
    st.days = [{"day": d, "note": "x" * (d % 50)} for d in range(min(counter // 5, 120))]
    return st


def main() -> None:
    folder, counter = sys.argv[1], int(sys.argv[2])
    first = counter
    store = SaveStore(folder)
    print("ready", flush=True)
    while True:
        store.save("autosave", state_for(counter), {"day": counter})
        if counter == first:
            print("saved", flush=True)  # the test kills only after this, so every kill follows a save
        counter += 1


if __name__ == "__main__":
    main()
