"""The builder's limits: a run-on page costs what its length does, a page past spaCy's
1,000,000 characters is read in pieces, control characters never reach the graph, and a
killed build leaves no worker behind."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from build_helpers import KG, run, synth_corpus
from kg import extract as extract_module
from kg.extract import extract, pieces
from kg.nlp.pipeline import make_nlp
from kg.nlp.sentences import HARD_SENTENCE, SOFT_SENTENCE
from kg.normalize import normalize_text

SENTENCE = ("Ngày 5/6, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nam Định, chủ trì hội nghị "
            "triển khai Quyết định số 12/QĐ-UBND về cải cách hành chính. ")


def test_a_run_on_sentence_is_cut_into_bounded_pieces():
    words = " ".join(["cán bộ", "tỉnh", "họp", "bàn", "việc"] * 400)  # 2,000 syllables, no full stop
    doc = make_nlp()(make_nlp().make_doc(words))
    lengths = [len(s) for s in doc.sents]
    assert len(lengths) > 1
    assert max(lengths) <= HARD_SENTENCE
    # a clause mark past the soft limit ends the sentence there, one before it does not
    early = " ".join(["họp"] * 20)
    late = " ".join(["bàn"] * SOFT_SENTENCE)
    doc = make_nlp()(make_nlp().make_doc(f"{early}, {late}, {late}"))
    commas = [t.i for t in doc if t.text == ","]
    assert not doc[commas[0] + 1].is_sent_start and doc[commas[1] + 1].is_sent_start


def test_ordinary_sentences_are_not_cut():
    doc = make_nlp()(make_nlp().make_doc(SENTENCE * 3))
    assert [len(s) for s in doc.sents] == [len(s) for s in make_nlp()(make_nlp().make_doc(SENTENCE)).sents] * 3


def test_pieces_cover_the_body_and_end_at_breaks():
    body = ("Dòng một của bài.\n" * 50) + ("x" * 300)
    parts = list(pieces(body, 200))
    assert "".join(p for _, p in parts) == body
    assert [a for a, _ in parts] == [sum(len(p) for _, p in parts[:i]) for i in range(len(parts))]
    assert all(len(p) <= 201 for _, p in parts)
    assert all(p.endswith("\n") for _, p in parts[:5])


def test_a_page_read_in_pieces_finds_what_it_finds_whole(monkeypatch):
    text = "Tin hội nghị\n\n" + "\n".join(SENTENCE.replace("An", name) for name in
                                        ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Lâm"] * 6)
    whole = extract("a.txt", text)
    monkeypatch.setattr(extract_module, "PIECE_CHARS", 700)
    assert len(list(pieces(text, 700))) > 5
    cut = extract("a.txt", text)
    assert {p.name for p in cut.persons} == {p.name for p in whole.persons}
    assert len(cut.decisions) == len(whole.decisions) and len(cut.posts) == len(whole.posts)
    for found in (*cut.persons, *cut.orgs, *cut.decisions, *cut.places):
        assert cut.text[found.span.start:found.span.end] == found.span.text
    assert sorted((p.span.start, p.span.end) for p in cut.persons) == sorted((p.span.start, p.span.end) for p in whole.persons)


def test_control_characters_become_spaces():
    hostile = "Ông Nguyễn Văn An\x1b]0;pwned\x07 dự\x00 họp\u202e tại\u0085 Hà Nội\r\n"
    clean = normalize_text(hostile)
    assert len(clean) == len(hostile)
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) < 0xA0 or 0x202A <= ord(c) <= 0x202E for c in clean)
    assert "Nguyễn Văn An" in clean


def test_control_characters_never_reach_the_graph(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Tin\x1b[2J\x1b]0;title\x07 ngắn\n\nNgày 5/6, ông Nguyễn Văn\x1b[31m An, Chủ tịch UBND "
                             "tỉnh Nam Định, chủ trì hội nghị.\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    run("build", str(d), "--out", str(out))
    data = out.read_text(encoding="utf-8")
    assert "\x1b" not in data and "\\u001B" not in data.upper() and "\x07" not in data
    assert "Nam Định" in data


@pytest.mark.slow
def test_a_page_past_a_million_characters_builds(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "huge.txt").write_text("Bản tin dài\n\n" + SENTENCE * (1_050_000 // len(SENTENCE)), encoding="utf-8")
    out = tmp_path / "g.nt"
    result = run("build", str(d), "--out", str(out))
    assert "1 article(s) built" in result.output
    assert "Nguyễn Văn An" in out.read_text(encoding="utf-8")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_die_with_a_killed_build(tmp_path):
    d = tmp_path / "in"
    synth_corpus(d, 400)
    proc = subprocess.Popen([KG, "build", str(d), "-j", "2", "--out", str(tmp_path / "g.trig"), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        workers: list[int] = []
        while time.time() < deadline and len(workers) < 2 and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the build never started its workers"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        deadline = time.time() + 10
        while time.time() < deadline and any(Path(f"/proc/{w}").exists() and _alive(w) for w in workers):
            time.sleep(0.2)
        assert not [w for w in workers if Path(f"/proc/{w}").exists() and _alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()


def _alive(pid: int) -> bool:
    """A zombie (dead, not yet reaped by init) is not alive."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_byte_order_mark_are_read(tmp_path, codec):
    text = "Tin\n\nNgày 5/6, ông Nguyễn Văn An, Chủ tịch UBND tỉnh Nam Định, chủ trì hội nghị.\n"
    raw = b"\xfe\xff" + text.encode("utf-16-be") if codec == "utf-16-be" else text.encode(codec)
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(raw)
    out = tmp_path / "g.nt"
    result = run("build", str(d), "--out", str(out))
    assert "1 article(s) built" in result.output
    assert "Nguyễn Văn An" in out.read_text(encoding="utf-8")


def test_a_killed_writers_partial_file_is_removed_by_the_next_write(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Tin\n\nNgày 5/6, UBND tỉnh Nam Định họp.\n", encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    orphan = tmp_path / f".g.nt.{dead.pid}.x1y2.partial"
    orphan.write_text("half a graph")
    live = tmp_path / f".g.nt.{os.getpid()}.a1b2.partial"  # still being written by a live process
    live.write_text("being written")
    run("build", str(d), "--out", str(tmp_path / "g.nt"))
    assert not orphan.exists() and live.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".g.nt")] == [live.name]


def test_query_tables_escape_control_characters(tmp_path):
    g = tmp_path / "esc.nt"
    g.write_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "A\\u001B]0;pwned\\u0007B\\u202Ec" .\n',
                 encoding="utf-8")
    out = run("query", str(g), "SELECT ?l WHERE { ?s ?p ?l }").output
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "A\\x1b]0;pwned\\x07B\\u202ec" in out
