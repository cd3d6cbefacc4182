"""The compiled cache is used when fresh, rebuilt when stale or corrupt, and never runs code."""

import os

from game.core import cache
from game.core.content import build
from storytools import WORLD, write


def test_cache_is_used_then_invalidated_by_an_edit(tmp_path):
    folder = write(tmp_path, "scenes:\n  a: {text: One}\n")
    dirs = WORLD + [folder]
    first, hit = cache.load_cached(dirs, str(tmp_path / "c"))
    assert not hit and first.report.ok
    second, hit = cache.load_cached(dirs, str(tmp_path / "c"))
    assert hit and build(second.data).scenes["a"].text == {"": "One"}
    write(tmp_path, "scenes:\n  a: {text: Two}\n")
    third, hit = cache.load_cached(dirs, str(tmp_path / "c"))
    assert not hit and build(third.data).scenes["a"].text == {"": "Two"}


def test_corrupt_or_truncated_cache_is_rebuilt(tmp_path):
    folder = write(tmp_path, "scenes:\n  a: {text: One}\n")
    dirs = WORLD + [folder]
    where = str(tmp_path / "c")
    cache.load_cached(dirs, where)
    (path,) = [os.path.join(where, f) for f in os.listdir(where)]
    blob = open(path, "rb").read()
    for broken in (blob[: len(blob) // 2], blob[:-1] + bytes([blob[-1] ^ 1]), b"", b"NBRCACHE" + b"0" * 80):
        with open(path, "wb") as fh:
            fh.write(broken)
        loaded, hit = cache.load_cached(dirs, where)
        assert not hit and loaded.report.ok
        assert open(path, "rb").read() == blob  # rebuilt to the same bytes


def test_content_with_errors_is_never_cached(tmp_path):
    folder = write(tmp_path, "scenes:\n  a: {txet: One}\n")
    loaded, hit = cache.load_cached(WORLD + [folder], str(tmp_path / "c"))
    assert not loaded.report.ok and not hit
    assert not os.path.exists(tmp_path / "c") or not os.listdir(tmp_path / "c")


def test_cache_holds_only_plain_data(tmp_path):
    import marshal
    folder = write(tmp_path, "scenes:\n  a: {text: One}\n")
    where = str(tmp_path / "c")
    cache.load_cached(WORLD + [folder], where)
    (name,) = os.listdir(where)
    blob = open(os.path.join(where, name), "rb").read()
    data = marshal.loads(blob[len(cache.MAGIC) + 72:])

    def plain(v):
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        if isinstance(v, (list, tuple)):
            return all(plain(x) for x in v)
        return v is None or isinstance(v, (str, int, float, bool))
    assert plain(data)
