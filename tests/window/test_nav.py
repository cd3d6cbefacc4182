"""Screens need only the narrow `Nav` interface: a stand-in that records what they ask is enough."""

from game.ui.screens.credits import CreditsScreen
from game.ui.screens.menus import PauseScreen
from uitools import make_app


class RecordingNav:
    """A Nav that records the stack calls and forwards everything else to a real window's parts."""

    def __init__(self, app):
        self._app = app
        self.calls: list[tuple] = []

    def push(self, screen, on_result=None):
        self.calls.append(("push", type(screen).__name__))

    def pop(self, screen=None, result=None):
        self.calls.append(("pop", type(screen).__name__, result))

    def __getattr__(self, name):
        return getattr(self._app, name)


def test_a_screen_closes_itself_through_nav_alone():
    app = make_app()
    nav = RecordingNav(app)
    credits = CreditsScreen(nav)
    credits.enter()
    assert credits.activate(0)                                  # "Back"
    assert nav.calls == [("pop", "CreditsScreen", None)]


def test_the_pause_menu_asks_the_mode_not_its_name(tmp_path):
    from game.ui.settings import Settings
    app = make_app(mode="class", session_code="NAV", settings=Settings(results_dir=str(tmp_path)))
    app.top.start("resident")
    app.step(wait=False)
    app.top.activate(0)                                         # the first profile
    app.step(wait=False)
    labels = [label for label, _ in PauseScreen(RecordingNav(app)).items]
    assert app.kit.ui("pause.finish_now") in labels             # the classroom's own item
    app.set_mode("play")
    labels = [label for label, _ in PauseScreen(RecordingNav(app)).items]
    assert app.kit.ui("pause.finish_now") not in labels
