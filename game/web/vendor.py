"""The browser edition's pinned npm packages and where their unpacked files are kept.

tools/web_vendor.py downloads them (checking each tarball's sha512 integrity hash); `web build` and
the browser tests only read the unpacked folders, and say exactly what to run when one is missing.
"""

from __future__ import annotations

import base64
import hashlib
import os

from ..core.paths import content_dir

# name -> (exact version, npm's integrity field for its tarball)
PINS: dict[str, tuple[str, str]] = {
    "pyodide": ("314.0.8",
                "sha512-74Wq1kXOC+CCEzAfxuRAO701nAcCMLjf8NrwvWpu8S41dVMXwXmLQ05dYB+F4e46AdnGo0oq7YHSVUpHsoarLQ=="),
    "axe-core": ("4.14.1",
                 "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="),
}
# the Pyodide files the page needs (no packages: the core uses the standard library only)
PYODIDE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json", "package.json")
FETCH_COMMAND = "python tools/web_vendor.py"


def vendor_dir() -> str:
    """$NEIGHBOUR_WEB_VENDOR, else build/vendor beside the checkout's content folder."""
    override = os.environ.get("NEIGHBOUR_WEB_VENDOR")
    if override:
        return override
    return os.path.join(os.path.dirname(os.path.abspath(content_dir())), "build", "vendor")


def package_dir(name: str, where: str | None = None) -> str:
    return os.path.join(where or vendor_dir(), f"{name}-{PINS[name][0]}")


def present(name: str, where: str | None = None) -> bool:
    return os.path.isfile(os.path.join(package_dir(name, where), "package.json"))


def check_integrity(blob: bytes, integrity: str) -> bool:
    """Whether the bytes match npm's `sha512-<base64>` integrity field."""
    algo, _, want = integrity.partition("-")
    return algo == "sha512" and base64.b64encode(hashlib.sha512(blob).digest()).decode("ascii") == want
