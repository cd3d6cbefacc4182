"""User folders come from the platform's own look-up (platformdirs), with the overrides tests and kiosks use."""

import os

import platformdirs

from game.core import userdirs


def test_the_environment_overrides_win(monkeypatch, tmp_path):
    monkeypatch.setenv("NEIGHBOUR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEIGHBOUR_CACHE", str(tmp_path / "cache"))
    assert userdirs.data_dir() == str(tmp_path / "home") and userdirs.cache_dir() == str(tmp_path / "cache")


def test_without_overrides_the_platform_folders_are_used(monkeypatch):
    monkeypatch.delenv("NEIGHBOUR_HOME")
    monkeypatch.delenv("NEIGHBOUR_CACHE")
    assert userdirs.data_dir() == platformdirs.user_data_dir(userdirs._name(), appauthor=False, roaming=True)
    assert userdirs.cache_dir() == platformdirs.user_cache_dir(userdirs._name(), appauthor=False)


def test_results_go_to_documents_wherever_the_platform_says_it_is(monkeypatch, tmp_path):
    redirected = tmp_path / "OneDrive" / "Dokumenter"     # a Documents folder moved elsewhere
    redirected.mkdir(parents=True)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(redirected))
    assert userdirs.results_dir() == os.path.join(str(redirected), "Neighbour results")
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "missing"))
    assert userdirs.results_dir() == os.path.join(os.path.expanduser("~"), "Neighbour results")
