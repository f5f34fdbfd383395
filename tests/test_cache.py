"""The Oxigraph store cache: tests keep out of ~/.cache, the cache has a size cap, and the
least recently used stores go first (never one that is open)."""
from __future__ import annotations

import gc
import os
import subprocess
import time
from pathlib import Path

import pytest

from kg import cache as kgcache
from kg.cache import cache_limit, evict
from kg.store import StoreError, default_cache_dir, open_store

ROOT = Path(__file__).resolve().parent.parent


def test_the_suite_uses_a_temporary_cache():
    cache = default_cache_dir().resolve()
    assert not cache.is_relative_to((Path.home() / ".cache").resolve())
    assert "KG_CACHE_DIR" in os.environ  # inherited by kg subprocesses and notebook kernels


def graph(tmp_path: Path, name: str, n: int) -> Path:
    path = tmp_path / f"{name}.nt"
    path.write_text("".join(f'<http://x/{name}/{i}> <http://x/p> "{"v" * 50} {i}" .\n' for i in range(n)),
                    encoding="utf-8")
    return path


def entries(cache: Path) -> dict[str, Path]:
    """Cached graph file name → entry."""
    import json

    out = {}
    for entry in cache.iterdir():
        meta = entry / "kg-source.json"
        if meta.is_file():
            out[Path(json.loads(meta.read_text())["source"]).name] = entry
    return out


def use(path: Path) -> None:
    """Open the cached store for ``path`` and let go of it (releasing its lock)."""
    s = open_store(path)
    assert len(s) > 0
    del s
    gc.collect()


def test_least_recently_used_is_evicted(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    a, b, c = (graph(tmp_path, n, 2000) for n in "abc")
    use(a)
    one = kgcache.size(next(iter(entries(cache).values())))
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", str(int(one * 2.5)))  # room for two
    use(b)
    time.sleep(0.05)
    use(a)  # a is now more recently used than b
    time.sleep(0.05)
    use(c)
    assert set(entries(cache)) == {"a.nt", "c.nt"}
    assert sum(kgcache.size(e) for e in entries(cache).values()) <= int(one * 2.5)


def test_an_open_store_is_never_evicted(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    a, b = graph(tmp_path, "a", 2000), graph(tmp_path, "b", 2000)
    held = open_store(a)  # like a kg serve still running
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "1")
    use(b)
    assert set(entries(cache)) == {"a.nt", "b.nt"}  # b just built, a in use
    assert len(held.query("SELECT ?s WHERE { ?s ?p ?o }").rows) == 2000
    del held
    gc.collect()
    a_entry, b_entry = entries(cache)["a.nt"], entries(cache)["b.nt"]
    assert evict(cache, 1, keep=b_entry) == [a_entry]  # closed now: it goes


def test_a_store_bigger_than_the_cap_is_still_kept(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "1K")
    path = graph(tmp_path, "big", 3000)
    use(path)
    use(path)  # reused, not rebuilt
    assert list(entries(tmp_path / "cache")) == ["big.nt"]


def test_cache_limit_reads_sizes(monkeypatch):
    for text, value in [("", kgcache.DEFAULT_CACHE_LIMIT), ("1000", 1000), ("500M", 500 << 20),
                        ("2G", 2 << 30), ("1.5GiB", int(1.5 * (1 << 30))), ("64kb", 64 << 10)]:
        monkeypatch.setenv("KG_CACHE_MAX_BYTES", text)
        assert cache_limit() == value
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "lots")
    with pytest.raises(ValueError, match="KG_CACHE_MAX_BYTES"):
        cache_limit()


def test_a_bad_cache_limit_is_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_CACHE_MAX_BYTES", "lots")
    with pytest.raises(StoreError, match="expected a size"):
        open_store(graph(tmp_path, "a", 10))


def fake_root(tmp_path: Path, uid: str) -> tuple[Path, Path, dict[str, str]]:
    """A copy of the scripts with stub python, id and apt-get, and no chromium on PATH."""
    root = tmp_path / "proj"
    (root / "scripts").mkdir(parents=True)
    for name in ("test.sh", "system-deps.sh"):
        (root / "scripts" / name).write_text((ROOT / "scripts" / name).read_text())
    bin_dir, log = tmp_path / "bin", tmp_path / "calls.log"
    bin_dir.mkdir()
    (root / ".venv" / "bin").mkdir(parents=True)
    stubs = {root / ".venv" / "bin" / "python": f'echo "python $*" >> {log}',
             bin_dir / "id": f"echo {uid}",
             bin_dir / "apt-get": f'echo "apt-get $*" >> {log}'}
    for path, body in stubs.items():
        path.write_text(f"#!/bin/bash\n{body}\n")
        path.chmod(0o755)
    for tool in ("bash", "dirname", "grep", "head", "cat"):
        found = subprocess.run(["bash", "-c", f"command -v {tool}"], capture_output=True, text=True).stdout.strip()
        if found:
            (bin_dir / tool).symlink_to(found)
    return root, log, {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def test_test_sh_says_when_it_installs_system_packages(tmp_path):
    root, log, env = fake_root(tmp_path, "0")
    proc = subprocess.run(["bash", str(root / "scripts" / "test.sh"), "-q"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "installing system packages with apt-get: chromium chromium-driver" in proc.stderr
    assert "apt-get install" in log.read_text()
    env["KG_NO_SYSTEM_DEPS"] = "1"
    log.unlink()
    proc = subprocess.run(["bash", str(root / "scripts" / "test.sh")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert "not installing system packages" in proc.stderr and "apt-get" not in log.read_text()


def test_test_sh_is_quiet_when_it_installs_nothing(tmp_path):
    root, log, env = fake_root(tmp_path, "1000")  # not root: nothing is installed
    proc = subprocess.run(["bash", str(root / "scripts" / "test.sh")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "installing" not in proc.stderr and "apt-get" not in log.read_text()
