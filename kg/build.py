"""The main job: files → records → one dataset with a named graph per article."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset

from kg.extract import extract
from kg.rdf import article_graph, new_dataset
from kg.reader import DEFAULT_MAX_BYTES, Input, iter_paths, read_input
from kg.vocab import RES

log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    built: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.built} article(s) built, {len(self.skipped)} skipped, {len(self.warnings)} warning(s)"


def build_dataset(paths: Iterable[Path], base: str = str(RES), max_bytes: int = DEFAULT_MAX_BYTES,
                  progress: Callable[[Path], None] | None = None) -> tuple[Dataset, BuildReport]:
    ds = new_dataset(base)
    report = BuildReport()
    for path in iter_paths(list(paths)):
        add_file(ds, path, report, base, max_bytes)
        if progress:
            progress(path)
    return ds, report


def add_file(ds: Dataset, path: Path, report: BuildReport, base: str, max_bytes: int) -> None:
    """Read, extract and add one file; any failure is reported and the build goes on."""
    item: Input = read_input(path, max_bytes)
    if item.text is None:
        report.skipped.append((str(path), item.warning or "skipped"))
        return
    if item.warning:
        report.warnings.append((str(path), item.warning))
    try:
        record = extract(path.name, item.text)
        article_graph(record, ds, base)
    except Exception as e:  # one bad article must not lose the others
        log.exception("extraction failed for %s", path)
        report.skipped.append((str(path), f"skipped: extraction failed ({type(e).__name__}: {e})"))
        return
    report.built += 1
