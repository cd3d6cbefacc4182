"""The compiled cache is used when fresh, rebuilt when stale or corrupt, and never runs code."""

import os

from game.core.load import cache
from game.core.load.build import build
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
    data = marshal.loads(blob[len(cache.MAGIC) + cache.KEY_LENGTH + 8:])
    assert set(data["scenes"]) >= {"a"} and all(type(v) is bytes for v in data["scenes"].values())
    data["scenes"] = {sid: marshal.loads(packed) for sid, packed in data["scenes"].items()}  # packed one by one
    assert data["scenes"]["a"]["text"] == {"": "One"}

    def plain(v):
        if isinstance(v, dict):
            return all(isinstance(k, str) and plain(x) for k, x in v.items())
        if isinstance(v, (list, tuple)):
            return all(plain(x) for x in v)
        return v is None or isinstance(v, (str, int, float, bool))
    assert plain(data)


def test_content_from_the_cache_plays_exactly_as_from_source(tmp_path):
    """Scenes from the cache are packed one by one and built when first shown; the game must not
    be able to tell: the same scenes, and the same playthroughs choice for choice."""
    import random

    from game.core.load.loader import load_sources
    from game.core.paths import content_dir
    from game.core.play.simulate import make_policy, play_once
    dirs = [content_dir()]
    cache.load_cached(dirs, str(tmp_path / "c"))
    cached, hit = cache.load_cached(dirs, str(tmp_path / "c"))
    assert hit
    a, b = build(load_sources(dirs).data), build(cached.data)
    assert list(a.scenes) == list(b.scenes) and len(a.scenes) == len(b.scenes) > 100
    assert "no_such_scene" not in b.scenes and b.scenes.get("no_such_scene") is None
    for sid in list(a.scenes)[::25]:
        sa, sb = a.scenes[sid], b.scenes[sid]
        assert (sa.text, [c.id for c in sa.choices], sa.next) == (sb.text, [c.id for c in sb.choices], sb.next)
        assert (sa.event is None) == (sb.event is None)
    assert {k: [s for s, _ in v] for k, v in a.pools.items()} == {k: [s for s, _ in v] for k, v in b.pools.items()}
    for campaign in ("resident", "officer"):
        for seed in range(3):
            runs = [play_once(c, campaign, seed, make_policy("random", c, random.Random(seed)))[1] for c in (a, b)]
            assert runs[0] == runs[1]
