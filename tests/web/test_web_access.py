"""The page's own access features in a real headless Chromium (Selenium), as the desktop has them:
the choice delay (a new scene's choices count only after it has been seen), one-switch scanning,
and the what-if picture after a classroom rewind (an SVG chart with a table of its numbers).

Slow: each test boots Pyodide. Skipped with the reason when Chromium, chromedriver, Selenium or the
pinned Pyodide is missing (tests/web/webtools.py)."""

from __future__ import annotations

import json
import time

import pytest
from test_web_browser import axe, by_css, play_to_end, press, start_class_run
from webtools import build_site, chrome, need_browser, serving, wait_ready

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    out = str(tmp_path_factory.mktemp("web") / "site")
    build_site(out)
    with serving(out) as url:
        yield out, url


def until(check, timeout: float = 10.0, what: str = "the page"):  # type: ignore[no-untyped-def]
    deadline = time.time() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.time() < deadline, f"{what}: not within {timeout} s"
        time.sleep(0.02)


def taken(driver) -> int:  # type: ignore[no-untyped-def]
    return int(driver.execute_script("return window.__nb.times.choices.length"))


def rects(driver) -> list[list[float]]:  # type: ignore[no-untyped-def]
    return driver.execute_script("return Array.from(document.querySelectorAll('#choices button'), (b) => {"
                                 "const r = b.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })")


def test_a_new_scenes_choices_count_only_after_the_choice_delay_and_look_it(site):
    _out, url = site
    driver = chrome(choice_delay=None)  # the page's own default: 0.5 s, as the desktop's
    try:
        driver.get(url)
        wait_ready(driver)
        by_css(driver, "[data-campaign='resident_short']")[0].click()
        (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
        press(driver, "1")  # pressed at once, as a held or mashed key would be
        assert by_css(driver, "#choices button[aria-disabled='true']"), "the choices say they are not ready yet"
        waiting = rects(driver)
        found = axe(driver)
        assert found == [], found
        time.sleep(0.2)
        assert taken(driver) == 0, "a key pressed before the scene was seen chose nothing"
        seen = until(lambda: not by_css(driver, "#choices button[aria-disabled]")
                     and driver.execute_script("return performance.now()"), 3, "the choices never became ready")
        shown, ready_at = driver.execute_script("return [window.__nb.times.shown, window.__nb.readyAt]")
        assert ready_at - shown == pytest.approx(500, abs=1) and seen >= ready_at
        assert rects(driver) == waiting, "ready buttons sit exactly where the waiting ones did"
        press(driver, "1")
        until(lambda: taken(driver) == 1, 5, "a choice after the delay")
        # the setting: none at all, kept in the browser's storage as a number
        by_css(driver, "#btn-settings")[0].click()
        from selenium.webdriver.support.ui import Select
        Select(by_css(driver, "#set-choice_delay")[0]).select_by_value("0")
        stored = json.loads(driver.execute_script("return localStorage.getItem('neighbour.settings')"))
        assert stored["choice_delay"] == 0
        by_css(driver, "#back")[0].click()
        assert not by_css(driver, "#choices button[aria-disabled]")
    finally:
        driver.quit()


def marked(driver) -> str | None:  # type: ignore[no-untyped-def]
    return driver.execute_script("const b = document.querySelector('button.scanned');"
                                 "return b && b === document.activeElement ? (b.dataset.choice ?? b.dataset.campaign"
                                 " ?? b.dataset.profile ?? b.id) : null")


def test_one_switch_scanning_steps_from_nothing_and_one_key_or_a_tap_chooses(site):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    _out, url = site
    driver = chrome(choice_delay=None)
    try:
        driver.get(url)
        wait_ready(driver)
        by_css(driver, "#btn-settings")[0].click()
        Select(by_css(driver, "#set-scanning")[0]).select_by_value("on")
        Select(by_css(driver, "#set-scan_seconds")[0]).select_by_value("1.5")
        assert "Space" in by_css(driver, "#set-scanning-note")[0].text
        time.sleep(2.0)
        assert not by_css(driver, ".scanned"), "no scanning while the settings are open"
        by_css(driver, "#back")[0].click()
        # the title page has no choices: the marker steps through its buttons; the switch takes one
        assert marked(driver) is None, "nothing is marked when a page opens"
        until(lambda: marked(driver) == "resident_short", 30, "the marker never reached the short story")
        press(driver, Keys.SPACE)
        until(lambda: marked(driver) in ("start",) or (by_css(driver, "[data-profile]") and marked(driver)), 10,
              "the briefing's first button")
        press(driver, Keys.ENTER)
        until(lambda: by_css(driver, "#choices button"), 10, "the first scene")
        # a scene: nothing marked at first (no answer suggested), and the switch does nothing until a step
        # (steps of 1.5 s: a busy machine's few round trips between the page and this test fit well inside)
        assert not by_css(driver, ".scanned") and marked(driver) is None
        press(driver, Keys.SPACE)
        time.sleep(0.2)
        assert taken(driver) == 0
        until(lambda: marked(driver) == "0", 5, "the first step marks the first choice")
        if len(by_css(driver, "#choices button")) > 1:
            until(lambda: marked(driver) == "1", 5, "the marker moves on by itself")
        driver.execute_script("window.__took = null; document.addEventListener('click', (e) => {"
                              "const b = e.target.closest('#choices button');"
                              " if (b) window.__took = b.dataset.choice; }, true)")
        want = marked(driver)
        press(driver, Keys.SPACE)
        until(lambda: taken(driver) == 1, 5, "the switch took the marked choice")
        assert driver.execute_script("return window.__took") == want
        found = axe(driver)
        assert found == [], found
        # a tap anywhere (here on the heading) takes the marked button, not what is under the finger
        until(lambda: marked(driver) is not None, 5, "a step on the next page")
        driver.execute_script("window.__took = null")
        want = marked(driver)
        heading = by_css(driver, "#main h2")[0]
        ActionChains(driver).move_to_element(heading).click().perform()
        until(lambda: taken(driver) == 2, 5, "a tap took the marked choice")
        if want is not None and want.isdigit():
            assert driver.execute_script("return window.__took") == want
        # the journal (an overlay) stops the marker until it closes
        by_css(driver, "#btn-journal")[0].click()
        time.sleep(2.0)
        assert not by_css(driver, ".scanned")
        assert taken(driver) == 2
    finally:
        driver.quit()


def test_after_a_what_if_the_ending_draws_both_runs_with_their_numbers_and_caveat(site):
    _out, url = site
    driver = chrome(size=(390, 844))
    try:
        start_class_run(driver, url, "resident_short", "WHAT1", keyboard=False)
        play_to_end(driver, keyboard=False)
        assert not by_css(driver, "#what-if"), "no picture before going back"
        by_css(driver, "[data-day='1']")[0].click()
        play_to_end(driver, keyboard=False)
        block = by_css(driver, "#what-if")[0]
        assert "day by day" in block.find_element("css selector", "h3").text
        assert "solid line" in block.find_element("css selector", "figcaption").text, "the desktop's note under it"
        chart = block.find_element("css selector", "svg.chart[role='img']")
        assert chart.get_attribute("aria-label")
        lines = block.find_elements("css selector", "svg.chart .run polyline")
        assert len(lines) == 2
        assert block.find_elements("css selector", ".run0 circle") and block.find_elements("css selector", ".run1 rect")
        style = "return getComputedStyle(arguments[0])[arguments[1]]"
        assert driver.execute_script(style, lines[0], "strokeDasharray") == "none"
        assert driver.execute_script(style, lines[1], "strokeDasharray") != "none"
        assert driver.execute_script(style, lines[0], "stroke") == "rgb(152, 57, 44)"  # the light theme's "bad"
        driver.execute_script("document.documentElement.dataset.theme = 'contrast'")
        assert driver.execute_script(style, lines[0], "stroke") == "rgb(255, 168, 168)"
        assert driver.execute_script(style, lines[1], "stroke") == "rgb(255, 255, 0)"
        driver.execute_script("document.documentElement.dataset.theme = 'light'")
        rows = block.find_elements("css selector", "table.numbers tbody tr")
        days = driver.execute_script("return window.__nb.view.what_if.runs[0].points.length")
        assert len(rows) >= days > 2
        assert rows[0].find_element("css selector", "th").text == "0" and "%" in rows[0].text
        width = driver.execute_script("return [arguments[0].getBoundingClientRect().right, innerWidth]", chart)
        assert width[0] <= width[1], "the chart fits the phone's width"
        found = axe(driver)
        assert found == [], found
    finally:
        driver.quit()


def test_a_page_set_to_norwegian_is_norwegian_from_its_first_page_and_switches_both_ways(site):
    """The title page is drawn in the player's language from the start (it was drawn in English until a
    story was started), and the bar's language button switches every word on it."""
    _out, url = site
    driver = chrome(settings={"lang": "nb"})
    try:
        driver.get(url)
        wait_ready(driver)
        main = lambda: driver.find_element("id", "main").text  # noqa: E731
        text = main()
        assert "Hvem blir naboen din?" in text and "Innsatt" in text, text[:200]
        assert "Who will your neighbour be?" not in text and "Resident\n" not in text
        by_css(driver, "#btn-lang")[0].click()
        until(lambda: "Who will your neighbour be?" in main(), what="the title in English")
        assert "Resident" in main() and "Innsatt" not in main()
        by_css(driver, "#btn-lang")[0].click()
        until(lambda: "Hvem blir naboen din?" in main(), what="the title in Norwegian again")
    finally:
        driver.quit()
