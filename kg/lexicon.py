"""The data files under ``kg/data`` (gazetteers, lexicons, patterns), loaded once."""
from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kg.normalize import normalize_text


def _read(name: str) -> str:
    return normalize_text(resources.files("kg.data").joinpath(name).read_text(encoding="utf-8"))


@cache
def data(name: str) -> Any:
    """A JSON data file, its strings normalised like article text."""
    return json.loads(_read(name))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """A one-entry-per-line data file; '#' starts a comment."""
    return tuple(line.strip() for line in _read(name).splitlines() if line.strip() and not line.startswith("#"))


@cache
def word_sections(name: str) -> dict[str, tuple[str, ...]]:
    """A one-entry-per-line data file in sections, each headed by a line '## <title>: ...'."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in _read(name).splitlines():
        line = line.strip()
        if line.startswith("## "):
            current = out.setdefault(line[3:].split(":", 1)[0].strip(), [])
        elif line and not line.startswith("#") and current is not None:
            current.append(line)
    return {k: tuple(v) for k, v in out.items()}


@cache
def standalone_short_forms() -> frozenset[str]:
    """Short forms that name one body of their own when the article never completes them ('Chủ tịch
    HĐND' with no level or place: that article's HĐND; orgs.json)."""
    return frozenset(data("orgs.json")["standalone_short_forms"])
