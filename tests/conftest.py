from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"


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
