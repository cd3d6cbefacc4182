"""The browser edition's figures, in a real headless Chromium on this machine (issue 18's targets).

    python benchmarks/web.py                    # build into a temp folder, 5 runs of each
    python benchmarks/web.py --out site --runs 9 --json -

* size: every file of the built folder (target: under 30 MB);
* cold start: a new browser profile each run (no HTTP cache, no service worker, no compiled
  WebAssembly kept), from navigation to `<body data-ready>` (the title shown; target ≤ 4 s);
* warm start: the same profile reloaded after a first visit (the service worker's cache and the
  browser's compiled code; target ≤ 1.5 s);
* choice to next text: from the click handler to the first frame after the new text is in the page,
  over every choice of each short story played by clicks (each click once the scene's choice delay
  is over, so the delay is not counted), `--plays` times in a fresh page (so the
  first choice's one-off costs are counted every time; target p95 ≤ 50 ms).

Times come from the page's own `performance.now()` marks (window.__nb.times), so Selenium's own
overhead is not counted. Medians (and the p95 of choices) are printed; the machine's load average
is printed beside them, since a busy machine slows every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [ROOT, os.path.join(ROOT, "tests", "web")]

from webtools import build_site, chrome, need_browser, serving, wait_ready  # noqa: E402


def folder_size(out: str) -> int:
    return sum(os.path.getsize(os.path.join(b, f)) for b, _d, fs in os.walk(out) for f in fs)


PHASES = ("script", "pyodide", "imported", "booted", "ready")


def ready_ms(driver) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The page's phase marks (ms from navigation): pyodide.js loaded, Pyodide started, the core
    imported, the story built, the title shown (`ready`)."""
    wait_ready(driver, 120)
    times = driver.execute_script("return window.__nb.times")
    return {k: float(times[k]) for k in PHASES if isinstance(times.get(k), (int, float))}


def cold(url: str, runs: int) -> list[dict[str, float]]:
    out = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as profile:
            d = chrome(profile=profile)
            try:
                d.get(url)
                out.append(ready_ms(d))
            finally:
                d.quit()
    return out


def warm(url: str, runs: int) -> list[dict[str, float]]:
    out = []
    with tempfile.TemporaryDirectory() as profile:
        d = chrome(profile=profile)
        try:
            d.get(url)
            ready_ms(d)
            # the service worker caches the folder on its first visit; wait until it controls the page
            d.refresh()
            ready_ms(d)
            d.execute_async_script("const done = arguments[arguments.length - 1];"
                                   "navigator.serviceWorker.ready.then(() => done(true));")
            for _ in range(runs):
                d.refresh()
                out.append(ready_ms(d))
        finally:
            d.quit()
    return out


def choices(url: str, campaign: str, offset: int = 0) -> list[float]:
    from selenium.webdriver.common.by import By
    d = chrome(choice_delay=None)  # the page as a player has it, with its choice delay
    try:
        d.get(url)
        wait_ready(d, 120)
        d.find_element(By.CSS_SELECTOR, f"[data-campaign='{campaign}']").click()
        (d.find_elements(By.CSS_SELECTOR, "[data-profile]") or d.find_elements(By.CSS_SELECTOR, "#start"))[0].click()
        for step in range(400):
            if d.find_elements(By.ID, "end-title"):
                break
            # the page's own choice delay (0.5 s before a new scene's choices count) is waited out first, so
            # the time from the click to the next text never includes it
            deadline = time.time() + 10
            while d.find_elements(By.CSS_SELECTOR, "#choices button[aria-disabled]") and time.time() < deadline:
                time.sleep(0.02)
            buttons = d.find_elements(By.CSS_SELECTOR, "#choices button")
            n = d.execute_script("return window.__nb.times.choices.length")
            buttons[(step + offset) % len(buttons)].click()
            deadline = time.time() + 10
            while d.execute_script("return window.__nb.times.choices.length") == n and time.time() < deadline:
                time.sleep(0.005)
        return [float(x) for x in d.execute_script("return window.__nb.times.choices")]
    finally:
        d.quit()


def phases(runs: list[dict[str, float]]) -> dict[str, int]:
    return {k: round(statistics.median(r[k] for r in runs)) for k in PHASES if all(k in r for r in runs)}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="an existing build to measure (default: build into a temp folder)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--campaign", action="append", help="stories whose choices are timed (default both short ones)")
    ap.add_argument("--plays", type=int, default=3,
                    help="times each story is played for the choice timings (0: start-up only)")
    ap.add_argument("--json", metavar="FILE", help="also write the figures as JSON ('-': stdout)")
    args = ap.parse_args(argv)
    try:
        need_browser()
    except BaseException as exc:  # pytest's Skipped: say why and stop
        print(f"web benchmark: cannot run: {exc}", file=sys.stderr)
        return 2
    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory()
        out = build_site(os.path.join(tmp.name, "site"))
    load = os.getloadavg()[0]
    with serving(out) as url:
        cold_runs = cold(url, args.runs)
        warm_runs = warm(url, args.runs)
        cold_ms = [r["ready"] for r in cold_runs]
        warm_ms = [r["ready"] for r in warm_runs]
        choice_ms: list[float] = []
        for camp in args.campaign or ["resident_short", "officer_short"]:
            for play in range(args.plays):
                choice_ms += choices(url, camp, play)
    figures = {
        "size_mb": round(folder_size(out) / 1e6, 2),
        "cold_start_ms": {"median": round(statistics.median(cold_ms)), "runs": [round(x) for x in cold_ms],
                          "phases": phases(cold_runs)},
        "warm_start_ms": {"median": round(statistics.median(warm_ms)), "runs": [round(x) for x in warm_ms],
                          "phases": phases(warm_runs)},
        "choice_ms": {"median": round(statistics.median(choice_ms), 1), "p95": round(p95(choice_ms), 1),
                      "count": len(choice_ms)} if choice_ms else None,
        "load_average": [round(load, 2), round(os.getloadavg()[0], 2)],
        "cpus": os.cpu_count(),
    }
    print(f"size of the built folder: {figures['size_mb']} MB (target < 30)")
    print(f"cold start to title: median {figures['cold_start_ms']['median']} ms over {args.runs} (target ≤ 4000)")
    print(f"warm start to title: median {figures['warm_start_ms']['median']} ms over {args.runs} (target ≤ 1500)")
    for name in ("cold", "warm"):
        marks = figures[f"{name}_start_ms"]["phases"]  # type: ignore[index]
        print(f"  {name} phases (median ms from navigation): " + ", ".join(f"{k} {v}" for k, v in marks.items()))
    if figures["choice_ms"]:
        print(f"choice to next text: median {figures['choice_ms']['median']} ms, p95 {figures['choice_ms']['p95']} ms "
              f"over {len(choice_ms)} choices (target p95 ≤ 50)")
    print(f"machine: {figures['cpus']} CPUs, load average {figures['load_average'][0]} before, "
          f"{figures['load_average'][1]} after")
    if args.json:
        text = json.dumps(figures, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
