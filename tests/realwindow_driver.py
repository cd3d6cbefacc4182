"""Run by test_ui_realwindow.py inside Xvfb: open the game in a real X11 window, visit the main
screens, save a screenshot of each, and report blank screens and text outside its box as JSON."""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import pygame  # noqa: E402

from game.ui.app import App
from game.ui.options import Options  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def main() -> None:
    out, w, h, content = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    app = App([content], Options(size=(w, h), fullscreen=False), settings=Settings())
    problems, shots = [], []

    def shoot(name: str) -> None:
        app.kit.audit = []
        app.dirty = True
        app.step(wait=False)
        surf = pygame.display.get_surface()
        path = os.path.join(out, f"{w}x{h}-{len(shots):02d}-{name}.png")
        pygame.image.save(surf, path)
        shots.append(path)
        small = pygame.transform.scale(surf, (64, 36))
        colours = {small.get_at((x, y))[:3] for x in range(64) for y in range(36)}
        if len(colours) < 8:
            problems.append(f"{name}: the screen looks blank ({len(colours)} colours)")
        for text, rect, box, size in app.kit.audit:
            if text.strip() and (rect.left < box.left - 2 or rect.right > box.right + 2 or rect.right > size[0] + 1):
                problems.append(f"{name}: text {text[:40]!r} runs outside its box")
        app.kit.audit = None

    def first():
        t = app.top
        numbered = [i for i, b in enumerate(t.buttons) if b.number is not None and b.enabled]
        return numbered[0] if numbered else 0

    shoot("title")
    app.top.activate(0)
    app.step(wait=False)
    shoot("briefing")
    app.top.activate(first())
    app.step(wait=False)
    shoot("day")
    seen = set()
    for _ in range(2000):
        name = type(app.top).__name__
        if name in ("DayEndScreen", "PhaseEndScreen", "WarningScreen") and name not in seen:
            seen.add(name)
            shoot(name)
        if name == "EndingScreen":
            break
        app.top.activate(first())
        app.step(wait=False)
    shoot("ending")
    from game.ui.screens.journal import JournalScreen
    app.push(JournalScreen(app, page="model"))
    shoot("journal")
    print(json.dumps({"driver": pygame.display.get_driver(), "size": list(pygame.display.get_surface().get_size()),
                      "shots": shots, "problems": problems}))
    pygame.quit()


if __name__ == "__main__":
    main()
