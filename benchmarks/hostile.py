"""Time the hostile inputs of issue 13 that once hung or crashed: each must now take seconds at most.

    python benchmarks/hostile.py            # median of 3 runs of each case
    python benchmarks/hostile.py --runs 5

Each line is the median time of one case in this process (the window's text layout on SDL's dummy
driver). The cases and what each must give are tested in tests/hostile/; this only measures them.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import textwrap
import time
from typing import Callable

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.core.lint import lint  # noqa: E402
from game.core.load.ready import load_content  # noqa: E402
from game.core.paths import content_dir  # noqa: E402
from game.core.play.saves import SaveStore, encode  # noqa: E402

WORLD = [os.path.join(content_dir(), "model.yaml"), os.path.join(content_dir(), "world"),
         os.path.join(content_dir(), "ui")]
CORPUS = os.path.join(ROOT, "tests", "corpus")

SQUARE = """
variables:
  n: {type: number, default: 2}
scenes:
  sq:
    text: A.
    choices: [{text: Square, do: ["n = n * n"], goto: end}]
campaigns:
  sq:
    role: resident
    title: S
    summary: S
    profiles: [{id: p, name: P, summary: S, start: {}}]
    calendar: [{phase: remand, days: 60, slots: {m: sq}}]
    endings: [{id: e, title: E, text: E}]
"""


def cases(folder: str) -> dict[str, Callable[[], object]]:
    import pygame
    from game.ui.text import Fonts, wrap
    pygame.font.init()
    font = Fonts().get(28)
    story = os.path.join(folder, "square.yaml")
    with open(story, "w", encoding="utf-8") as fh:
        fh.write(textwrap.dedent(SQUARE))
    pipe = os.path.join(folder, "pipe")
    os.makedirs(pipe, exist_ok=True)
    if hasattr(os, "mkfifo") and not os.path.exists(os.path.join(pipe, "a.yaml")):
        os.mkfifo(os.path.join(pipe, "a.yaml"))
    store = SaveStore(os.path.join(folder, "saves"))
    os.makedirs(store.folder, exist_ok=True)
    doc = json.loads(encode(load_state(), {"campaign": "W" * 100_000}))
    with open(store.path("autosave"), "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
    deep = os.path.join(folder, "settings.json")
    with open(deep, "w", encoding="utf-8") as fh:
        fh.write("[" * 100_000 + "]" * 100_000)
    from game.ui.settings import Settings
    return {
        "wrap a 4,000-character word": lambda: wrap("x" * 4000, font, 900),
        "wrap a 100,000-character word": lambda: wrap("x" * 100_000, font, 900),
        "lint tests/corpus/dead_end.yaml (150 runs)": lambda: lint(WORLD + [os.path.join(CORPUS, "dead_end.yaml")]),
        "lint n = n * n, 60 days (150 runs)": lambda: lint(WORLD + [story]),
        "load content with a FIFO named .yaml": lambda: load_content(WORLD + [pipe], use_cache=False),
        "peek an autosave with a 100,000-character label": lambda: store.peek("autosave"),
        "read a settings.json nested 100,000 deep": lambda: Settings.load(deep),
    }


def load_state():  # a small state, as tests/save_writer.py makes
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    from save_writer import state_for
    return state_for(3)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args()
    logging.disable(logging.WARNING)  # the refusals are logged; only the times are wanted here
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NEIGHBOUR_HOME"] = os.path.join(folder, "home")
        os.environ["NEIGHBOUR_CACHE"] = os.path.join(folder, "cache")
        for name, case in cases(folder).items():
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                case()
                times.append(time.perf_counter() - started)
            print(f"{statistics.median(times):8.3f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
