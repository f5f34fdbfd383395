"""Input formats: JSON Lines / CSV records and saved HTML pages. Given metadata wins and is
recorded as given, offsets index the article text, bad records are reported by line and
skipped, records stream, an appended file builds only its new records, and a JSONL copy of
dev articles builds to the same facts as the .txt files."""
from __future__ import annotations

import gzip
import json
import shutil
import sys
import tracemalloc
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import rdflib.namespace as _ns
from build_helpers import ROOT, run
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from kg.extract import extract
from kg.inputs.html import read_page
from kg.inputs.records import field_map, iter_records
from kg.metadata import Given
from kg.normalize import normalize_text
from kg.reader import iter_articles, read_input
from kg.vocab import ELI, ORG, PROV, SCHEMA, VNKG

SAMPLES = ROOT / "samples" / "inputs"
DEV = ROOT.parent / "shared" / "corpus" / "dev"
VN = timezone(timedelta(hours=7))
BODY = "Ngày 5/6, UBND tỉnh Nam Định tổ chức hội nghị. Ông Trần Văn Hùng, Chủ tịch UBND tỉnh Nam Định chủ trì."
# rdflib's XSD namespace is kept out of the module's names: pytest warns when it inspects it
DATE, DATETIME, ANYURI = _ns.XSD.date, _ns.XSD.dateTime, _ns.XSD.anyURI


def load(path: Path) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(str(path), format="trig" if path.suffix == ".trig" else "nquads")
    return ds


def article(ds: Dataset, identifier: str) -> URIRef:
    (a,) = ds.subjects(DCTERMS.identifier, Literal(identifier))
    return a  # type: ignore[return-value]


def build(tmp_path: Path, *args: str, out: str = "g.trig") -> tuple[Dataset, str]:
    result = run("build", *args, "--out", str(tmp_path / out))
    return load(tmp_path / out), result.output


def labels(ds: Dataset, nodes) -> set[str]:
    return {str(ds.value(n, RDFS.label)) for n in nodes}


def write_jsonl(path: Path, records: list) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


# ---------------------------------------------------------------------------- records
def test_jsonl_records_with_their_metadata_as_given(tmp_path):
    ds, output = build(tmp_path, str(SAMPLES / "articles.jsonl"))
    assert "4 article(s) built, 0 skipped, 0 warning(s)" in output
    a = article(ds, "articles.jsonl#hanam-2024-0312")           # by its id field
    assert ds.value(a, SCHEMA.datePublished) == Literal("2024-03-12T09:15:00+07:00", datatype=DATETIME)
    assert str(ds.value(a, SCHEMA.url)).endswith("chuyen-doi-so-1001.html")
    assert ds.value(a, SCHEMA.url).datatype == ANYURI
    assert ds.value(a, SCHEMA.articleSection) == Literal("Chính trị", lang="vi")
    assert ds.value(a, RDFS.label) == Literal("Tỉnh ủy Hà Nam triển khai Nghị quyết về chuyển đổi số", lang="vi")
    assert labels(ds, ds.objects(a, SCHEMA.author)) == {"Minh Châu"}
    assert "Lê Minh Khoa" in labels(ds, (p for p in ds.objects(a, SCHEMA.mentions) if (p, RDF.type, VNKG.Person) in ds))
    b = article(ds, "articles.jsonl#L2")                         # no id: by its line; fields by their other names
    assert ds.value(b, SCHEMA.datePublished) == Literal("2024-04-18", datatype=DATE)
    assert ds.value(b, SCHEMA.articleSection) == Literal("Thời sự", lang="vi")
    c = article(ds, "articles.jsonl#103")                        # a numeric id, authors as a list
    assert labels(ds, ds.objects(c, SCHEMA.author)) == {"Thanh Hà", "Quốc Việt"}
    assert ds.value(c, SCHEMA.datePublished) == Literal("2024-05-05T14:20:00+07:00", datatype=DATETIME)
    assert ds.value(c, SCHEMA.articleSection) == Literal("Kinh tế", lang="vi")
    for person in ds.objects(c, SCHEMA.author):              # the byline "Thanh Hà - Quốc Việt" kept its offsets
        assert str(ds.value(ds.value(person, VNKG.mention), VNKG.anchorOf)).startswith(str(ds.value(person, RDFS.label)))


def test_csv_records_with_quoted_line_breaks(tmp_path):
    ds, output = build(tmp_path, str(SAMPLES / "articles.csv"))
    assert "3 article(s) built, 0 skipped" in output
    a = article(ds, "articles.csv#ct-0709")
    assert ds.value(a, SCHEMA.datePublished) == Literal("2024-07-09T08:30:00+07:00", datatype=DATETIME)
    assert labels(ds, ds.objects(a, SCHEMA.author)) == {"Ngọc Hân"}
    b = article(ds, "articles.csv#bd-0815")                      # empty url and author cells: nothing given
    assert ds.value(b, SCHEMA.url) is None and ds.value(b, SCHEMA.author) is None
    assert ds.value(b, SCHEMA.datePublished) == Literal("2024-08-15", datatype=DATE)
    decisions = {str(o) for o in ds.objects(None, ELI.id_local)}
    assert {"42/NQ-HĐND", "23-QĐ/TW"} <= decisions


def test_gzipped_jsonl_is_the_same_as_plain(tmp_path):
    gz = tmp_path / "articles.jsonl.gz"
    gz.write_bytes(gzip.compress((SAMPLES / "articles.jsonl").read_bytes()))
    shutil.copy(SAMPLES / "articles.jsonl", tmp_path / "articles.jsonl")
    plain, _ = build(tmp_path, str(tmp_path / "articles.jsonl"), out="a.nq")
    gzipped, _ = build(tmp_path, str(gz), out="b.nq")
    facts = _facts(plain, lambda i: i.split("#")[1])
    assert len(facts) == 4 and _facts(gzipped, lambda i: i.split("#")[1]) == facts


def test_field_mapping(tmp_path):
    f = write_jsonl(tmp_path / "crawl.jsonl", [
        {"id": "x1", "noi_dung": BODY, "ngay": "2023-06-05", "tieu_de": "Nam Định họp", "nguon": "https://a.example.vn/t.html"},
        {"id": "x2", "noi_dung": BODY.replace("Hùng", "Hưng"), "ngay": "06/06/2023"},
    ])
    ds, _ = build(tmp_path, str(f), "--field", "body=noi_dung", "--field", "published=ngay", "--field", "title=tieu_de",
                  "--field", "url=nguon", "--field", "id=")
    a = article(ds, "crawl.jsonl#L1")                            # id= : identified by line
    assert ds.value(a, SCHEMA.datePublished) == Literal("2023-06-05", datatype=DATE)
    assert ds.value(a, RDFS.label) == Literal("Nam Định họp", lang="vi")
    assert str(ds.value(a, SCHEMA.url)) == "https://a.example.vn/t.html"
    assert ds.value(article(ds, "crawl.jsonl#L2"), SCHEMA.datePublished) == Literal("2023-06-06", datatype=DATE)
    bad = run("build", str(f), "--out", str(tmp_path / "x.ttl"), "--field", "bodyy=x", ok=False)
    assert bad.exit_code == 2 and "ROLE=NAME" in bad.output
    assert field_map(["body=content"])["body"] == ("content",)


def test_given_metadata_wins_over_the_text():
    text = ("Tin cũ về Nam Định\n\nCập nhật, 10:00, Thứ Hai, 01/01/2018 (GMT+7)\n\n" + BODY
            + "\n\nNguồn: https://cu.example.vn/2018/01/01/tin.html\n\nTin, ảnh: MINH ANH\n")
    plain = extract("t.txt", text)
    assert plain.published == datetime(2018, 1, 1, 10, 0, tzinfo=VN) and plain.url.startswith("https://cu.")
    given = Given("Tiêu đề do nguồn cho", date(2023, 6, 5), "https://moi.example.vn/t.html", ("Minh Anh", "Lê Hà"), "Thời sự")
    r = extract("t.txt", text, given=given)
    assert (r.title, r.published, r.url, r.section) == ("Tiêu đề do nguồn cho", date(2023, 6, 5), "https://moi.example.vn/t.html", "Thời sự")
    assert [a.name for a in r.authors] == ["Minh Anh", "Lê Hà"]
    minh_anh, le_ha = r.authors
    assert "MINH ANH" in r.text[minh_anh.span.start:minh_anh.span.end] and le_ha.span is None
    assert r.meetings and r.meetings[0].date == date(2023, 6, 5)  # "Ngày 5/6" read against the given date


def test_offsets_index_the_article_text(tmp_path):
    sources = [SAMPLES / "articles.jsonl", SAMPLES / "articles.csv", *sorted((SAMPLES / "pages").iterdir())]
    texts = {}
    for src in iter_articles(sources):
        item = src.item or read_input(src.path)
        texts[src.identifier] = normalize_text(item.text)
    ds, _ = build(tmp_path, *map(str, sources))
    checked = 0
    for m in ds.subjects(RDF.type, VNKG.Mention):
        ident = str(ds.value(ds.value(m, VNKG.inArticle), DCTERMS.identifier))
        start, end = int(ds.value(m, VNKG.startChar)), int(ds.value(m, VNKG.endChar))
        assert texts[ident][start:end] == str(ds.value(m, VNKG.anchorOf)), (ident, start, end)
        checked += 1
    assert checked > 50


def test_hostile_records_are_reported_by_line_and_skipped(tmp_path):
    f = tmp_path / "hostile.jsonl"
    with f.open("wb") as fh:
        fh.write(json.dumps({"id": "ok1", "body": BODY}, ensure_ascii=False).encode() + b"\n")        # 1
        fh.write('{"id": "broken", "body": "Ngày 5/6 \n'.encode())                                               # 2 not JSON
        fh.write(b'{"id": "huge", "body": "' + b"x" * (50 * 1024 * 1024) + b'"}\n')                   # 3 50 MB
        fh.write(json.dumps({"id": "cp", "body": "Chủ tịch UBND tỉnh"}, ensure_ascii=False).encode("cp1258", "replace")
                 .replace(b"?", b"\xf2") + b"\n")                                                        # 4 not UTF-8
        fh.write(b'["an", "array"]\n')                                                                     # 5
        fh.write(b'{"id": "nobody", "title": "Chi co tieu de"}\n')                                       # 6
        fh.write(b'{"id": "num", "body": 12345}\n')                                                       # 7
        fh.write(json.dumps({"id": "bin", "body": "\x00\x01\x02" * 100}).encode() + b"\n")              # 8
        fh.write(b"\n")                                                                                     # 9 blank: ignored
        fh.write(json.dumps({"id": "ok1", "body": BODY + " Lặp lại."}, ensure_ascii=False).encode() + b"\n")  # 10 same id
        fh.write(json.dumps({"id": "ok2", "body": BODY.replace("Hùng", "Hưng"), "published": "hôm qua",
                             "url": "not a url"}, ensure_ascii=False).encode() + b"\n")                # 11 bad fields: ignored
        fh.write(b'{"id": "deep", "body": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n")                 # 12 nested too deep
    ds, output = build(tmp_path, str(f))
    assert "2 article(s) built, 9 skipped, 1 warning(s)" in output
    assert "8 bad record" in output and "1 duplicate article" in output
    for line, why in ((2, "not JSON"), (3, "over the 5 MB record limit"), (4, "not UTF-8"), (5, "a JSON list, not an object"),
                      (6, "no body"), (7, "field 'body' is not text"), (8, "field 'body' is binary"), (12, "not JSON")):
        assert f"bad record at line {line}: {why}" in output, (line, why)
    assert "record at line 11: date 'hôm qua' not understood, ignored; URL 'not a url'" in output
    assert {str(o) for o in ds.objects(None, DCTERMS.identifier)} == {"hostile.jsonl#ok1", "hostile.jsonl#ok2"}
    tracemalloc.start()
    assert sum(1 for r in iter_records(f, "hostile.jsonl") if r.text) == 3
    assert tracemalloc.get_traced_memory()[1] < 20 * 1024 * 1024  # the 50 MB line was never held whole
    tracemalloc.stop()


def test_hostile_csv(tmp_path):
    f = tmp_path / "hostile.csv"
    with f.open("wb") as fh:
        fh.write(b"id;title;content\n")                                                     # semicolons
        fh.write(f'a;Tin một;"{BODY}"\n'.encode())                                          # 2
        fh.write(b'b;Tin hai;"' + b"y" * (6 * 1024 * 1024) + b'"\n')                       # 3 over the limit
        fh.write('c;Tin ba;"Chủ tịch tỉnh"\n'.encode("cp1258", "replace").replace(b"?", b"\xf2"))  # 4 not UTF-8
        fh.write(b"d;only two\n")                                                             # 5 wrong field count
        fh.write(f'e;"Tin ""năm""";"{BODY.replace("Hùng", "Hưng")}\n\nđoạn hai; có dấu chấm phẩy."\n'.encode())  # 6-8
        fh.write(b'f;Tin sau;"never closed\n')                                                # 9 never closed
    ds, output = build(tmp_path, str(f))
    assert "2 article(s) built, 4 skipped" in output
    for line, why in ((3, "over the"), (4, "not UTF-8"), (5, "2 fields, the header has 3"), (9, "a quoted field is never closed")):
        assert f"bad record at line {line}: {why}" in output, (line, why)
    e = article(ds, "hostile.csv#e")
    assert ds.value(e, RDFS.label) == Literal('Tin "năm"', lang="vi")
    nobody = tmp_path / "nobody.csv"
    nobody.write_text("id,headline\n1,x\n", encoding="utf-8")
    result = run("build", str(nobody), str(f), "--out", str(tmp_path / "n.trig"))
    assert "no body column (looked for body, content, text; the header has id, headline)" in result.output


def test_records_stream_in_constant_memory(tmp_path):
    record = json.dumps({"body": BODY * 20, "title": "Tin"}, ensure_ascii=False) + "\n"
    with gzip.open(tmp_path / "big.jsonl.gz", "wt", encoding="utf-8") as fh:
        for _ in range(20_000):          # ≈ 60 MB of JSON
            fh.write(record)
    tracemalloc.start()
    n = sum(1 for r in iter_records(tmp_path / "big.jsonl.gz", "big") if r.text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert n == 20_000 and peak < 2 * 1024 * 1024, peak


def test_appended_records_build_only_the_new_ones(tmp_path):
    f = write_jsonl(tmp_path / "feed.jsonl", [{"id": f"t{k}", "body": BODY.replace("Hùng", name), "published": "2023-06-05"}
                                             for k, name in enumerate(["Hùng", "Hưng", "Hoàng"])])
    store = tmp_path / "store"
    assert "3 article(s) built" in run("build", str(f), "--store", str(store)).output
    with f.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "t3", "body": BODY.replace("Hùng", "Hải")}, ensure_ascii=False) + "\n")
        fh.write(json.dumps({"body": BODY.replace("Hùng", "Hiếu")}, ensure_ascii=False) + "\n")     # by line: #L5
    result = run("build", str(f), "--store", str(store))
    assert "2 article(s) built" in result.output and "3 unchanged" in result.output
    lines = f.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2023-06-05", "2023-06-07")                  # a corrected date, same text
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("build", str(f), "--store", str(store), "--out", str(tmp_path / "s.nq"))
    assert "1 article(s) built" in result.output and "4 unchanged" in result.output
    run("build", str(f), "--out", str(tmp_path / "f.nq"))
    assert (tmp_path / "s.nq").read_bytes() == (tmp_path / "f.nq").read_bytes()


# ---------------------------------------------------------------------------- saved pages
BOILERPLATE = ["Tin liên quan", "Xem thêm", "Bình luận", "Đọc nhiều", "Các tin khác", "Trang chủ", "Chia sẻ", "Zalo",
               "Giá lúa", "Mong kỳ họp", "Ý kiến bạn đọc", "Tin nổi bật", "Thủ tướng chủ trì", "Thành ủy Cần Thơ sơ kết", "Bế mạc Kỳ họp thứ 11", "dataLayer", "gtag", "Giấy phép", "Liên hệ quảng cáo", "Hỏi đáp về chính sách",
               "Trao tặng nhà Đại đoàn kết", "Bản quyền", "Từ khóa"]


def test_pages_metadata_and_body(tmp_path):
    pages = SAMPLES / "pages"
    texts = {p.name: read_input(p) for p in pages.iterdir()}
    for name, item in texts.items():
        assert item.warning is None, (name, item.warning)
        for junk in BOILERPLATE:
            assert junk not in item.text, (name, junk)
    can_tho = texts["hdnd-can-tho-ky-hop-12.html"]
    assert can_tho.text.startswith("Khai mạc Kỳ họp thứ 12 Hội đồng nhân dân thành phố Cần Thơ khóa X\n\nSáng 9/7,")  # headline, sapo
    assert can_tho.given == Given("Khai mạc Kỳ họp thứ 12 Hội đồng nhân dân thành phố Cần Thơ khóa X",
                                  datetime(2024, 7, 9, 8, 30, tzinfo=VN),
                                  "https://tinsonghau.example.vn/thoi-su/khai-mac-ky-hop-thu-12-hdnd-thanh-pho-can-tho-a1234.html",
                                  ("Ngọc Hân",), "Thời sự")
    bnv = texts["bo-noi-vu-hop-bao-cai-cach-hanh-chinh.html"].given           # JSON-LD NewsArticle only
    assert bnv.authors == ("Thu Trang", "Đức Minh") and bnv.section == "Chính trị"
    assert bnv.published == datetime(2024, 4, 18, 16, 5, tzinfo=VN) and bnv.url.endswith("quy-ii-9876.htm")
    mttq = texts["mttq-nghe-an-so-ket.htm"]                                    # <time datetime>, table layout
    assert mttq.given.published == date(2024, 6, 27)
    assert "Ngày 26/6, Ban Thường trực" in mttq.text and "|" not in mttq.text
    ds, output = build(tmp_path, str(pages))
    assert "3 article(s) built, 0 skipped, 0 warning(s)" in output
    a = article(ds, "pages/hdnd-can-tho-ky-hop-12.html")
    assert ds.value(a, SCHEMA.articleSection) == Literal("Thời sự", lang="vi")
    meetings = [m for m in ds.subjects(PROV.wasDerivedFrom, a) if (m, RDF.type, VNKG.Meeting) in ds]
    assert any(ds.value(m, SCHEMA.startDate) == Literal("2024-07-09", datatype=DATE) for m in meetings)


def test_hostile_page(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(
        "<html><head><title>T</title><script>var secret = 'KỊCH BẢN';</script><style>p{color:red}</style></head><body>"
        "<nav class='menu'><a>Trang chủ</a></nav><article><h1>UBND tỉnh Nam Định họp</h1>"
        f"<p onclick=\"alert('XSS')\">{BODY}</p><script>document.write('CHÈN VÀO')</script>"
        "<div class='box-related'><strong>Tin liên quan</strong><ul><li><a href='/x'>Bài khác hoàn toàn</a></li></ul></div>"
        "<noscript>Bật JavaScript</noscript><iframe src='https://ads.example/'>QUẢNG CÁO</iframe>"
        "<p>Hội nghị đã thảo luận và thống nhất nhiều giải pháp trọng tâm cho những tháng cuối năm.</p></article>"
        "<div id='comments'><p>Bình luận độc hại &lt;script&gt;alert(1)&lt;/script&gt;</p></div></body></html>",
        encoding="utf-8")
    item = read_input(page)
    for junk in ("KỊCH BẢN", "CHÈN VÀO", "alert", "Tin liên quan", "Bài khác", "JavaScript", "QUẢNG CÁO", "Bình luận", "color",
                 "Trang chủ", "<", ">"):
        assert junk not in item.text, junk
    assert item.text.startswith("UBND tỉnh Nam Định họp\n\nNgày 5/6,")
    (tmp_path / "scripts.html").write_text("<html><head><script>x()</script></head><body><div></div></body></html>", encoding="utf-8")
    (tmp_path / "links.html").write_text("<html><body>" + "".join(f"<div><a href='/{k}'>Tin số {k} về hội nghị</a></div>"
                                                                 for k in range(50)) + "</body></html>", encoding="utf-8")
    _, output = build(tmp_path, str(page), str(tmp_path / "scripts.html"), str(tmp_path / "links.html"))
    assert "2 article(s) built, 1 skipped, 1 warning(s)" in output
    assert "no text left" in output and "links.html: HTML page: no article found" in output
    assert read_page("") is None and read_page("<!-- only a comment -->") is None


# ---------------------------------------------------------------------------- the dev corpus as JSONL
def _facts(ds: Dataset, key) -> dict[str, tuple]:
    """Per article (by ``key`` of its identifier): its metadata and every fact, named by labels."""
    out = {}
    for g in ds.graphs():
        a = next(g.subjects(RDF.type, VNKG.Article), None)
        if a is None:
            continue

        def label(n, g=g):
            return str(g.value(n, RDFS.label) or g.value(n, ELI.id_local))
        typed = {(t.split("#")[-1], label(n)) for n in g.objects(a, SCHEMA.mentions) for t in g.objects(n, RDF.type)}
        posts = {(label(g.value(m, ORG.member)), label(g.value(m, ORG.role)), label(g.value(m, ORG.organization)))
                 for m in g.subjects(RDF.type, ORG.Membership)}
        meetings = {(label(m), str(g.value(m, SCHEMA.startDate)), label(g.value(m, SCHEMA.location)))
                    for m in g.subjects(RDF.type, SCHEMA.Event)}
        mentions = {(str(g.value(m, VNKG.anchorOf)), int(g.value(m, VNKG.startChar)), int(g.value(m, VNKG.endChar)))
                    for m in g.subjects(RDF.type, VNKG.Mention)}
        meta = tuple(str(g.value(a, p)) for p in (RDFS.label, SCHEMA.datePublished, SCHEMA.url, VNKG.contentHash))
        authors = frozenset(label(p) for p in g.objects(a, SCHEMA.author))
        out[key(str(g.value(a, DCTERMS.identifier)))] = (meta, authors, typed, posts, meetings, mentions)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("metadata", [False, True])
def test_jsonl_builds_the_same_facts_as_the_text_files(tmp_path, metadata):
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is not beside the repository")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from jsonl_corpus import convert
    finally:
        sys.path.pop(0)
    folders = []
    for name in ("vietnews", "hddtvn", "magizbox_baomoi"):
        dest = tmp_path / "dev" / name
        dest.mkdir(parents=True)
        for path in sorted((DEV / name).glob("*.txt"))[:10]:
            shutil.copy(path, dest / path.name)
        folders.append(dest)
    corpus = tmp_path / "dev.jsonl"
    assert convert(folders, corpus, metadata=metadata) == 30
    txt, _ = build(tmp_path, str(tmp_path / "dev"), out="t.trig")
    jsonl, _ = build(tmp_path, str(corpus), out="j.trig")
    a = _facts(txt, lambda i: i.removeprefix("dev/").removesuffix(".txt"))
    b = _facts(jsonl, lambda i: i.removeprefix("dev.jsonl#"))
    assert len(a) == 30 and a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key
    assert sum(len(f[3]) for f in a.values()) > 10 and sum(len(f[2]) for f in a.values()) > 100  # posts, entities
