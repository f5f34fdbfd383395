"""``kg build --store``: incremental updates give exactly what a full rebuild gives, unchanged
articles are not extracted again, removal and pruning, and a build killed midway."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.build
from build_helpers import KG, run, synth_corpus
from kg.identity.people import IDENTITY_GRAPH
from kg.project_store import MANIFEST, ProjectStore
from kg.reader import read_input as real_read

DCT_ID = ox.NamedNode("http://purl.org/dc/terms/identifier")
HASH = ox.NamedNode("https://w3id.org/vnkg/ontology#contentHash")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    synth_corpus(folder, 6)
    return folder


def full_build(paths: list[Path], out: Path) -> bytes:
    run("build", *map(str, paths), "--out", str(out))
    return out.read_bytes()


def export(store: Path, out: Path) -> bytes:
    run("build", "--store", str(store), "--out", str(out))
    return out.read_bytes()


def test_store_export_is_the_full_build(corpus, tmp_path):
    store = tmp_path / "store"
    result = run("build", str(corpus), "--store", str(store), "--out", str(tmp_path / "s.trig"))
    assert "6 article(s) built" in result.output
    assert (tmp_path / "s.trig").read_bytes() == full_build([corpus], tmp_path / "f.trig")
    assert export(store, tmp_path / "s.nt") == full_build([corpus], tmp_path / "f.nt")


def test_store_export_is_the_full_build_with_stamps_in_every_zone(tmp_path):
    """A store keeps a date-time in XSD's canonical form ('Z', no trailing zeros); the builder
    writes it so, and the two outputs stay the same bytes."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, stamp in (("a", "2026-02-02T07:25:45+00:00"), ("b", "2024-05-17 09:30"), ("c", "2021-06-30T14:00:00.500+07:00")):
        (folder / f"{name}.txt").write_text(f"Tin\n{stamp}\n\nSáng 2/2, UBND tỉnh Nam Định họp.\n", encoding="utf-8")
    store = tmp_path / "store"
    run("build", str(folder), "--store", str(store))
    assert export(store, tmp_path / "s.nq") == full_build([folder], tmp_path / "f.nq")
    assert b'"2026-02-02T07:25:45Z"' in (tmp_path / "f.nq").read_bytes()


def test_adding_changing_removing_articles_matches_a_full_rebuild(corpus, tmp_path):
    files = sorted(corpus.iterdir())
    first, rest = files[:3], files[3:]
    store = tmp_path / "store"
    run("build", *map(str, first), "--store", str(store))
    result = run("build", *map(str, files), "--store", str(store))        # add three
    assert "3 article(s) built" in result.output and "3 unchanged" in result.output
    assert export(store, tmp_path / "a.nq") == full_build(files, tmp_path / "fa.nq")

    changed = files[1]                                                      # change one
    changed.write_text(rest[0].read_text(encoding="utf-8").replace("(bài", "(tin"), encoding="utf-8")
    result = run("build", *map(str, files), "--store", str(store))
    assert "1 article(s) built" in result.output and "5 unchanged" in result.output
    assert export(store, tmp_path / "b.nq") == full_build(files, tmp_path / "fb.nq")

    result = run("remove", "--store", str(store), str(files[0]))           # remove one, by path
    assert "1 article(s) removed" in result.output
    assert export(store, tmp_path / "c.nq") == full_build(files[1:], tmp_path / "fc.nq")

    result = run("build", *map(str, files[2:]), "--store", str(store), "--prune")   # prune one
    assert "1 removed" in result.output and "4 unchanged" in result.output
    assert export(store, tmp_path / "d.nq") == full_build(files[2:], tmp_path / "fd.nq")


def test_unchanged_articles_are_not_extracted_again(corpus, tmp_path, monkeypatch):
    store = tmp_path / "store"
    run("build", str(corpus), "--store", str(store))

    def no_extraction(*args, **kwargs):
        raise AssertionError("an unchanged article was extracted again")
    monkeypatch.setattr(kg.build, "extract", no_extraction)
    result = run("build", str(corpus), "--store", str(store))
    assert "0 article(s) built, 0 skipped" in result.output and "6 unchanged" in result.output


def test_settled_files_are_not_even_read(corpus, tmp_path, monkeypatch):
    store = tmp_path / "store"
    files = sorted(corpus.iterdir())
    hour_ago = time.time() - 3600
    for f in files[1:]:
        os.utime(f, (hour_ago, hour_ago))
    run("build", str(corpus), "--store", str(store))
    with ProjectStore(store) as s:   # a file written just now may still change within its mtime tick
        assert [e.stat is None for e in sorted(s.manifest().values(), key=lambda e: e.path)] == [True] + [False] * 5
    read = []
    monkeypatch.setattr(kg.build, "read_input", lambda path, *a: read.append(path) or real_read(path, *a))
    result = run("build", str(corpus), "--store", str(store))
    assert "6 unchanged" in result.output and read == [files[0]]
    os.utime(files[3], (hour_ago + 60, hour_ago + 60))    # touched: read and hashed again, still unchanged
    read.clear()
    assert "6 unchanged" in run("build", str(corpus), "--store", str(store)).output and read == [files[0], files[3]]
    read.clear()
    assert "6 unchanged" in run("build", str(corpus), "--store", str(store)).output and read == [files[0]]


def test_a_new_builder_rebuilds_everything(corpus, tmp_path, monkeypatch):
    store = tmp_path / "store"
    run("build", str(corpus), "--store", str(store))
    monkeypatch.setattr(kg.build, "builder_version", lambda: "0.0.0+changed")
    assert "6 article(s) built" in run("build", str(corpus), "--store", str(store)).output
    assert "6 unchanged" in run("build", str(corpus), "--store", str(store)).output


def test_a_moved_file_keeps_its_graph_and_the_manifest_follows(corpus, tmp_path):
    """A corpus folder moved elsewhere keeps its articles: they are known by their path under it."""
    store = tmp_path / "store"
    run("build", str(corpus), "--store", str(store))
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / corpus.name
    shutil.move(str(corpus), moved)
    assert "6 unchanged" in run("build", str(moved), "--store", str(store)).output
    with ProjectStore(store) as s:
        assert {Path(e.path).parent for e in s.manifest().values()} == {moved.resolve()}


def test_remove_by_name_or_iri_and_unknown_names(corpus, tmp_path):
    store = tmp_path / "store"
    run("build", str(corpus), "--store", str(store))
    with ProjectStore(store) as s:
        entries = sorted(s.manifest().values(), key=lambda e: e.identifier)
    result = run("remove", "--store", str(store), entries[0].identifier, entries[1].iri, "nope.txt", ok=False)
    assert result.exit_code == 1 and "nope.txt: no such article" in result.output
    assert "2 article(s) removed" in result.output
    with ProjectStore(store) as s:
        assert len(s) == 4 and set(s.manifest()) == {e.iri for e in entries[2:]}


def test_same_file_name_in_two_folders_is_two_articles(corpus, tmp_path):
    """Articles are known by their path under the folder given, not by their file name."""
    other = tmp_path / "other"
    other.mkdir()
    name = sorted(corpus.iterdir())[0].name
    (other / name).write_text("Tin khác\n\nUBND tỉnh Nam Định họp.\n", encoding="utf-8")
    result = run("build", str(corpus), str(other), "--store", str(tmp_path / "store"))
    assert "7 article(s) built, 0 skipped" in result.output
    with ProjectStore(tmp_path / "store") as s:
        assert {e.identifier for e in s.manifest().values()} >= {f"in/{name}", f"other/{name}"}


def test_one_folder_given_twice_is_built_once_with_a_warning(corpus, tmp_path):
    result = run("build", str(corpus), str(corpus), "--store", str(tmp_path / "store"))
    assert "6 article(s) built, 6 skipped" in result.output and "6 duplicate article" in result.output


def test_store_remembers_its_base(corpus, tmp_path):
    store = tmp_path / "store"
    run("build", str(corpus), "--store", str(store), "--base", "http://example.org/kg")
    assert "6 unchanged" in run("build", str(corpus), "--store", str(store), "--base", "http://example.org/kg/").output
    result = run("build", str(corpus), "--store", str(store), ok=False)
    assert result.exit_code == 1 and "was built with --base http://example.org/kg/" in result.output


def test_usage_errors(corpus, tmp_path):
    assert run("build", str(corpus), ok=False).exit_code == 2                      # neither --out nor --store
    assert run("build", "--out", str(tmp_path / "g.ttl"), ok=False).exit_code == 2  # no input
    assert run("build", str(corpus), "--out", str(tmp_path / "g.ttl"), "--prune", ok=False).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("build", str(empty), "--store", str(tmp_path / "s"), "--prune", ok=False).exit_code == 2


def test_never_writes_a_store_into_another_folder(corpus, tmp_path):
    before = sorted(corpus.iterdir())
    for args in (["build", str(corpus), "--store", str(corpus)], ["remove", "--store", str(corpus), "x.txt"],
                 ["build", "--store", str(tmp_path / "missing"), "--out", str(tmp_path / "g.nq")]):
        result = run(*args, ok=False)
        assert result.exit_code == 1 and "not a store directory" in result.output
    assert sorted(corpus.iterdir()) == before and not (tmp_path / "missing").exists()


def check_consistent(store: Path) -> int:
    """Every article graph agrees with its manifest entry and vice versa; the number of articles."""
    with ProjectStore(store) as s:
        manifest = s.manifest()
        identity = (s.base or "") + IDENTITY_GRAPH  # the corpus-level identity graph: no article
        graphs = {g.value for g in s.store.named_graphs() if g != MANIFEST and g.value != identity}
        assert graphs == set(manifest)
        for iri, entry in manifest.items():
            article = ox.NamedNode(iri)
            g = ox.NamedNode(iri)
            assert [q.object.value for q in s.store.quads_for_pattern(article, DCT_ID, None, g)] == [entry.identifier]
            assert [q.object.value for q in s.store.quads_for_pattern(article, HASH, None, g)] == [entry.content_hash]
        return len(manifest)


def test_a_build_killed_midway_leaves_a_consistent_store(tmp_path):
    corpus = tmp_path / "in"
    n = 400
    synth_corpus(corpus, n)
    store = tmp_path / "store"
    proc = subprocess.Popen([KG, "build", str(corpus), "--store", str(store), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    # the write-ahead log grows by each committed article (~70 kB): kill once a few dozen are in
    while proc.poll() is None and time.monotonic() < deadline:
        if store.is_dir() and sum(f.stat().st_size for f in store.iterdir() if f.is_file()) > 2_000_000:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = check_consistent(store)
    assert 0 < done < n
    result = run("build", str(corpus), "--store", str(store))
    assert f"{n - done} article(s) built" in result.output and f"{done} unchanged" in result.output
    assert check_consistent(store) == n
