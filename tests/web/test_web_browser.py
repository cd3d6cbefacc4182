"""The browser edition in a real headless Chromium (Selenium): lessons played to the end by keyboard
and by clicks, the downloaded result read by `report`, axe-core's checks, saves kept aside, file://.

Slow: each test boots Pyodide. Skipped with the reason when Chromium, chromedriver, Selenium or the
pinned Pyodide is missing; CI (.ci/run) installs all of them, so there they run."""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import time

import pytest
from webtools import build_site, chrome, need_browser, serving, vendor_file, wait_ready

from game.core.load.ready import load_content
from game.core.paths import content_dir

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    need_browser()
    out = str(tmp_path_factory.mktemp("web") / "site")
    build_site(out)
    with serving(out) as url:
        yield out, url


def lesson(role: str) -> str:
    """The role's lesson cut (kind: lesson), else its full story (before any lesson exists)."""
    content, _ = load_content([content_dir()])
    assert content is not None
    camps = [(cid, c) for cid, c in content.campaigns.items() if c.role == role]
    return next((cid for cid, c in camps if c.kind == "lesson"), None) or \
        next(cid for cid, c in camps if c.kind == "full")


def by_css(driver, css):  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, css)


def press(driver, key: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(driver).send_keys(key).perform()


def play_to_end(driver, keyboard: bool, limit: int = 400) -> int:  # type: ignore[no-untyped-def]
    """Take choices until the ending: by number keys (and Tab + Enter) or by clicks. Returns steps."""
    from selenium.webdriver.common.keys import Keys
    for step in range(limit):
        if by_css(driver, "#end-title"):
            return step
        buttons = by_css(driver, "#choices button")
        assert buttons, driver.find_element("id", "main").text[:400]
        before = driver.execute_script("return window.__nb.times.choices.length")
        pick = step % len(buttons)
        if keyboard and step % 5 == 4:
            driver.execute_script("document.getElementById('main').querySelector('h2[tabindex]').focus()")
            press(driver, Keys.TAB * (pick + 1) if not by_css(driver, ".changed") else Keys.TAB * (pick + 1))
            focused = driver.execute_script("return document.activeElement.dataset.choice")
            if focused != str(pick):  # a fact's links or notes sit between: press the number instead
                press(driver, str(pick + 1))
            else:
                press(driver, Keys.ENTER)
        elif keyboard:
            press(driver, str(pick + 1))
        else:
            buttons[pick].click()
        deadline = time.time() + 10
        while driver.execute_script("return window.__nb.times.choices.length") == before:
            assert time.time() < deadline, "the page did not move on"
            time.sleep(0.01)
    raise AssertionError("no ending")


def start_class_run(driver, url: str, campaign: str, code: str, keyboard: bool) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.keys import Keys
    driver.get(url)
    wait_ready(driver)
    by_css(driver, "#room-class")[0].click()
    box = by_css(driver, "#code")[0]
    box.send_keys(code)
    target = by_css(driver, f"[data-campaign='{campaign}']")[0]
    if keyboard:
        target.send_keys(Keys.ENTER)
    else:
        target.click()
    pick = by_css(driver, "[data-profile]") or by_css(driver, "#start")
    pick[0].click()


def axe(driver) -> list[dict]:  # type: ignore[no-untyped-def]
    with open(vendor_file("axe-core", "axe.min.js"), encoding="utf-8") as fh:
        driver.execute_script(fh.read())
    found = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map("
        "(v) => ({id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}))));")
    return [v for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("role,keyboard", [("resident", True), ("officer", False)])
def test_a_class_lesson_plays_to_the_end_and_its_result_file_is_read_by_report(site, tmp_path, role, keyboard):
    out, url = site
    downloads = str(tmp_path / "downloads")
    os.makedirs(downloads)
    driver = chrome(downloads=downloads)
    try:
        start_class_run(driver, url, lesson(role), "8C", keyboard)
        steps = play_to_end(driver, keyboard)
        assert steps > 3
        assert "NB-" in by_css(driver, "#result-code")[0].text
        assert by_css(driver, ".fact .caveat, .fact .sources"), "the ending's figures come with caveat and source"
        assert by_css(driver, "details.model .formula")
        by_css(driver, "#download")[0].click()
        deadline = time.time() + 20
        while not glob.glob(os.path.join(downloads, "neighbour-*.json")):
            assert time.time() < deadline, "no result file was downloaded"
            time.sleep(0.1)
        time.sleep(0.3)
        by_css(driver, "#debrief")[0].click()
        assert by_css(driver, "#back")
    finally:
        driver.quit()
    path = glob.glob(os.path.join(downloads, "neighbour-*.json"))[0]
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["session"] == "8C" and data["mode"] == "class" and data["campaign"] == lesson(role)
    from game.cli import main
    html = tmp_path / "report.html"
    assert main(["report", path, "--out", str(html)]) == 0
    assert html.stat().st_size > 1000


def test_axe_finds_no_serious_or_critical_problem_on_any_page(site):
    _out, url = site
    driver = chrome(size=(390, 844))
    try:
        driver.get(url)
        wait_ready(driver)
        pages = {"title": axe(driver)}
        by_css(driver, "#btn-settings")[0].click()
        pages["settings"] = axe(driver)
        by_css(driver, "#back")[0].click()
        by_css(driver, "[data-campaign='resident_short']")[0].click()
        pages["briefing"] = axe(driver)
        (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
        pages["scene"] = axe(driver)
        by_css(driver, "#btn-journal")[0].click()
        pages["journal"] = axe(driver)
        by_css(driver, "#back")[0].click()
        play_to_end(driver, keyboard=False)
        pages["ending"] = axe(driver)
        by_css(driver, "#btn-title")[0].click()
        by_css(driver, "#room-class")[0].click()
        pages["classroom"] = axe(driver)
    finally:
        driver.quit()
    assert {name: found for name, found in pages.items() if found} == {}


def test_a_broken_save_is_kept_aside_with_a_message_and_a_good_one_continues(site):
    _out, url = site
    driver = chrome()
    try:
        driver.get(url)
        wait_ready(driver)
        newer = json.dumps({"kind": "neighbour-save", "version": 999})
        driver.execute_script("localStorage.setItem('neighbour.save', arguments[0]);"
                              "localStorage.setItem('neighbour.settings', '{oops');", newer)
        driver.refresh()
        wait_ready(driver)
        notices = " ".join(e.text for e in by_css(driver, ".notice"))
        assert "kept aside" in notices and "settings" in notices
        kept = driver.execute_script("return Object.keys(localStorage).filter((k) => k.includes('.aside-'))")
        assert len(kept) == 2
        assert not by_css(driver, "#continue")
        by_css(driver, "[data-campaign='officer_short']")[0].click()
        (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
        title = by_css(driver, "#scene-title, #notes-title")[0].text
        driver.refresh()
        wait_ready(driver)
        by_css(driver, "#continue")[0].click()
        assert by_css(driver, "#scene-title, #notes-title")[0].text == title
    finally:
        driver.quit()


def test_the_page_starts_from_the_builds_snapshot_and_without_a_usable_one_starts_from_scratch(site, tmp_path):
    out, url = site
    if not os.path.isfile(os.path.join(out, "snapshot.bin")):
        pytest.skip("this build has no start-up snapshot (Node is not installed)")
    driver = chrome()
    try:
        driver.get(url)
        wait_ready(driver)
        assert driver.execute_script("return window.__nb.times.snapshot") == "used"
    finally:
        driver.quit()
    broken = str(tmp_path / "broken")
    shutil.copytree(out, broken)
    with open(os.path.join(broken, "snapshot.bin"), "r+b") as fh:  # a download cut short
        fh.truncate(os.path.getsize(os.path.join(broken, "snapshot.bin")) // 2)
    other = str(tmp_path / "other")
    shutil.copytree(out, other)
    page = os.path.join(other, "index.html")
    with open(page, encoding="utf-8") as fh:
        text = re.sub(r'(<meta name="neighbour-snapshot" content=")[0-9a-f]+', r"\g<1>0000000000000000", fh.read())
    with open(page, "w", encoding="utf-8") as fh:
        fh.write(text)
    for folder, why in ((broken, ""), (other, "not of this build")):
        with serving(folder) as there:
            driver = chrome()
            try:
                driver.get(there)
                wait_ready(driver)
                used = driver.execute_script("return window.__nb.times.snapshot")
                assert used != "used" and why in used
                by_css(driver, "[data-campaign='resident_short']")[0].click()
                (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
                assert by_css(driver, "#scene-title, #notes-title")
            finally:
                driver.quit()


def test_a_page_opened_as_a_file_says_how_to_serve_it(site):
    out, _url = site
    driver = chrome()
    try:
        driver.get("file://" + os.path.join(out, "index.html"))
        time.sleep(0.5)
        text = driver.find_element("id", "main").text
        assert "web serve" in text
    finally:
        driver.quit()


def test_the_kiosk_shows_its_attract_screen_and_plays_a_short_story(site):
    _out, url = site
    driver = chrome(size=(1920, 1080))
    try:
        driver.get(url + "#kiosk")
        wait_ready(driver)
        by_css(driver, "#kiosk-touch")[0].click()
        by_css(driver, "[data-role='resident']")[0].click()
        play_to_end(driver, keyboard=False)
        by_css(driver, "#to-title")[0].click()
        assert by_css(driver, "#kiosk-touch")
    finally:
        driver.quit()


def test_training_shows_feedback_and_a_review_and_a_class_can_go_back_for_a_what_if(site, tmp_path):
    _out, url = site
    downloads = str(tmp_path / "downloads")
    os.makedirs(downloads)
    driver = chrome(downloads=downloads)
    try:
        driver.get(url)
        wait_ready(driver)
        by_css(driver, "#room-training")[0].click()
        by_css(driver, "[data-campaign='officer_short']")[0].click()
        (by_css(driver, "[data-profile]") or by_css(driver, "#start"))[0].click()
        kinds = set()
        for _ in range(400):
            if by_css(driver, "#end-title"):
                break
            kinds.add(driver.execute_script("return window.__nb.view.kind"))
            by_css(driver, "#choices button")[0].click()
        assert "feedback" in kinds
        by_css(driver, "#review")[0].click()
        assert by_css(driver, "#main .card h3")
        by_css(driver, "#back")[0].click()

        start_class_run(driver, url, "resident_short", "WHAT1", keyboard=False)
        play_to_end(driver, keyboard=False)
        by_css(driver, "[data-day='1']")[0].click()
        play_to_end(driver, keyboard=False)
        by_css(driver, "#download")[0].click()
        deadline = time.time() + 20
        while not glob.glob(os.path.join(downloads, "neighbour-resident_short-*.json")):
            assert time.time() < deadline, "no result file was downloaded"
            time.sleep(0.1)
        time.sleep(0.3)
    finally:
        driver.quit()
    with open(glob.glob(os.path.join(downloads, "neighbour-resident_short-*.json"))[0], encoding="utf-8") as fh:
        data = json.load(fh)
    assert data["what_ifs"] and data["what_ifs"][0]["from_day"] == 1


def test_the_kiosk_asks_whether_anyone_is_there_and_then_starts_again(site):
    _out, url = site
    driver = chrome()
    try:
        driver.get(url + "#kiosk&idle=1&countdown=2")
        wait_ready(driver)
        by_css(driver, "#kiosk-touch")[0].click()
        by_css(driver, "[data-role='officer']")[0].click()
        assert by_css(driver, "#choices button")
        deadline = time.time() + 15
        while not by_css(driver, "[role='timer']"):
            assert time.time() < deadline, "the kiosk never asked whether anyone is there"
            time.sleep(0.1)
        while not by_css(driver, "#kiosk-touch"):
            assert time.time() < deadline, "the kiosk never started again"
            time.sleep(0.1)
        assert driver.execute_script("return localStorage.getItem('neighbour.save')") is None
    finally:
        driver.quit()
