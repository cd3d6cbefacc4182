"""How fast a kiosk ends on SIGTERM (a service stopped, a logout, a shutdown), and how fast it starts.

    python benchmarks/kiosk_stop.py [--runs 7]

Each run starts `main.py --kiosk` on SDL's dummy driver in a fresh user folder (so the first start
also compiles the story and keeps the last good copy), waits for the log's "kiosk started", waits
half a second more, sends SIGTERM and times the exit. Prints the medians: start to "kiosk started",
SIGTERM to exit (the target is under one second), and the exit status (143 = 128 + SIGTERM).
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def one(folder: str) -> tuple[float, float, int]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", NEIGHBOUR_HOME=folder,
               NEIGHBOUR_CACHE=os.path.join(folder, "cache"), PYGAME_HIDE_SUPPORT_PROMPT="1")
    log = os.path.join(folder, "logs", "neighbour.log")
    began = time.monotonic()
    proc = subprocess.Popen([sys.executable, os.path.join(ROOT, "main.py"), "--kiosk", "--size", "800x600"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None:
            try:
                with open(log, encoding="utf-8", errors="replace") as fh:
                    if "kiosk started" in fh.read():
                        break
            except OSError:
                pass
            time.sleep(0.02)
        started = time.monotonic() - began
        time.sleep(0.5)
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        status = proc.wait(timeout=30)
        return started, time.monotonic() - sent, status
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    args = p.parse_args()
    starts, stops, statuses = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            s, t, code = one(folder)
        starts.append(s)
        stops.append(t)
        statuses.append(code)
    print(f"kiosk start to 'kiosk started' (first start, cold cache): median {statistics.median(starts):.2f} s")
    print(f"SIGTERM to exit: median {statistics.median(stops) * 1000:.0f} ms, "
          f"max {max(stops) * 1000:.0f} ms over {args.runs} runs")
    print(f"exit statuses: {sorted(set(statuses))}")
    return 0 if max(stops) < 1.0 and set(statuses) == {128 + signal.SIGTERM} else 1


if __name__ == "__main__":
    sys.exit(main())
