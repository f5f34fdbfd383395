"""The main job: files → records → one dataset with a named graph per article, or → a
persistent project store updated incrementally (only new and changed articles are extracted).

The work on one file (``process``) is the same in both cases and runs in worker processes
when asked; everything that decides the output happens here, in input order.
"""
from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.build_report import BuildReport
from kg.extract import content_hash, extract
from kg.fingerprint import builder_version
from kg.identity.people import IDENTITY_GRAPH, PROFILE_PATTERNS, read_profiles, resolve_people
from kg.inputs.records import Fields
from kg.normalize import normalize_text
from kg.parallel import DEFAULT_TIMEOUT, TimeLimit, Workers, time_limit
from kg.project_store import Entry, ProjectStore
from kg.quads import article_iri, article_ntriples
from kg.reader import (
    DEFAULT_MAX_BYTES,
    Input,
    Source,
    fingerprint,
    iter_articles,
    read_input,
)
from kg.serialize import Graphs, held_dataset
from kg.store import to_oxigraph
from kg.vocab import RES

log = logging.getLogger(__name__)

# A file's (size, mtime) is trusted to mean "unchanged" only if the file was already this old
# when it was read: a rewrite within the file system's timestamp granularity could otherwise
# keep both (git's "racy clean" problem).
SETTLED_NS = 2_000_000_000


def file_stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


# ---------------------------------------------------------------------- one file
@dataclass(frozen=True)
class Task:
    path: Path
    base: str
    identifier: str = ""            # the article's identifier (default: the file name)
    by_content: bool = False        # a file named on its own: known by its text
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    known_hash: str | None = None   # the store's hash for this article (same builder): skip if equal
    item: Input | None = None       # a record, already read from its file


@dataclass
class Outcome:
    path: Path
    status: str                          # built | unchanged | skipped
    reason: str | None = None            # why skipped
    warning: str | None = None
    content_hash: str | None = None
    stat: tuple[int, int] | None = None  # (size, mtime_ns) before reading, when settled
    ntriples: str | None = None          # built: the article graph
    iri: str | None = None               # built: the article graph's name


def process(task: Task) -> Outcome:
    """Read, hash, extract one file; never raises (one bad article must not lose the others)."""
    path = task.path
    if not _utf8_name(path):
        return Outcome(path, "skipped", "skipped: the file name is not valid UTF-8")
    stat = file_stat(path) if task.item is None else None  # a file's (size, mtime) says nothing of one record
    if stat is not None and time.time_ns() - stat[1] < SETTLED_NS:
        stat = None
    item = task.item if task.item is not None else read_input(path, task.max_bytes)
    if item.text is None:
        return Outcome(path, "skipped", item.warning or "skipped")
    if task.known_hash is not None:
        digest = fingerprint(item)
        if digest == task.known_hash:
            return Outcome(path, "unchanged", warning=item.warning, content_hash=digest, stat=stat)
    try:
        with time_limit(task.timeout):
            args = (task.identifier or path.name, item.text, task.by_content)
            record = extract(*args, given=item.given) if item.given else extract(*args)
            digest = fingerprint(item, record.content_hash)
            nt = article_ntriples(record, task.base)
            iri = article_iri(record.identifier, task.base, record.by_content, record.content_hash)
    except TimeLimit as e:
        return Outcome(path, "skipped", f"skipped: extraction {e} (--timeout)", item.warning)
    except Exception as e:
        log.exception("extraction failed for %s", path)
        return Outcome(path, "skipped", f"skipped: extraction failed ({type(e).__name__}: {e})", item.warning)
    return Outcome(path, "built", warning=item.warning, content_hash=digest, stat=stat, ntriples=nt, iri=iri)


def _utf8_name(path: Path) -> bool:
    """The name becomes the article's identifier and IRI: undecodable bytes cannot go there."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
def build_dataset(paths: Iterable[Path | Source], base: str = str(RES), max_bytes: int = DEFAULT_MAX_BYTES,
                  progress: Callable[[Path], None] | None = None, workers: int = 1,
                  timeout: float = DEFAULT_TIMEOUT, fields: Fields | None = None) -> tuple[Dataset, BuildReport]:
    """All articles into one in-memory dataset, in input order whatever the number of workers.
    The workers make each article's graph, as for a store; the graphs are held as pyoxigraph
    triples (``serialize.held_dataset``), far cheaper than adding rdflib terms one by one."""
    graphs: Graphs = {}
    report = BuildReport()
    by_content: deque[bool] = deque()  # of the tasks sent to the workers, in input order

    def tasks() -> Iterator[Task]:
        for src in iter_articles(paths, fields, max_bytes):
            by_content.append(src.by_content)
            yield Task(src.path, base, src.identifier, src.by_content, max_bytes, timeout, item=src.item)

    built: dict[str, Path] = {}
    with Workers(process, workers, _warm_worker) as pool:
        for outcome in pool.map(tasks()):
            iri, by_text = outcome.iri, by_content.popleft()
            if iri is not None and iri in built:  # never merge two inputs into one article without saying so
                why = "same text as" if by_text else "same article as"
                outcome.status, outcome.reason = "skipped", f"skipped: {why} {built[iri]} (one graph per article)"
            elif iri is not None:
                built[iri] = outcome.path
                graphs[iri] = [q.triple for q in ox.parse(outcome.ntriples, ox.RdfFormat.N_TRIPLES)]
                report.built += 1
            _count(report, outcome)
            if progress:
                progress(outcome.path)
    report.resolved = _resolve_people(graphs, base)
    return held_dataset(graphs, base), report


def _resolve_people(graphs: Graphs, base: str) -> int:
    """The corpus-level identity step on held graphs, as ``resolve_store`` does it on a store's:
    person IRIs renamed in the graphs that name them, the identity graph added when a name
    splits; the number of graphs changed."""
    wanted = {p: None if o is None else ox.NamedNode(o) for p, o in PROFILE_PATTERNS}
    quads = ((t.subject.value, t.predicate.value, t.object.value, g)
             for g, triples in graphs.items() for t in triples
             if t.predicate.value in wanted and wanted[t.predicate.value] in (None, t.object))
    res = resolve_people(*read_profiles(quads), base)
    for g, change in res.renames.items():
        new = {ox.NamedNode(old): ox.NamedNode(iri) for old, iri in change.items()}
        graphs[g] = list(dict.fromkeys(ox.Triple(new.get(t.subject, t.subject), t.predicate, new.get(t.object, t.object))
                                       for t in graphs[g]))
    if res.identity:
        graphs[base + IDENTITY_GRAPH] = [ox.Triple(*map(to_oxigraph, t)) for t in res.identity]
    return len(res.renames)


# ---------------------------------------------------------------------- a project store
@dataclass(frozen=True)
class Planned:
    source: Source
    iri: str | None         # None: a file name that cannot make an IRI (process() reports it)
    entry: Entry | None     # the store's entry for this article, if made by this builder
    untouched: bool         # same size and mtime as recorded: unchanged without reading it
    new: bool               # the store has no article of this name
    stale: tuple[str, ...] = ()  # graphs this file made before with other text (a file named on its own)

    @property
    def path(self) -> Path:
        return self.source.path


def _plan(paths: Iterable[Path | Source], base: str, manifest: dict[str, Entry], version: str,
          report: BuildReport, fields: Fields | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Planned]:
    """What to do with each input, as the inputs are read; a second input with an article's
    identity is skipped. A record whose text and given metadata are those recorded is unchanged
    without a worker's look at it."""
    claimed: dict[str, Path] = {}
    by_path: dict[str, list[Entry]] = {}
    for e in manifest.values():
        by_path.setdefault(e.path, []).append(e)
    for src in iter_articles(paths, fields, max_bytes):
        path = src.path
        here = str(path.absolute())
        iri = _source_iri(src, base, by_path.get(here, []), version) if _utf8_name(path) else None
        if iri is not None and iri in claimed:
            why = "same text as" if src.by_content else "same article as"
            report.skipped.append((str(path), f"skipped: {why} {claimed[iri]} (one graph per article)"))
            continue
        entry = manifest.get(iri) if iri is not None else None
        if entry is not None and entry.builder != version:
            entry = None
        if iri is not None:
            claimed[iri] = path
        if src.item is not None:  # a record
            untouched = (entry is not None and entry.path == here and src.item.text is not None
                         and entry.content_hash == fingerprint(src.item))
        else:
            untouched = (entry is not None and entry.stat is not None and entry.path == here
                         and entry.stat == file_stat(path))
        stale = tuple(e.iri for e in by_path.get(here, []) if src.by_content and e.iri != iri)
        yield Planned(src, iri, entry, untouched, iri not in manifest, stale)


def _source_iri(src: Source, base: str, entries: list[Entry], version: str) -> str | None:
    """An input's article IRI: from its path, or for a file named on its own from its text (the
    recorded one when the file is untouched since, so that it is not even read)."""
    if not src.by_content:
        return article_iri(src.identifier, base)
    stat = file_stat(src.path)
    for e in entries:
        if e.builder == version and e.stat is not None and e.stat == stat:
            return e.iri
    item = read_input(src.path)
    if item.text is None:
        return article_iri(src.identifier, base, True, "")
    return article_iri(src.identifier, base, True, content_hash(normalize_text(item.text)))


def _apply(store: ProjectStore, p: Planned, outcome: Outcome | None, version: str, report: BuildReport) -> bool:
    """One input's result into the store and the report; whether its article is current."""
    if outcome is None:
        report.unchanged += 1
        return True
    _count(report, outcome)
    if outcome.status == "skipped":
        return False
    assert p.iri is not None and outcome.content_hash is not None
    entry = Entry(p.iri, str(p.path.absolute()), p.source.identifier, outcome.content_hash, version, outcome.stat)
    if outcome.status == "unchanged":
        report.unchanged += 1
        if entry != p.entry:
            store.record(entry)
    else:
        assert outcome.ntriples is not None
        store.replace(entry, outcome.ntriples, new=p.new)
        report.built += 1
    for iri in p.stale:  # the file's earlier text, now replaced by this article
        store.remove(iri)
        report.removed += 1
    return True


def build_store(paths: Iterable[Path | Source], directory: Path, base: str = str(RES), max_bytes: int = DEFAULT_MAX_BYTES,
                progress: Callable[[Path], None] | None = None, workers: int = 1,
                timeout: float = DEFAULT_TIMEOUT, prune: bool = False, fields: Fields | None = None) -> BuildReport:
    """Bring the store up to date with ``paths``: new and changed articles are extracted and
    their graphs replaced, one transaction each. An article is unchanged when its builder is
    the same and either its file's size and mtime are those recorded (not even read) or its
    normalised text has the recorded hash. With ``prune``, graphs of articles neither built
    nor unchanged in this run are dropped."""
    report = BuildReport()
    version = builder_version()
    with Workers(process, workers, _warm_worker) as pool, ProjectStore(directory, base) as store:
        manifest = store.manifest()
        kept: set[str] = set()
        pending: deque[Planned] = deque()  # sent to the workers, in input order

        def done(p: Planned, outcome: Outcome | None) -> None:
            if _apply(store, p, outcome, version, report):
                assert p.iri is not None
                kept.add(p.iri)
            if progress:
                progress(p.path)

        def tasks() -> Iterator[Task]:
            # one pass over the inputs, so that a records file streams: an untouched article only
            # counts (in any order), the others go to the workers and are applied in input order
            for p in _plan(paths, base, manifest, version, report, fields, max_bytes):
                if p.untouched:
                    done(p, None)
                    continue
                pending.append(p)
                yield Task(p.path, base, p.source.identifier, p.source.by_content, max_bytes, timeout,
                           p.entry.content_hash if p.entry else None, item=p.source.item)

        for outcome in pool.map(tasks()):
            done(pending.popleft(), outcome)
        if prune:
            for iri in sorted(set(manifest) - kept):
                store.remove(iri)
                report.removed += 1
        report.resolved = store.resolve_people()
    return report


def remove_articles(directory: Path, names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Drop articles named by graph IRI, source path or file name; (removed IRIs, names not found)."""
    removed: list[str] = []
    missing: list[str] = []
    with ProjectStore(directory, create=False) as store:
        manifest = store.manifest()
        for name in names:
            path = str(Path(name).absolute())
            hits = [e.iri for e in manifest.values()
                    if name in (e.iri, e.identifier) or e.path == path or Path(e.identifier).name == name]
            if not hits:
                missing.append(name)
            for iri in hits:
                if iri not in removed:
                    store.remove(iri)
                    removed.append(iri)
        if removed:
            store.resolve_people()
    return removed, missing
