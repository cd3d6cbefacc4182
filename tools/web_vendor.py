"""Fetch the browser edition's pinned npm packages once: Pyodide (the core runs on it) and axe-core
(the accessibility checks in the browser tests).

    python tools/web_vendor.py [DIR]      # into build/vendor (or $NEIGHBOUR_WEB_VENDOR, or DIR)

Each package is one tarball from registry.npmjs.org at the exact version pinned in game/web/vendor.py,
checked against the registry's sha512 integrity hash before it is unpacked; a tarball that does not
match is not used. `python main.py web build` only reads the unpacked files; the built page fetches
nothing from the internet.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import tarfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from game.web.vendor import PINS, check_integrity, package_dir, present  # noqa: E402

REGISTRY = "https://registry.npmjs.org"


def fetch(name: str, where: str | None = None) -> str:
    """The unpacked package folder, downloading and checking the tarball when it is not there yet."""
    version, integrity = PINS[name]
    dest = package_dir(name, where)
    if present(name, where):
        print(f"web_vendor: {name}@{version} already in {dest}")
        return dest
    url = f"{REGISTRY}/{name}/-/{name.split('/')[-1]}-{version}.tgz"
    print(f"web_vendor: downloading {url}")
    with urllib.request.urlopen(url, timeout=300) as resp:  # noqa: S310 - a fixed https address
        blob = resp.read()
    if not check_integrity(blob, integrity):
        raise SystemExit(f"web_vendor: {name}@{version} does not match its pinned integrity hash; not used")
    tmp = dest + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as tar:
        tar.extractall(tmp, filter="data")
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(os.path.join(tmp, "package"), dest)
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"web_vendor: {name}@{version} ({len(blob) / 1e6:.1f} MB, integrity checked) in {dest}")
    return dest


def main(argv: list[str]) -> int:
    where = argv[0] if argv else None
    for name in PINS:
        fetch(name, where)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
