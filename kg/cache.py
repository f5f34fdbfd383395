"""The size cap of the Oxigraph store cache (``kg.store``): least recently used stores go
first, and never one that a process has open.

Each cache entry is a directory with a ``kg-source.json`` stamp. The stamp's mtime is the
LRU clock (``touch`` on every reuse); a shared ``flock`` on it, held while a store is open,
keeps ``evict`` (which needs the exclusive lock) away from stores in use by ``kg query`` or
``kg serve``.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

DEFAULT_CACHE_LIMIT = 4 << 30  # bytes: a 5M-quad store is 1.8 GB on disk
_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def cache_limit() -> int:
    """``$KG_CACHE_MAX_BYTES`` (a number of bytes, or with K/M/G: "500M"), else 4 GiB."""
    text = os.environ.get("KG_CACHE_MAX_BYTES", "").strip().upper().removesuffix("B").removesuffix("I")
    if not text:
        return DEFAULT_CACHE_LIMIT
    unit = text[-1] if text[-1] in _UNITS else ""
    try:
        return int(float(text[: len(text) - len(unit)]) * _UNITS[unit])
    except ValueError:
        raise ValueError(f"KG_CACHE_MAX_BYTES={os.environ['KG_CACHE_MAX_BYTES']!r}: "
                         "expected a size such as 2000000000, 500M or 4G") from None


def touch(meta: Path) -> None:
    """Mark an entry as just used (its stamp file's mtime is the LRU clock)."""
    try:
        os.utime(meta)
    except OSError:  # a read-only cache still works, it only evicts less well
        pass


def lock_entry(meta: Path, shared: bool = True) -> int | None:
    """A file descriptor holding a lock on an entry's stamp file; None when not to be had
    (held by another process in the other mode, or no ``fcntl`` on this system)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(meta, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH if shared else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def size(directory: Path) -> int:
    """Bytes under ``directory`` (files only, links not followed)."""
    total = 0
    for root, _dirs, files in os.walk(directory):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def evict(cache_dir: Path, limit: int, keep: Path | None = None) -> list[Path]:
    """Remove the least recently used entries until the cache holds at most ``limit`` bytes;
    ``keep`` (the entry just built) and entries open in some process stay, whatever their
    size. The entries removed."""
    entries = []
    for entry in cache_dir.iterdir() if cache_dir.is_dir() else ():
        meta = entry / "kg-source.json"
        if entry.is_dir() and meta.is_file():  # complete entries only, not one being built
            entries.append((meta.stat().st_mtime, entry, size(entry)))
    total = sum(bytes_ for *_, bytes_ in entries)
    removed = []
    for _used, entry, bytes_ in sorted(entries, key=lambda e: (e[0], e[1].name)):
        if total <= limit:
            break
        if keep is not None and entry == keep:
            continue
        lock = lock_entry(entry / "kg-source.json", shared=False)
        if lock is None:
            continue  # open in a kg query or kg serve
        try:
            shutil.rmtree(entry, ignore_errors=True)
        finally:
            os.close(lock)
        total -= bytes_
        removed.append(entry)
    return removed
