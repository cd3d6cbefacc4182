"""The measurements behind `benchmarks/run.py`, each run in a fresh process of its own.

    python benchmarks/probes.py PROBE WORK_DIR      # prints one JSON object

Every probe repeats its measurement and returns all the samples; run.py takes the medians. Times
spent computing are process CPU time (`time.process_time`), which other programs on a shared
machine do not inflate; start-up is wall time, since waiting for the disk is part of starting.
"""

from __future__ import annotations

import gc
import json
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_content import EXAMPLE, WORLD, write_day_story  # noqa: E402

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

FULL_HD = (1920, 1080)


def peak_rss_mb() -> float:
    """The process's peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource  # pragma: no cover - not Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of the values."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def playable_dirs() -> list[str]:
    """The shipped content, or the shipped world with docs/example while the story has errors."""
    from game.core.load.cache import load_cached
    from game.core.paths import content_dir
    shipped = [content_dir()]
    return shipped if load_cached(shipped)[0].report.ok else WORLD + [EXAMPLE]


def _app(dirs: list[str], **options):
    from game.ui.app import App
    from game.ui.options import Options
    from game.ui.settings import Settings
    return App(dirs, Options(**options), settings=Settings(choice_delay=0.0))  # probes press at once


# -- frame cost ------------------------------------------------------------------------------------
def frame(work: str, frames: int = 400) -> dict:
    """CPU ms of App.draw() on the day screen at 1920x1080 with a full page of text."""
    app = _app(WORLD + [write_day_story(os.path.join(work, "day"))], size=FULL_HD)
    app.new_game("bench_day", seed=1)
    while type(app.top).__name__ != "DayScreen":  # a content note or similar first
        app.top.activate(0)
    day = app.top
    out = {}
    for name, rebuild in (("rebuilt", True), ("normal", False)):
        samples = []
        for i in range(frames + 20):
            if rebuild:
                day.static = None           # what a scroll or a focus change inside the text costs
            day.focus = i % len(day.buttons)  # focus moves: the buttons are drawn differently
            app.dirty = True
            t = time.process_time()
            app.draw()
            if i >= 20:                      # the first frames fill the caches
                samples.append((time.process_time() - t) * 1000)
        out[name] = samples
    return out


# -- CPU while nothing happens -----------------------------------------------------------------------
def idle(work: str, mode: str = "play", seconds: float = 5.0) -> dict:
    """Share of one core the real loop uses while the title screen (or the attract loop) is still."""
    dirs = playable_dirs() if mode == "play" else WORLD + [EXAMPLE]
    app = _app(dirs, size=FULL_HD, mode=mode)
    for _ in range(3):
        app.step(wait=False)
    frames = app.frames
    cpu, wall = time.process_time(), time.monotonic()
    while time.monotonic() - wall < seconds:
        app.step()
    cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    return {"cpu_share": cpu / wall, "seconds": wall, "frames": app.frames - frames,
            "screen": type(app.top).__name__, "content": "shipped" if len(dirs) == 1 else "world + docs/example"}


# -- loading ---------------------------------------------------------------------------------------
def load(work: str, sizes: tuple[int, ...] = (1000, 5000, 10000), repeat: int = 5) -> dict:
    """CPU ms to load and check generated stories from YAML, and from the compiled cache + build."""
    from gen_story import write_story
    from game.core.load.cache import load_cached
    from game.core.load.build import build
    from game.core.load.loader import load_sources
    out = {}
    for n in sizes:
        folder = os.path.join(work, f"gen{n}")
        write_story(folder, n)
        dirs = WORLD + [folder]
        cache = os.path.join(work, f"cache{n}")
        loaded, _ = load_cached(dirs, cache)   # warms the cache, and the disk
        assert loaded.report.ok, loaded.report.format()
        del loaded
        source, cached = [], []
        for _ in range(repeat):
            gc.collect()  # so that freeing the previous run's objects is not counted in this one
            t = time.process_time()
            loaded = load_sources(dirs)
            source.append((time.process_time() - t) * 1000)
            del loaded
            gc.collect()
            t = time.process_time()
            loaded, hit = load_cached(dirs, cache)
            content = build(loaded.data)
            assert len(content.scenes.values()) >= n  # every scene built (the game builds each when first shown)
            cached.append((time.process_time() - t) * 1000)
            assert hit
            del loaded, content
        out[str(n)] = {"source": source, "cache": cached}
    return out


# -- playing ---------------------------------------------------------------------------------------
def playthrough(work: str, games: int = 300, repeat: int = 5) -> dict:
    """Random playthroughs of the 1,000-scene story: choices per CPU second, after 100 games to warm up."""
    from gen_story import write_story
    from game.core.load.build import build
    from game.core.load.loader import load_sources
    from game.core.play.simulate import make_policy, play_once
    folder = os.path.join(work, "gen1000")
    write_story(folder, 1000)
    content = build(load_sources(WORLD + [folder]).data)
    for seed in range(-100, 0):  # rules compile the first time they run: measure the steady state
        play_once(content, "generated", seed, make_policy("random", content, random.Random(seed)))
    rates = []
    for r in range(repeat):
        made = 0
        t = time.process_time()
        for i in range(games):
            seed = r * games + i
            _, taken = play_once(content, "generated", seed, make_policy("random", content, random.Random(seed)))
            made += len(taken)
        rates.append(made / (time.process_time() - t))
    return {"choices_per_s": rates, "choices_per_game": made / games}


# -- memory --------------------------------------------------------------------------------------------
def memory(work: str, seed: int = 7) -> dict:
    """Peak RSS over one whole playthrough at 1920x1080, played by posting keys to the window."""
    import pygame

    from game.core.play.campaigns import campaign_for_role
    dirs = playable_dirs()
    app = _app(dirs, size=FULL_HD)
    app.step(wait=False)
    at_title = peak_rss_mb()
    content = app.content
    campaign = campaign_for_role(content, "resident") or next(iter(content.campaigns))
    app.new_game(campaign, seed=seed)
    rng = random.Random(seed)
    steps = 0
    while app.play is not None and app.play.engine.status != "ending":
        steps += 1
        if steps > 20000:
            raise RuntimeError("the playthrough did not end")
        top = app.top
        n = len(getattr(top, "offered", ())) or 1
        digit = pygame.K_1 + rng.randrange(min(n, 9))
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=digit, mod=0, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=digit, mod=0, unicode="", scancode=0))
        app.step(wait=False)
    app.step(wait=False)
    return {"peak_mb": peak_rss_mb(), "at_title_mb": at_title, "steps": steps,
            "content": "shipped" if len(dirs) == 1 else "world + docs/example", "campaign": campaign,
            "days": app.play.engine.state.day if app.play else None}


PROBES = {"frame": frame, "idle": idle, "idle_kiosk": lambda work: idle(work, "kiosk", 10.0), "load": load,
          "playthrough": playthrough, "memory": memory}


def main() -> None:
    name, work = sys.argv[1], sys.argv[2]
    result = PROBES[name](work)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
