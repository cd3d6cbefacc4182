"""Writing the browser edition's folder: `build(dirs, out)`.

    OUT/index.html app.js style.css sw.js   the page (static/), the service worker with its file list
    OUT/content.json                         the story, linted and compiled (core/load/jsonform.py)
    OUT/core.zip                             game/core and game/web's Python, unpacked into Pyodide
    OUT/snapshot.bin                         Pyodide's memory with the core imported and the story built
                                             (gzip; made with Node by snapshot.mjs when Node is there)
    OUT/pyodide/                             the pinned Pyodide files (vendor.py), nothing else
    OUT/assets/                              the SVG pictures, portraits, icons and the two fonts

The interface strings the page needs before Python has started (loading, the file:// notice, a
failed start) are written into index.html, both languages, so even those come from content/ui.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..core.diagnostics import Report
from ..core.paths import asset_roots
from . import vendor

HERE = os.path.dirname(os.path.abspath(__file__))
GAME = os.path.dirname(HERE)
STATIC = os.path.join(HERE, "static")
PAGE_FILES = ("index.html", "app.js", "render.js", "style.css", "sw.js", "manifest.webmanifest")
ASSET_SUFFIXES = (".svg", ".ttf", ".otf", ".txt")
EARLY_STRINGS = ("web.", "app.title", "title.tagline", "settings.", "ui.back")
SNAPSHOT_MAKER = os.path.join(HERE, "snapshot.mjs")
SNAPSHOT_TIMEOUT_S = 300


class BuildError(Exception):
    """The build cannot go on; the message says what to do."""


@dataclass
class Built:
    out: str
    report: Report
    files: list[str] = field(default_factory=list)
    size: int = 0
    sources: dict[str, str] = field(default_factory=dict)  # shown name -> path, for the lint messages
    snapshot: str = ""  # why there is no start-up snapshot ("" when there is one, or none was asked for)


def _core_zip(path: str) -> None:
    """game/__init__.py, game/core and game/web's Python: the same files the desktop runs."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(GAME, "__init__.py"), "game/__init__.py")
        for sub in ("core", "web"):
            for root, dirs, files in os.walk(os.path.join(GAME, sub)):
                dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "static"))
                for name in sorted(files):
                    if name.endswith(".py"):
                        full = os.path.join(root, name)
                        z.write(full, os.path.relpath(full, os.path.dirname(GAME)))


def _copy_assets(dirs: list[str], out: str) -> None:
    """Every picture, icon and font the page may show (sounds stay out: the page has none)."""
    for root in reversed(asset_roots(dirs)):  # the game's first, then each content folder's over it
        for base, subdirs, files in os.walk(root):
            subdirs[:] = [d for d in subdirs if d != "sounds"]
            for name in files:
                if name.endswith(ASSET_SUFFIXES):
                    src = os.path.join(base, name)
                    dest = os.path.join(out, "assets", os.path.relpath(src, root))
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    shutil.copyfile(src, dest)


def _early_strings(data: dict[str, Any]) -> dict[str, dict[str, str]]:
    strings = data.get("strings") or {}
    return {k: v for k, v in strings.items() if k.startswith(EARLY_STRINGS) and isinstance(v, dict)}


def _snapshot_key(out: str) -> str:
    """What a start-up snapshot is made from: the core, the story and the Pyodide version."""
    h = hashlib.sha256(vendor.PINS["pyodide"][0].encode())
    for name in ("core.zip", "content.json"):
        with open(os.path.join(out, name), "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def _make_snapshot(out: str, key: str) -> str:
    """Run snapshot.mjs with Node to write OUT/snapshot.bin; "" when written, else why not (the page
    then starts Pyodide from scratch: the same game, a few seconds slower)."""
    node = shutil.which("node")
    if node is None:
        return "Node is not installed (the page starts without a snapshot, a few seconds slower)"
    why = ""
    try:
        done = subprocess.run([node, SNAPSHOT_MAKER, out, key], capture_output=True, text=True,
                              timeout=SNAPSHOT_TIMEOUT_S, check=False)
        if done.returncode != 0 or not os.path.isfile(os.path.join(out, "snapshot.bin")):
            lines = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
            last = lines[-1] if lines else f"exit status {done.returncode}"
            why = next((x for x in lines if "Error" in x), last)[:300]
    except (OSError, subprocess.TimeoutExpired) as exc:
        why = str(exc)
    if why:
        for name in ("snapshot.bin", "snapshot.bin.part"):  # nothing half-made goes into the folder
            if os.path.exists(os.path.join(out, name)):
                os.remove(os.path.join(out, name))
        return f"Node could not make it: {why}"
    return ""


def _preloads(snapshot: bool) -> str:
    """<link>s that start the big downloads while the page's scripts are still being read."""
    fetched = ["snapshot.bin"] if snapshot else ["content.json"]
    fetched += ["core.zip", "pyodide/pyodide.asm.wasm", "pyodide/python_stdlib.zip", "pyodide/pyodide-lock.json"]
    links = [f'<link rel="preload" href="{f}" as="fetch" crossorigin>' for f in fetched]
    links += ['<link rel="preload" href="pyodide/pyodide.js" as="script">',
              '<link rel="modulepreload" href="pyodide/pyodide.asm.mjs">']
    return "\n".join(links)


def _version(out: str, files: list[str]) -> str:
    h = hashlib.sha256()
    for rel in files:
        h.update(rel.encode())
        with open(os.path.join(out, rel), "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def build(dirs: list[str], out: str, vendor_where: str | None = None, snapshot: bool = True) -> Built:
    """Lint and compile the content, then write the folder. On content errors nothing is written
    and the report holds them; a missing Pyodide raises BuildError naming the command to run.
    With `snapshot`, Node (when installed) makes the start-up snapshot; Built.snapshot says why not."""
    from ..core.lint import lint
    from ..core.load import jsonform
    result = lint(dirs, simulate_runs=0)
    built = Built(out, result.report, sources={src.shown: src.path for src in result.loaded.sources})
    if not result.report.ok:
        return built
    if not vendor.present("pyodide", vendor_where):
        where = vendor.package_dir("pyodide", vendor_where)
        raise BuildError(f"Pyodide {vendor.PINS['pyodide'][0]} is not in {where}; "
                         f"run `{vendor.FETCH_COMMAND}` once (it downloads the pinned npm package and checks "
                         "its hash), then build again")
    if os.path.exists(out) and not os.path.isfile(os.path.join(out, "sw.js")) and os.listdir(out):
        raise BuildError(f"{out} is not empty and is not an earlier build; choose an empty or new folder")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "pyodide"))
    pyo = vendor.package_dir("pyodide", vendor_where)
    for name in vendor.PYODIDE_FILES:
        shutil.copyfile(os.path.join(pyo, name), os.path.join(out, "pyodide", name))
    with open(os.path.join(out, "content.json"), "w", encoding="utf-8") as fh:
        fh.write(jsonform.dumps(result.loaded.data))
    _core_zip(os.path.join(out, "core.zip"))
    key = _snapshot_key(out)
    if snapshot:
        built.snapshot = _make_snapshot(out, key)
    made = snapshot and not built.snapshot
    _copy_assets(dirs, out)
    for name in PAGE_FILES:
        if name not in ("index.html", "sw.js"):
            shutil.copyfile(os.path.join(STATIC, name), os.path.join(out, name))
    files = sorted(os.path.relpath(os.path.join(b, f), out).replace(os.sep, "/")
                   for b, _d, fs in os.walk(out) for f in fs)
    version = _version(out, files)
    early = json.dumps(_early_strings(result.loaded.data), ensure_ascii=False).replace("</", "<\\/")
    with open(os.path.join(STATIC, "index.html"), encoding="utf-8") as fh:
        page = (fh.read().replace("{{STRINGS}}", early).replace("{{VERSION}}", version)
                .replace("{{SNAPSHOT}}", key if made else "").replace("{{PRELOAD}}", _preloads(made)))
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as fh:
        fh.write(page)
    files.append("index.html")
    with open(os.path.join(STATIC, "sw.js"), encoding="utf-8") as fh:
        sw = fh.read().replace("{{VERSION}}", version).replace(
            "{{FILES}}", json.dumps(["./"] + [f"./{f}" for f in sorted(files)]))
    with open(os.path.join(out, "sw.js"), "w", encoding="utf-8") as fh:
        fh.write(sw)
    files.append("sw.js")
    built.files = sorted(files)
    built.size = sum(os.path.getsize(os.path.join(out, f)) for f in built.files)
    return built
