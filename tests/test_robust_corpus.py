"""A hostile corpus: whatever is in the folder, the good articles are built and every other
file is reported with its reason, and the summary counts them per reason."""
from __future__ import annotations

import os
import re
import time
import unicodedata

from build_helpers import quads, run, synth_corpus

GOOD = "Tin ngắn số {n}\n\nNgày 5/6, UBND tỉnh Nam Định tổ chức hội nghị.\n"


def cp1258(text: str) -> bytes:
    """Vietnamese the Windows way: a precomposed vowel where the code page has one, then a
    combining tone mark (the codec itself knows no composition)."""
    out = bytearray()
    for ch in text:
        base, *marks = unicodedata.normalize("NFD", ch)
        tries = [unicodedata.normalize("NFC", base + m) + "".join(x for x in marks if x != m) for m in marks]
        for candidate in [ch, *tries, base + "".join(marks)]:
            try:
                out += candidate.encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
    return bytes(out)


def counts(output: str, label: str) -> dict[str, int]:
    """{"empty": 3, ...} from the summary's "(skipped: 3 empty, 2 binary; warnings: …)"."""
    summary = output.strip().splitlines()[-1]
    found = re.search(rf"\({label}: ([^;)]*)|; {label}: ([^;)]*)", summary)
    return {k: int(n) for n, k in re.findall(r"(\d+) ([^,]+)", found.group(1) or found.group(2))} if found else {}


def test_hostile_folder(tmp_path):
    d = tmp_path / "in"
    synth_corpus(d, 3)
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "cp1258.txt").write_bytes(cp1258("Tin cũ\n\nChủ tịch UBND tỉnh Nam Định họp báo.\n"))
    (d / "long_line.txt").write_text("Tin dài\n\n" + "công tác dân vận " * 20_000, encoding="utf-8")
    (d / "nested.html").write_text("<html><body>" + "<div>" * 100_000 + "<p>Ngày 5/6, UBND tỉnh Bạc Liêu tổ chức hội nghị.</p>"
                                   + "</div>" * 100_000 + "</body></html>", encoding="utf-8")
    (d / "script_only.html").write_text("<html><head><script>var a = 1;</script></head><body><div></div><p> </p>"
                                        "</body></html>", encoding="utf-8")
    (d / "late_nul.txt").write_text(GOOD.format(n=1) + "x" * 9000 + "\x00 tail\n", encoding="utf-8")
    with (d / "huge.txt").open("wb") as fh:
        fh.truncate(25 * 1024 * 1024)
    (d / os.fsdecode(b"bad-\xff-name.txt")).write_text(GOOD.format(n=2), encoding="utf-8")
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..")                        # a directory loop
    (d / "image.jpg").write_bytes(b"\xff\xd8\xff")              # not an article: not even read
    out = tmp_path / "g.nq"
    result = run("build", str(d), "--out", str(out))
    assert "7 article(s) built, 6 skipped, 2 warning(s)" in result.output
    assert counts(result.output, "skipped") == {"empty": 2, "binary": 1, "too large": 1, "no text": 1, "bad file name": 1}
    assert counts(result.output, "warnings") == {"HTML": 1, "not UTF-8": 1}
    ids = {q.object.value for q in quads(out) if q.predicate.value == "http://purl.org/dc/terms/identifier"}
    assert {"in/cp1258.txt", "in/long_line.txt", "in/nested.html", "in/late_nul.txt"} <= ids and len(ids) == 7
    store = run("build", str(d), "--store", str(tmp_path / "store"), "--out", str(tmp_path / "s.nq"))
    assert "7 article(s) built, 6 skipped, 2 warning(s)" in store.output
    assert quads(tmp_path / "s.nq") == quads(out)


def test_ten_thousand_files(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    kinds = {"good": 2000, "empty": 3000, "binary": 3000, "cp1258": 1000, "script": 1000}
    n = 0
    for kind, how_many in kinds.items():
        for _ in range(how_many):
            n += 1
            path = d / f"{n:05d}.{'html' if kind == 'script' else 'txt'}"
            if kind == "good":
                path.write_text(GOOD.format(n=n), encoding="utf-8")
            elif kind == "empty":
                path.write_bytes(b"")
            elif kind == "binary":
                path.write_bytes(b"\x00\x01\x02PK\x03\x04" * 8)
            elif kind == "cp1258":
                path.write_bytes(cp1258(GOOD.format(n=n)))
            else:
                path.write_text("<html><head><script>x()</script></head><body><div></div></body></html>", encoding="utf-8")
    t = time.perf_counter()
    result = run("build", str(d), "--out", str(tmp_path / "g.nq"), "--workers", "2")
    seconds = time.perf_counter() - t
    assert "3000 article(s) built, 7000 skipped, 1000 warning(s)" in result.output
    assert counts(result.output, "skipped") == {"empty": 3000, "binary": 3000, "no text": 1000}
    assert counts(result.output, "warnings") == {"not UTF-8": 1000}
    assert "… and 2980 more: empty" in result.output   # per-file lines are capped
    assert len(result.output.splitlines()) < 200
    assert seconds < 60, seconds
