"""The game in a real X11 window (under Xvfb): the main screens at 1280x720 and 1920x1080 are not
blank and no text runs outside its box. `.ci/run` installs Xvfb; without it this test is skipped
unless NEIGHBOUR_REQUIRE_XVFB=1 (which CI sets)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from storytools import ROOT
from uitools import content_dirs


@pytest.fixture(scope="module")
def display():
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("NEIGHBOUR_REQUIRE_XVFB") == "1":
            pytest.fail("Xvfb is required here but not installed")
        pytest.skip("Xvfb is not installed (CI installs it)")
    number = next(n for n in range(140, 200) if not os.path.exists(f"/tmp/.X{n}-lock"))
    proc = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if os.path.exists(f"/tmp/.X11-unix/X{number}"):
            break
        time.sleep(0.1)
    yield f":{number}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_real_window_screens(display, size, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SDL_VIDEODRIVER"}
    env.update(DISPLAY=display, SDL_AUDIODRIVER="dummy", SDL_VIDEO_WINDOW_POS="0,0")
    out = subprocess.run([sys.executable, os.path.join(ROOT, "tests", "realwindow_driver.py"), str(tmp_path),
                          str(size[0]), str(size[1]), content_dirs()[0]], env=env, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["driver"] == "x11"
    assert report["size"] == list(size)
    assert len(report["shots"]) >= 6 and all(os.path.getsize(p) > 10_000 for p in report["shots"])
    assert report["problems"] == []
