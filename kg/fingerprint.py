"""The builder's fingerprint: which code and data made an article graph.

A store keeps it per article so that an unchanged file is skipped only when the builder
is unchanged too; any edit to the extraction rules, the lexicons or the RDF mapping
changes the fingerprint and the next ``kg build --store`` re-extracts every article.
"""
from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import spacy

from kg import __version__

PACKAGE = Path(__file__).resolve().parent
# the modules an article passes through, from file to triples; kg/nlp, kg/inputs and kg/data entirely
MODULES = ("__init__", "reader", "normalize", "metadata", "dates", "lexicon", "model", "extract",
           "resolve", "naming", "rdf", "confidence", "vocab", "quads")
NOT_READ_BY_THE_BUILDER = {"roles_en.json"}  # the role scheme's English names: no article graph holds them


def _sources() -> list[Path]:
    files = [PACKAGE / f"{name}.py" for name in MODULES]
    files += sorted((PACKAGE / "nlp").glob("*.py"))
    files += sorted((PACKAGE / "inputs").glob("*.py"))
    files += sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file() and p.name not in NOT_READ_BY_THE_BUILDER)
    return files


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "none"


@cache
def builder_version() -> str:
    """``<package version>+<12 hex digits over the sources, data files and spaCy version>``."""
    h = hashlib.sha256(spacy.__version__.encode())
    h.update(_version("readability-lxml").encode())  # it reads saved pages: another version, other text
    for path in _sources():
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
