"""Screen change: from a key press to the new screen's first frame, at 1920x1080.

    python benchmarks/screen_change.py [WORK_DIR]     # prints one JSON object

A whole playthrough of the shipped story is played by posting a fresh key press (down and up) to
the window, as a player would; each press that changes the screen is timed from just before the
key is posted to the end of the `pygame.display.flip` that shows the new screen. Both wall time
(what the player waits) and process CPU time (what other programs on a shared machine do not
inflate) are recorded. `benchmarks/run.py` reports the median and the 95th percentile.
"""

from __future__ import annotations

import json
import os
import random
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def measure(seed: int = 3, games: int = 2) -> dict:
    import pygame

    from probes import FULL_HD, _app, playable_dirs
    from game.core.play.campaigns import campaign_for_role

    dirs = playable_dirs()
    app = _app(dirs, size=FULL_HD)
    flips: list[tuple[float, float]] = []
    real_flip = pygame.display.flip

    def flip() -> None:
        real_flip()
        flips.append((time.perf_counter(), time.process_time()))

    pygame.display.flip = flip
    app.step(wait=False)
    content = app.content
    campaign = campaign_for_role(content, "resident") or next(iter(content.campaigns))
    wall: list[float] = []
    cpu: list[float] = []
    kinds: dict[str, int] = {}
    rng = random.Random(seed)
    for game in range(games):
        app.new_game(campaign, seed=seed + game)
        app.step(wait=False)
        steps = 0
        while app.play is not None and app.play.engine.status != "ending":
            steps += 1
            if steps > 20000:
                raise RuntimeError("the playthrough did not end")
            top = app.top
            n = len(getattr(top, "offered", ())) or 1
            digit = pygame.K_1 + rng.randrange(min(n, 9))
            before = app.changes
            del flips[:]
            t_wall, t_cpu = time.perf_counter(), time.process_time()
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=digit, mod=0, unicode="", scancode=0))
            pygame.event.post(pygame.event.Event(pygame.KEYUP, key=digit, mod=0, unicode="", scancode=0))
            app.step(wait=False)
            if app.changes != before and app.shown == app.changes and flips:
                end_wall, end_cpu = flips[0]
                wall.append((end_wall - t_wall) * 1000)
                cpu.append((end_cpu - t_cpu) * 1000)
                name = type(app.top).__name__
                kinds[name] = kinds.get(name, 0) + 1
            while app.animating:  # let a fade finish before the next press, as a player would see it
                app.step(wait=False)
    return {"wall_ms": wall, "cpu_ms": cpu, "screens": kinds, "campaign": campaign,
            "content": "shipped" if len(dirs) == 1 else "world + docs/example"}


def main() -> None:
    work = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="neighbour-bench-")
    os.environ.setdefault("NEIGHBOUR_HOME", os.path.join(work, "home"))
    os.environ.setdefault("NEIGHBOUR_CACHE", os.path.join(work, "cache"))
    print(json.dumps(measure()))


if __name__ == "__main__":
    main()
