"""What the browser edition's tests share: a built site (once per session), a local server, and a
headless Chromium driven by Selenium, each skipped with its reason when this machine lacks it."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from game.core.paths import content_dir
from game.web import vendor

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


def need_vendor() -> None:
    if not vendor.present("pyodide"):
        pytest.skip(f"Pyodide {vendor.PINS['pyodide'][0]} is not in {vendor.vendor_dir()}: "
                    f"run `{vendor.FETCH_COMMAND}` (CI's .ci/run does)")


def need_browser() -> None:
    need_vendor()
    try:
        import selenium  # noqa: F401
    except ImportError:
        pytest.skip("selenium is not installed (pip install '.[test]')")
    if not CHROMIUM or not DRIVER:
        pytest.skip("Chromium and chromedriver are not installed (Debian: chromium chromium-driver; CI installs them)")


def build_site(out: str) -> str:
    from game.web.build import build
    built = build([content_dir()], out)
    assert built.report.ok, [str(d) for d in built.report.errors]
    return out


@contextmanager
def serving(out: str) -> Iterator[str]:
    from game.commands.web import make_server
    server = make_server(out, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# The page's settings before it first starts (where none are stored yet): the tests play fast, so a new
# scene's choices count at once; the test of the choice delay itself passes choice_delay=None.
FIRST_SETTINGS = ("try { if (/^https?:$/.test(location.protocol)"
                  " && localStorage.getItem('neighbour.settings') === null)"
                  " localStorage.setItem('neighbour.settings', JSON.stringify(%s)); } catch (e) {}")


def chrome(size: tuple[int, int] = (1366, 768), downloads: str | None = None, profile: str | None = None,  # type: ignore[no-untyped-def]
           choice_delay: float | None = 0.0, settings: dict | None = None):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                f"--window-size={size[0]},{size[1]}", "--force-prefers-reduced-motion"):
        opts.add_argument(arg)
    if profile:
        opts.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=opts, service=Service(DRIVER or "chromedriver"))
    if downloads:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    first = {"format": 1, **({"choice_delay": choice_delay} if choice_delay is not None else {}), **(settings or {})}
    if len(first) > 1:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_SETTINGS % json.dumps(first)})
    return driver


def wait_ready(driver, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.execute_script("return document.body.hasAttribute('data-ready')"))


def vendor_file(name: str, *parts: str) -> str:
    return os.path.join(vendor.package_dir(name), *parts)
