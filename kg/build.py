"""The main job: files → records → one dataset with a named graph per article, or → a
persistent project store updated incrementally (only new and changed articles are extracted).

The work on one file (``process``) is the same in both cases and runs in worker processes
when asked; everything that decides the output happens here, in input order.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Dataset

from kg.extract import extract
from kg.fingerprint import builder_version
from kg.model import ArticleRecord
from kg.normalize import normalize_text
from kg.parallel import DEFAULT_TIMEOUT, TimeLimit, Workers, time_limit
from kg.project_store import Entry, ProjectStore
from kg.quads import article_iri, article_ntriples
from kg.rdf import article_graph, new_dataset
from kg.reader import DEFAULT_MAX_BYTES, iter_paths, read_input
from kg.vocab import RES

log = logging.getLogger(__name__)

# (text in the message, name in the counts); first match wins
SKIP_KINDS = (("empty file", "empty"), ("binary", "binary"), ("MB is over", "too large"), ("cannot read", "unreadable"),
              ("no text left", "no text"), ("not valid UTF-8", "bad file name"), ("took longer", "timed out"),
              ("extraction failed", "extraction failed"), ("same article name", "duplicate name"))
WARNING_KINDS = (("not UTF-8", "not UTF-8"), ("HTML page", "HTML"))


def _kinds(messages: Iterable[str], table: tuple[tuple[str, str], ...], first_only: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    for message in messages:
        found = [name for text, name in table if text in message] or ["other"]
        counts.update(found[:1] if first_only else found)
    return counts


@dataclass
class BuildReport:
    built: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0          # store builds: articles whose file and builder did not change
    removed: int = 0            # store builds: graphs dropped by --prune

    def skip_counts(self) -> Counter[str]:
        return _kinds((r for _, r in self.skipped), SKIP_KINDS, first_only=True)

    def warning_counts(self) -> Counter[str]:
        return _kinds((w for _, w in self.warnings), WARNING_KINDS, first_only=False)

    def summary(self) -> str:
        text = f"{self.built} article(s) built, {len(self.skipped)} skipped, {len(self.warnings)} warning(s)"
        if self.unchanged or self.removed:
            text += f", {self.unchanged} unchanged, {self.removed} removed"
        details = [f"{label}: " + ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
                   for label, counts in (("skipped", self.skip_counts()), ("warnings", self.warning_counts())) if counts]
        return text + (f" ({'; '.join(details)})" if details else "")

    def messages(self, per_kind: int = 20) -> list[str]:
        """One line per skipped file and warning, at most ``per_kind`` of each kind (a corpus of
        10,000 bad files should not print 10,000 lines), then how many more there were."""
        out: list[str] = []
        for items, table, counts in ((self.skipped, SKIP_KINDS, self.skip_counts()),
                                     (self.warnings, WARNING_KINDS, self.warning_counts())):
            shown: Counter[str] = Counter()
            for name, reason in items:
                kind = next(iter(_kinds([reason], table, first_only=True)))
                shown[kind] += 1
                if shown[kind] <= per_kind:
                    out.append(f"{name}: {reason}")
            out += [f"… and {counts[k] - per_kind} more: {k}" for k in counts if counts[k] > per_kind]
        return out


# ---------------------------------------------------------------------- one file
@dataclass(frozen=True)
class Task:
    path: Path
    base: str
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    known_hash: str | None = None   # the store's hash for this article (same builder): skip if equal
    to_ntriples: bool = False       # store builds: make the graph in the worker too


@dataclass
class Outcome:
    path: Path
    status: str                          # built | unchanged | skipped
    reason: str | None = None            # why skipped
    warning: str | None = None
    content_hash: str | None = None
    record: ArticleRecord | None = None  # built, for a dataset
    ntriples: str | None = None          # built, for a store: the article graph


def process(task: Task) -> Outcome:
    """Read, hash, extract one file; never raises (one bad article must not lose the others)."""
    path = task.path
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return Outcome(path, "skipped", "skipped: the file name is not valid UTF-8")
    item = read_input(path, task.max_bytes)
    if item.text is None:
        return Outcome(path, "skipped", item.warning or "skipped")
    if task.known_hash is not None:
        digest = hashlib.sha256(normalize_text(item.text).encode("utf-8")).hexdigest()
        if digest == task.known_hash:
            return Outcome(path, "unchanged", warning=item.warning, content_hash=digest)
    try:
        with time_limit(task.timeout):
            record = extract(path.name, item.text)
            if not task.to_ntriples:
                return Outcome(path, "built", warning=item.warning, content_hash=record.content_hash, record=record)
            nt = article_ntriples(record, task.base)
    except TimeLimit as e:
        return Outcome(path, "skipped", f"skipped: extraction {e} (--timeout)", item.warning)
    except Exception as e:
        log.exception("extraction failed for %s", path)
        return Outcome(path, "skipped", f"skipped: extraction failed ({type(e).__name__}: {e})", item.warning)
    return Outcome(path, "built", warning=item.warning, content_hash=record.content_hash, ntriples=nt)


def _warm_worker() -> None:
    """Worker start-up: load the spaCy pipeline once, not with the first article."""
    from kg.nlp.pipeline import make_nlp

    make_nlp()


def _count(report: BuildReport, outcome: Outcome) -> None:
    if outcome.warning:
        report.warnings.append((str(outcome.path), outcome.warning))
    if outcome.status == "skipped":
        report.skipped.append((str(outcome.path), outcome.reason or "skipped"))


# ---------------------------------------------------------------------- a dataset (no store)
def build_dataset(paths: Iterable[Path], base: str = str(RES), max_bytes: int = DEFAULT_MAX_BYTES,
                  progress: Callable[[Path], None] | None = None, workers: int = 1,
                  timeout: float = DEFAULT_TIMEOUT) -> tuple[Dataset, BuildReport]:
    """All articles into one in-memory dataset, in input order whatever the number of workers."""
    ds = new_dataset(base)
    report = BuildReport()
    tasks = (Task(p, base, max_bytes, timeout) for p in iter_paths(list(paths)))
    with Workers(process, workers, _warm_worker) as pool:
        for outcome in pool.map(tasks):
            if outcome.record is not None:
                try:
                    article_graph(outcome.record, ds, base)
                    report.built += 1
                except Exception as e:
                    log.exception("RDF mapping failed for %s", outcome.path)
                    outcome.status, outcome.reason = "skipped", f"skipped: extraction failed ({type(e).__name__}: {e})"
            _count(report, outcome)
            if progress:
                progress(outcome.path)
    return ds, report


# ---------------------------------------------------------------------- a project store
def build_store(paths: Iterable[Path], directory: Path, base: str = str(RES), max_bytes: int = DEFAULT_MAX_BYTES,
                progress: Callable[[Path], None] | None = None, workers: int = 1,
                timeout: float = DEFAULT_TIMEOUT, prune: bool = False) -> BuildReport:
    """Bring the store up to date with ``paths``: new and changed articles are extracted and
    their graphs replaced one transaction each; unchanged ones (same normalised-text hash,
    same builder) cost a read and a hash; with ``prune``, graphs of articles not built or
    unchanged in this run are dropped."""
    report = BuildReport()
    version = builder_version()
    files = list(iter_paths(list(paths)))
    with Workers(process, workers, _warm_worker) as pool, ProjectStore(directory, base) as store:
        manifest = store.manifest()
        kept: set[str] = set()
        first: dict[str, Path] = {}   # article IRI → the input that claimed it in this run
        plan: list[tuple[Path, str | None]] = []
        for path in files:
            try:
                iri = article_iri(path.name, base)
            except UnicodeEncodeError:
                iri = None  # process() reports the file name
            if iri is not None and iri in first:
                report.skipped.append((str(path), f"skipped: same article name as {first[iri]} (one graph per name)"))
                continue
            if iri is not None:
                first[iri] = path
            plan.append((path, iri))

        def tasks():
            for path, iri in plan:
                entry = manifest.get(iri) if iri else None
                known = entry.content_hash if entry is not None and entry.builder == version else None
                yield Task(path, base, max_bytes, timeout, known_hash=known, to_ntriples=True)

        for (path, iri), outcome in zip(plan, pool.map(tasks())):
            _count(report, outcome)
            if outcome.status != "skipped":
                assert iri is not None and outcome.content_hash is not None
                entry = Entry(iri, str(path.resolve()), path.name, outcome.content_hash, version)
                if outcome.status == "unchanged":
                    report.unchanged += 1
                    if manifest[iri] != entry:
                        store.record(entry)
                else:
                    store.replace(entry, outcome.ntriples or "")
                    report.built += 1
                kept.add(iri)
            if progress:
                progress(path)
        if prune:
            for iri in sorted(set(manifest) - kept):
                store.remove(iri)
                report.removed += 1
    return report


def remove_articles(directory: Path, names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Drop articles named by graph IRI, source path or file name; (removed IRIs, names not found)."""
    removed: list[str] = []
    missing: list[str] = []
    with ProjectStore(directory) as store:
        manifest = store.manifest()
        for name in names:
            path = str(Path(name).resolve())
            hits = [e.iri for e in manifest.values()
                    if name in (e.iri, e.identifier) or e.path == path or e.identifier == Path(name).name]
            if not hits:
                missing.append(name)
            for iri in hits:
                if iri not in removed:
                    store.remove(iri)
                    removed.append(iri)
    return removed, missing
