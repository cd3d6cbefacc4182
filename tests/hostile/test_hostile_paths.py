"""Hostile paths (issue 13): every path a story names (pictures, portraits, ambient sounds) stays
inside its content folder on every operating system; the window never opens a file outside it."""

from __future__ import annotations

import os

import pytest

from game.core.paths import confined_file, unconfined
from storytools import errors

POSIX = hasattr(os, "symlink") and os.name == "posix"


@pytest.mark.parametrize("rel", ["/etc/passwd", "C:/Windows/win.ini", "c:secret.svg", "\\\\server\\share\\x.svg",
                                 "..\\..\\x.svg", "places/../../x.svg", "~/x.svg", "places//x.svg",
                                 "places/x.svg:stream", "places/\x1bx.svg", ""])
def test_a_path_that_could_leave_its_folder_is_refused(rel):
    assert unconfined(rel)


def test_an_ordinary_path_is_fine():
    assert unconfined("places/workshop.svg") == "" and unconfined("portraits/ingrid.svg") == ""


def test_pictures_and_ambient_sounds_are_checked_in_the_content_with_their_place(tmp_path):
    found = errors(tmp_path, """
        places:
          a: {art: "C:/Windows/x.svg", name: A}
          b: {art: "..\\\\..\\\\x.svg", name: B}
          c: {art: places/ok.svg, ambient: "../../../home/secret", name: C}
        """)
    assert found[0].startswith("story.yaml:3:12: expected a relative path under assets/ such as "
                               "places/workshop.svg, found 'C:/Windows/x.svg' (it starts at the top")
    assert found[1].startswith("story.yaml:4:12: expected a relative path under assets/")
    assert found[2].startswith("story.yaml:5:36: expected a name of lowercase letters")
    assert len(found) == 3


@pytest.mark.skipif(not POSIX, reason="needs symlinks")
def test_the_window_never_follows_a_link_out_of_the_assets_folder(tmp_path):
    root = tmp_path / "assets"
    (root / "places").mkdir(parents=True)
    (root / "places" / "ok.svg").write_text("<svg/>", encoding="utf-8")
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg/>", encoding="utf-8")
    (root / "places" / "link.svg").symlink_to(outside)
    assert confined_file(str(root), "places/ok.svg") == str(root / "places" / "ok.svg")
    assert confined_file(str(root), "places/link.svg") is None
    assert confined_file(str(root), "../secret.svg") is None
    from game.ui.assets import Images
    assert Images([str(root)]).find("places/link.svg") is None
