"""Firefox driven by WebDriver BiDi, the W3C protocol Firefox speaks itself (`--remote-debugging-port`),
for the browser edition's Firefox test. Selenium needs geckodriver for Firefox, and geckodriver is in
no Debian package and cannot be fetched here (it comes from GitHub), so this talks BiDi directly over
a WebSocket (`websocket-client`, which Selenium already installs): navigate, evaluate a script, and
real keyboard and pointer input (`input.performActions`), which is all the test needs.

    with Firefox.start() as ff:
        ff.get(url)
        ff.click("#room-class")
        ff.press("1")
        value = ff.js("document.title")
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox")
ENTER = "\ue007"
TAB = "\ue004"


class BiDiError(RuntimeError):
    """A command the browser answered with an error."""


class Firefox:
    """One headless Firefox with one tab, driven over WebDriver BiDi."""

    def __init__(self, proc: subprocess.Popen[str], ws: Any, profile: str):
        self.proc, self.ws, self.profile = proc, ws, profile
        self.last = 0
        self.context = ""

    @classmethod
    @contextmanager
    def start(cls, width: int = 1366, height: int = 900, timeout: float = 60.0) -> Iterator[Firefox]:
        import websocket  # Selenium's own dependency
        if not FIREFOX:
            raise FileNotFoundError("firefox-esr")
        profile = tempfile.mkdtemp(prefix="nb-firefox-")
        proc = subprocess.Popen([FIREFOX, "--headless", "--no-remote", "--profile", profile,
                                 f"--width={width}", f"--height={height}", "--remote-debugging-port=0",
                                 "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "MOZ_CRASHREPORTER_DISABLE": "1"})
        found: list[str] = []

        def read() -> None:  # Firefox says where it listens on stderr; keep draining it after
            assert proc.stderr is not None
            for line in proc.stderr:
                m = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
                if m and not found:
                    found.append(m.group(1))

        threading.Thread(target=read, daemon=True).start()
        deadline = time.time() + timeout
        while not found and time.time() < deadline and proc.poll() is None:
            time.sleep(0.05)
        ff = None
        try:
            if not found:
                raise TimeoutError("Firefox did not start its WebDriver BiDi server")
            ws = websocket.create_connection(found[0] + "/session", suppress_origin=True, timeout=timeout)
            ff = cls(proc, ws, profile)
            ff.command("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
            ff.context = ff.command("browsingContext.getTree", {})["contexts"][0]["context"]
            yield ff
        finally:
            if ff is not None:
                try:
                    ff.command("session.end", {})
                except Exception:  # noqa: BLE001 - closing down: the browser may be gone already
                    pass
                ff.ws.close()
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
            shutil.rmtree(profile, ignore_errors=True)

    def command(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        self.last += 1
        self.ws.send(json.dumps({"id": self.last, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") != self.last:
                continue  # an event: none are subscribed to, but be safe
            if msg.get("type") == "error":
                raise BiDiError(f"{method}: {msg.get('error')}: {msg.get('message')}")
            return dict(msg["result"])

    def get(self, url: str) -> None:
        self.command("browsingContext.navigate", {"context": self.context, "url": url, "wait": "complete"})

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression, through JSON (awaited if it is a promise)."""
        out = self.command("script.evaluate", {
            "expression": f"(async () => JSON.stringify(await ({expression})))()",
            "target": {"context": self.context}, "awaitPromise": True})
        if out.get("type") == "exception":
            raise BiDiError(f"{expression}: {out['exceptionDetails'].get('text')}")
        value = out["result"].get("value")
        return None if value is None else json.loads(value)

    def until(self, expression: str, timeout: float = 30.0) -> Any:
        deadline = time.time() + timeout
        while True:
            value = self.js(expression)
            if value:
                return value
            if time.time() > deadline:
                raise TimeoutError(f"not within {timeout} s: {expression}")
            time.sleep(0.05)

    def count(self, css: str) -> int:
        return int(self.js(f"document.querySelectorAll({json.dumps(css)}).length"))

    def click(self, css: str, index: int = 0) -> None:
        """A real click (pointer down and up) in the middle of the element, scrolled into view first."""
        found = self.command("script.evaluate", {
            "expression": f"(() => {{ const e = document.querySelectorAll({json.dumps(css)})[{index}];"
                          " e.scrollIntoView({block: 'center'}); return e; })()",
            "target": {"context": self.context}, "awaitPromise": False, "resultOwnership": "root"})
        if found.get("type") == "exception":
            raise BiDiError(f"no element {css}[{index}]")
        element = {"sharedId": found["result"]["sharedId"]}
        self.command("input.performActions", {"context": self.context, "actions": [{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
                {"type": "pointerMove", "x": 0, "y": 0, "origin": {"type": "element", "element": element}},
                {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}]})

    def press(self, *keys: str) -> None:
        """Real key presses, one after another, to whatever has the focus."""
        actions = []
        for key in keys:
            actions += [{"type": "keyDown", "value": key}, {"type": "keyUp", "value": key}]
        self.command("input.performActions", {"context": self.context,
                                              "actions": [{"type": "key", "id": "keys", "actions": actions}]})
