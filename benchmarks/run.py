"""Measure Neighbour against its performance targets and print a table.

    python benchmarks/run.py              # everything, about two minutes
    python benchmarks/run.py --json OUT   # also write the figures as JSON (OUT may be '-')
    python benchmarks/run.py --only startup,frame

Each figure is the median of several runs, each probe in a fresh process, the window on SDL's dummy
driver. Machines are shared and noisy, so compare medians, not single runs. How each figure is taken
is described in docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench_content import ROOT  # noqa: E402
from probes import percentile  # noqa: E402

SECTIONS = ("startup", "frame", "screen", "idle", "load", "playthrough", "memory")

# What `python main.py --size WxH` does, up to its first frame: the time of the first
# pygame.display.flip is printed and the process ends there.
STARTUP = r"""
import os, sys, time
import pygame
def first_frame(*args):
    sys.stdout.write(f"FRAME {time.monotonic()!r}\n")
    sys.stdout.flush()
    os._exit(0)
pygame.display.flip = first_frame
sys.argv = ["main.py"] + sys.argv[1:]
from game.cli import main
main()
"""
FLOOR = "import pygame, yaml\nimport sys, time\nsys.stdout.write(f'FRAME {time.monotonic()!r}\\n')\n"


def child_env(work: str, cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # players run with compiled bytecode, as pip installs it
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               NEIGHBOUR_HOME=os.path.join(work, "home"), NEIGHBOUR_CACHE=cache,
               PYTHONPATH=ROOT + os.pathsep + HERE)
    return env


def time_to_frame(code: str, args: list[str], env: dict[str, str]) -> float:
    """Milliseconds from starting a Python process to the moment it reports its first frame."""
    start = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("FRAME ")), None)
    if line is None:
        raise RuntimeError(f"no frame drawn:\n{out.stdout}\n{out.stderr}")
    return (float(line.split()[1]) - start) * 1000


def startup(work: str, runs: int) -> dict:
    """Start-up with warm and cold caches, and the floor, interleaved so that noise hits them all.

    The window is 1600x900, what `python main.py` opens on a 1920x1080 desktop; full screen at
    1920x1080 is measured too.
    """
    from probes import playable_dirs
    dirs = playable_dirs()
    args = [] if len(dirs) == 1 else ["--no-shipped"] + [a for d in dirs for a in ("--content", d)]
    default, full = ["--size", "1600x900"] + args, ["--size", "1920x1080", "--fullscreen"] + args
    warm_env = child_env(work, os.path.join(work, "warm-cache"))
    for _ in range(2):  # fills the caches (and writes any missing bytecode)
        time_to_frame(STARTUP, default, warm_env)
        time_to_frame(STARTUP, full, warm_env)
    samples: dict[str, list[float]] = {"warm": [], "cold": [], "floor": [], "full": []}
    for i in range(runs):
        samples["floor"].append(time_to_frame(FLOOR, [], warm_env))
        samples["warm"].append(time_to_frame(STARTUP, default, warm_env))
        samples["full"].append(time_to_frame(STARTUP, full, warm_env))
        cold_env = child_env(work, os.path.join(work, f"cold-cache-{i}"))
        samples["cold"].append(time_to_frame(STARTUP, default, cold_env))
    samples["content"] = "shipped" if len(dirs) == 1 else "world + docs/example"  # type: ignore[assignment]
    return samples


def probe(name: str, work: str) -> dict:
    env = child_env(work, os.path.join(work, "probe-cache"))
    out = subprocess.run([sys.executable, os.path.join(HERE, "probes.py"), name, work], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError(f"probe {name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def med(values: list[float]) -> float:
    return statistics.median(values)


def measure(sections: list[str], runs: int, work: str) -> list[dict]:
    """Rows of figures: name, value, unit, target and whether it is met."""
    rows: list[dict] = []

    def row(name: str, value: float, unit: str, target: float | None = None, higher: bool = False,
            note: str = "") -> None:
        ok = None if target is None else (value >= target if higher else value <= target)
        rows.append({"name": name, "value": round(value, 3), "unit": unit, "target": target,
                     "target_is_minimum": higher, "ok": ok, "note": note})

    if "startup" in sections:
        s = startup(work, runs)
        floor = med(s["floor"])
        row("start-up to the first frame, warm caches", med(s["warm"]), "ms", round(2 * floor, 1),
            note="1600x900 window; target 2x the floor")
        row("start-up, cold caches", med(s["cold"]), "ms", note="first run after installing or editing")
        row("start-up, warm, full screen 1920x1080", med(s["full"]), "ms")
        row("floor: python -c 'import pygame, yaml'", floor, "ms")
        row("start-up / floor", med(s["warm"]) / floor, "x", 2.0)
    if "frame" in sections:
        f = probe("frame", work)
        for key, label in (("rebuilt", "static layer rebuilt"), ("normal", "normal redraw")):
            row(f"day screen 1920x1080, {label}: median", med(f[key]), "ms", 4.0)
            row(f"day screen 1920x1080, {label}: p99", percentile(f[key], 99), "ms", 12.0)
    if "screen" in sections:
        env = child_env(work, os.path.join(work, "screen-cache"))
        runs_out = []
        for _ in range(2):  # the first run renders the pictures into the disk cache, as a first game does
            out = subprocess.run([sys.executable, os.path.join(HERE, "screen_change.py"), work], cwd=ROOT, env=env,
                                 capture_output=True, text=True, timeout=900)
            if out.returncode != 0:
                raise RuntimeError(f"screen change probe failed:\n{out.stderr}")
            runs_out.append(json.loads(out.stdout.strip().splitlines()[-1]))
        sc = runs_out[-1]
        n = len(sc["cpu_ms"])
        note = (f"key press to the new screen's first frame, 1920x1080, {n} changes; CPU time; "
                f"wall {med(sc['wall_ms']):.0f} ms median, {percentile(sc['wall_ms'], 95):.0f} ms p95")
        row("screen change: median", med(sc["cpu_ms"]), "ms", 50.0, note=note)
        row("screen change: p95", percentile(sc["cpu_ms"], 95), "ms", 50.0,
            note=f"first game, cold picture cache: {percentile(runs_out[0]['cpu_ms'], 95):.0f} ms p95")
    if "idle" in sections:
        for name, label in (("idle", "title screen, still"), ("idle_kiosk", "kiosk attract loop")):
            shares = [probe(name, work)["cpu_share"] * 100 for _ in range(max(1, runs // 2))]
            row(f"CPU, {label}", med(shares), "% of a core", 2.0)
    if "load" in sections:
        figures = probe("load", work)
        for n, f in figures.items():
            per = 1000 / int(n)
            row(f"load+check {int(n):,} scenes from YAML", med(f["source"]), "ms",
                400.0 if n == "1000" else None, note=f"{med(f['source']) * per:.0f} ms per 1,000 scenes")
            row(f"load {int(n):,} scenes from the cache + build", med(f["cache"]), "ms",
                50.0 if n == "1000" else None, note=f"{med(f['cache']) * per:.1f} ms per 1,000 scenes")
    if "playthrough" in sections:
        p = probe("playthrough", work)
        row("random playthroughs, 1,000-scene story", med(p["choices_per_s"]), "choices/s", 60000, higher=True,
            note=f"{p['choices_per_game']:.0f} choices a game")
    if "memory" in sections:
        peaks = [probe("memory", work) for _ in range(3)]  # the first renders the pictures: a cold cache
        row("peak memory, whole playthrough at 1920x1080", med([p["peak_mb"] for p in peaks]), "MB", 150.0,
            note=f"{peaks[0]['content']} content, {peaks[0]['days']} days; "
                 f"{peaks[0]['peak_mb']:.0f} MB with a cold picture cache")
    return rows


def machine() -> dict:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    env = child_env(tempfile.gettempdir(), tempfile.gettempdir())
    versions = subprocess.run([sys.executable, "-c", "import pygame, yaml; print(pygame.version.ver, "
                               "'.'.join(map(str, pygame.get_sdl_version())), yaml.__version__)"],
                              env=env, capture_output=True, text=True).stdout.split()
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "pygame_ce": versions[0] if versions else "?", "sdl": versions[1] if len(versions) > 1 else "?",
            "pyyaml": versions[2] if len(versions) > 2 else "?", "os": platform.platform(),
            "date": datetime.date.today().isoformat()}


def table(rows: list[dict], info: dict, runs: int) -> str:
    lines = [f"Neighbour benchmarks, {info['date']}: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
             f"pygame-ce {info['pygame_ce']}, SDL {info['sdl']}",
             f"Medians of {runs} runs (fewer for the slow ones); times spent computing are CPU time.", ""]
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        target = "" if r["target"] is None else (">= " if r["target_is_minimum"] else "<= ") + f"{r['target']:,g}"
        mark = {True: "ok", False: "OVER", None: ""}[r["ok"]]
        value = f"{r['value']:,.0f}" if abs(r["value"]) >= 1000 else f"{r['value']:,.2f}"
        lines.append(f"{r['name']:<{width}}  {value:>10} {r['unit']:<12} {target:>10}  {mark:<4}  {r['note']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", metavar="OUT", help="write the figures as JSON to OUT ('-' for the screen)")
    ap.add_argument("--only", help=f"comma-separated sections: {', '.join(SECTIONS)}")
    ap.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    args = ap.parse_args(argv)
    sections = args.only.split(",") if args.only else list(SECTIONS)
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")
    with tempfile.TemporaryDirectory(prefix="neighbour-bench-") as work:
        rows = measure(sections, args.runs, work)
    info = machine()
    text = table(rows, info, args.runs)
    if args.json == "-":
        print(json.dumps({"machine": info, "runs": args.runs, "figures": rows}, indent=2))
    else:
        print(text)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as fh:
                json.dump({"machine": info, "runs": args.runs, "figures": rows}, fh, indent=2)
    return 0 if all(r["ok"] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
