from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every Oxigraph store a test builds goes to a temporary cache, never ~/.cache/kg; set
    in os.environ so that the ``kg`` subprocesses and notebook kernels inherit it too."""
    cache = tmp_path_factory.mktemp("kg-cache")
    saved = os.environ.get("KG_CACHE_DIR")
    os.environ["KG_CACHE_DIR"] = str(cache / "oxigraph")
    yield cache
    if saved is None:
        os.environ.pop("KG_CACHE_DIR", None)
    else:
        os.environ["KG_CACHE_DIR"] = saved


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the repository")
    return SEEDS


@pytest.fixture
def extract_text():
    """Extract a record from an article written inline (title line, stamp line, body)."""
    from kg.extract import extract

    def run(body: str, stamp: str = "10:00 15/04/2024", title: str = "Tin thời sự") -> object:
        return extract("t.txt", f"{title}\n\n{stamp}\n\n{body}\n")
    return run
