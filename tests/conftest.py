"""Test-wide setup: no real display or sound, and user folders inside the test's temp space."""

import os

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory, monkeypatch):
    """Saves, settings and caches of each test go to a fresh folder, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEIGHBOUR_HOME", str(home / "data"))
    monkeypatch.setenv("NEIGHBOUR_CACHE", str(home / "cache"))
    yield


def pytest_addoption(parser):
    parser.addoption("--soak-long", action="store_true",
                     help="run the kiosk soak test with 200,000 events (several minutes)")
