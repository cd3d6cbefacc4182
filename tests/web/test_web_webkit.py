"""The browser edition in WebKit, the engine of Safari and of every browser on an iPad: WebKitGTK's
own WebDriver (Debian's `webkit2gtk-driver`, which CI installs) drives its MiniBrowser in a virtual
screen (Xvfb). A class plays the resident's lesson to the end by keyboard, the result the page would
download is read by `report`, and the ending shows its formula and its figures' caveats and sources.

This is WebKitGTK on Linux, not Safari on iPadOS: the same engine (JavaScriptCore, its WebAssembly,
its HTML and CSS), not the same device. Slow: Pyodide boots in WebKit in 10-20 s here."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import time

import pytest
from test_web_browser import by_css, lesson, play_to_end
from webtools import build_site, need_vendor, serving, wait_ready

pytestmark = pytest.mark.slow

DRIVER = shutil.which("WebKitWebDriver")
BROWSERS = sorted(glob.glob("/usr/lib/*/webkit2gtk-4.*/MiniBrowser")
                  + glob.glob("/usr/libexec/webkit2gtk-4.*/MiniBrowser"))


@pytest.fixture(scope="module")
def webkit(tmp_path_factory):
    need_vendor()
    browser = next((b for b in BROWSERS if os.path.exists(b)), None)
    xvfb = shutil.which("Xvfb")
    if not DRIVER or not browser or not xvfb:
        pytest.skip("WebKitGTK's WebDriver, its MiniBrowser or Xvfb is missing "
                    "(Debian: webkit2gtk-driver xvfb; CI installs them)")
    number = next(n for n in range(200, 260) if not os.path.exists(f"/tmp/.X{n}-lock"))
    screen = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1366x900x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if os.path.exists(f"/tmp/.X11-unix/X{number}"):
            break
        time.sleep(0.1)
    out = str(tmp_path_factory.mktemp("webkit") / "site")
    build_site(out)
    try:
        with serving(out) as url:
            yield url, browser, f":{number}"
    finally:
        screen.terminate()
        screen.wait(timeout=10)


def open_webkit(browser: str, display: str):  # type: ignore[no-untyped-def]
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    opts = Options()
    opts.binary_location = browser
    opts.add_argument("--automation")
    env = {**os.environ, "DISPLAY": display}
    return webdriver.WebKitGTK(options=opts, service=Service(DRIVER or "WebKitWebDriver", env=env))


def test_a_class_plays_the_resident_lesson_in_webkit_and_hands_in_a_result_report_reads(webkit, tmp_path):
    url, browser, display = webkit
    driver = open_webkit(browser, display)
    try:
        driver.get(url)
        wait_ready(driver, 180)
        # the tests play fast: no choice delay (set before the page reads its settings, then reload)
        driver.execute_script("localStorage.setItem('neighbour.settings', "
                              "JSON.stringify({format: 1, choice_delay: 0}))")
        driver.refresh()
        wait_ready(driver, 180)
        by_css(driver, "#room-class")[0].click()
        by_css(driver, "#code")[0].send_keys("9A")
        by_css(driver, f"[data-campaign='{lesson('resident')}']")[0].click()
        (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
        assert play_to_end(driver, keyboard=True) > 3
        # the ending fades in (WebKit here has no reduced-motion switch), and WebDriver reads text at
        # opacity 0 as hidden: wait for it rather than read it in the fade's first frame
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(driver, 10).until(lambda d: "NB-" in by_css(d, "#result-code")[0].text)
        assert by_css(driver, ".fact .caveat, .fact .sources"), "the ending's figures come with caveat and source"
        assert by_css(driver, "details.model .formula")
        result = json.loads(driver.execute_script("return window.__nb.bridge.result()"))
    finally:
        driver.quit()
    path = tmp_path / result["name"]
    path.write_text(result["text"], encoding="utf-8")
    data = json.loads(result["text"])
    assert data["session"] == "9A" and data["mode"] == "class" and data["campaign"] == lesson("resident")
    from game.cli import main
    html = tmp_path / "report.html"
    assert main(["report", str(path), "--out", str(html)]) == 0
    assert html.stat().st_size > 1000
