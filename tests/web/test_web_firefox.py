"""The browser edition in Firefox (Gecko, its own engine: SpiderMonkey's WebAssembly, its HTML and
CSS), driven over WebDriver BiDi by tests/web/bidi.py with real key presses and clicks. A class plays
the resident's lesson to the end by keyboard and the officer's by clicks; each result the page hands in
is read by `report`, the ending shows its figures' caveats and sources and the model's formula, and
axe-core finds nothing serious on it. Debian's firefox-esr, which CI installs.

Slow: each test boots Pyodide in Firefox. Skipped with the reason when Firefox or the pinned Pyodide
is missing."""

from __future__ import annotations

import json

import pytest
from bidi import FIREFOX, Firefox
from test_web_browser import lesson
from webtools import build_site, need_vendor, serving, vendor_file

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_vendor()
    if not FIREFOX:
        pytest.skip("Firefox is not installed (Debian: firefox-esr; CI installs it)")
    pytest.importorskip("websocket", reason="websocket-client comes with Selenium: pip install '.[test]'")
    out = str(tmp_path_factory.mktemp("firefox") / "site")
    build_site(out)
    with serving(out) as url:
        yield url


def open_class(ff: Firefox, url: str, campaign: str, code: str) -> None:
    ff.get(url)
    ff.until("document.body.hasAttribute('data-ready')", 120)
    # the tests play fast: no choice delay (stored before the page reads its settings, then reload)
    ff.js("localStorage.setItem('neighbour.settings', JSON.stringify({format: 1, choice_delay: 0}))")
    ff.get(url)
    ff.until("document.body.hasAttribute('data-ready')", 120)
    ff.click("#room-class")
    ff.click("#code")
    ff.press(*code)
    ff.click(f"[data-campaign='{campaign}']")
    ff.click("[data-profile]" if ff.count("[data-profile]") else "#start")


def play_to_end(ff: Firefox, keyboard: bool, limit: int = 400) -> int:
    for step in range(limit):
        if ff.count("#end-title"):
            return step
        buttons = ff.count("#choices button")
        assert buttons, ff.js("document.getElementById('main').innerText.slice(0, 400)")
        before = ff.js("window.__nb.times.choices.length")
        pick = step % buttons
        if keyboard:
            ff.press(str(pick + 1))
        else:
            ff.click("#choices button", pick)
        ff.until(f"window.__nb.times.choices.length > {before}", 10)
    raise AssertionError(f"no ending after {limit} choices")


def hand_in(ff: Firefox, tmp_path, code: str, campaign: str) -> None:  # type: ignore[no-untyped-def]
    assert "NB-" in ff.js("document.getElementById('result-code').innerText")
    assert ff.count(".fact .caveat") and ff.count(".fact .sources"), "the figures come with caveat and source"
    assert ff.count("details.model .formula")
    result = json.loads(ff.js("window.__nb.bridge.result()"))
    path = tmp_path / result["name"]
    path.write_text(result["text"], encoding="utf-8")
    data = json.loads(result["text"])
    assert data["session"] == code and data["mode"] == "class" and data["campaign"] == campaign
    from game.cli import main
    html = tmp_path / "report.html"
    assert main(["report", str(path), "--out", str(html)]) == 0
    assert html.stat().st_size > 1000


def test_a_class_plays_the_resident_lesson_in_firefox_by_keyboard_and_report_reads_it(site, tmp_path):
    with Firefox.start() as ff:
        open_class(ff, site, lesson("resident"), "9A")
        assert play_to_end(ff, keyboard=True) > 3
        hand_in(ff, tmp_path, "9A", lesson("resident"))


def test_a_class_plays_the_officer_lesson_in_firefox_by_clicks_and_axe_finds_nothing_serious(site, tmp_path):
    with Firefox.start(width=820, height=1180) as ff:  # a tablet's size
        open_class(ff, site, lesson("officer"), "9B")
        assert play_to_end(ff, keyboard=False) > 3
        hand_in(ff, tmp_path, "9B", lesson("officer"))
        with open(vendor_file("axe-core", "axe.min.js"), encoding="utf-8") as fh:
            ff.command("script.evaluate", {"expression": fh.read(), "target": {"context": ff.context},
                                           "awaitPromise": False})
        found = ff.js("axe.run(document, {resultTypes: ['violations']}).then((r) => r.violations"
                      ".filter((v) => v.impact === 'serious' || v.impact === 'critical')"
                      ".map((v) => ({id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3)})))")
        assert found == [], found
