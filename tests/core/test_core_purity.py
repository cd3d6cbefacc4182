"""The core is plain Python: it must import and play with pygame made unimportable."""

import subprocess
import sys

from storytools import ROOT

SCRIPT = r"""
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "pygame" or name.startswith("pygame."):
            raise ImportError("pygame is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import importlib, pkgutil
import game.core as core
for mod in pkgutil.walk_packages(core.__path__, "game.core."):
    importlib.import_module(mod.name)
from game.core.load.cache import load_cached
from game.core.load.build import build
from game.core.paths import content_dir
from game.core.play.simulate import simulate
loaded, _ = load_cached([content_dir()])
assert loaded.report.ok, loaded.report.format()
content = build(loaded.data)
for cid in content.campaigns:
    simulate(content, cid, runs=2)
assert not any(m == "pygame" or m.startswith("pygame.") for m in sys.modules), "pygame was imported"
print("pure")
"""


def test_core_never_imports_pygame(tmp_path):
    env = {"PYTHONPATH": ROOT, "NEIGHBOUR_CACHE": str(tmp_path), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "pure"
