"""``kg build`` through click's runner: formats, contract shape, identity, provenance, bad input."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS

from build_helpers import union_graph
from kg.cli import cli
from kg.normalize import normalize_text
from kg.vocab import ELI, ORG, PROV, SCHEMA, VNKG

ARTICLE_A = """Đoàn công tác Trung ương làm việc với tỉnh Hậu Giang

Cập nhật, 08:00, Thứ Hai, 10/08/2020 (GMT+7)

Ngày 9/8, Đoàn kiểm tra của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy Hậu Giang về thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.
Đồng chí Nguyễn Văn Linh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh báo cáo tại buổi làm việc. Ban Dân vận Tỉnh ủy tham mưu tốt.

Tin, ảnh: MINH ANH
"""

ARTICLE_B = """Hội nghị sơ kết công tác dân vận

17:10 12/08/2020
Chiều 12/8, Ban Dân vận Tỉnh ủy tổ chức Hội nghị sơ kết công tác dân vận, quán triệt Chỉ thị số 05- CT/TW.
Đồng chí Trần Thị Thu, Trưởng Ban Dân vận Tỉnh ủy chủ trì hội nghị.

Văn Hải
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return d


def run_build(*args: str):
    result = CliRunner().invoke(cli, ["build", *args, "--no-progress"])
    assert result.exit_code == 0, result.output
    return result


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".jsonld", ".trig", ".nq"])
def test_every_output_format_parses_to_the_same_graph(corpus, tmp_path, ext):
    out = tmp_path / f"g{ext}"
    run_build(str(corpus), "--out", str(out))
    g = union_graph(out)
    assert len(list(g.subjects(RDF.type, VNKG.Article))) == 2
    assert len(g) > 50


def test_named_graph_per_article(corpus, tmp_path):
    out = tmp_path / "g.trig"
    run_build(str(corpus), "--out", str(out))
    ds = Dataset()
    ds.parse(out)
    names = {c.identifier for c in ds.graphs() if len(c) and c.identifier != URIRef("urn:x-rdflib:default")}
    articles = set(union_graph(out).subjects(RDF.type, VNKG.Article))
    assert articles <= names


def test_contract_types_and_shape(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    run_build(str(corpus), "--out", str(out))
    g = union_graph(out)
    pairs = [(VNKG.Article, SCHEMA.NewsArticle), (VNKG.Person, SCHEMA.Person),
             (VNKG.Organization, ORG.Organization), (VNKG.Meeting, SCHEMA.Event),
             (VNKG.Decision, ELI.LegalResource), (VNKG.Province, SCHEMA.AdministrativeArea)]
    for mine, standard in pairs:
        nodes = set(g.subjects(RDF.type, mine))
        assert nodes, mine
        assert all((n, RDF.type, standard) in g for n in nodes)
        assert all(g.value(n, RDFS.label) is not None for n in nodes if mine != VNKG.Article)
    for m in g.subjects(RDF.type, ORG.Membership):
        assert g.value(m, ORG.member) and g.value(m, ORG.organization) and g.value(m, ORG.role)
        assert (g.value(m, PROV.wasDerivedFrom), RDF.type, VNKG.Article) in g
    result = CliRunner().invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0, result.output


def test_identity_across_articles(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    run_build(str(corpus), "--out", str(out))
    g = union_graph(out)
    decisions = [d for d in g.subjects(RDF.type, VNKG.Decision) if str(g.value(d, ELI.id_local)) == "05-CT/TW"]
    assert len(decisions) == 1
    mentions = [a for a in g.subjects(SCHEMA.mentions, decisions[0])]
    assert len(mentions) == 2
    politburo = [o for o in g.subjects(RDFS.label, None) if str(g.value(o, RDFS.label)) == "Bộ Chính trị"]
    assert len(politburo) == 1
    # "Ban Dân vận Tỉnh ủy": named with Hậu Giang in A; B names no province, so it stays apart
    boards = [o for o in g.subjects(RDF.type, VNKG.Organization) if str(g.value(o, RDFS.label)).startswith("Ban Dân vận Tỉnh ủy")]
    assert {str(g.value(o, RDFS.label)) for o in boards} == {"Ban Dân vận Tỉnh ủy Hậu Giang", "Ban Dân vận Tỉnh ủy"}
    assert len(boards) == 2


def test_same_input_same_iris(corpus, tmp_path):
    a, b = tmp_path / "1.nt", tmp_path / "2.nt"
    run_build(str(corpus), "--out", str(a))
    run_build(str(corpus), "--out", str(b))
    assert set(union_graph(a)) == set(union_graph(b))


def test_base_option(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    run_build(str(corpus), "--out", str(out), "--base", "http://example.org/kg/")
    g = union_graph(out)
    assert all(str(s).startswith("http://example.org/kg/") for s in g.subjects(RDF.type, VNKG.Person))


def test_mentions_point_at_the_text(corpus, tmp_path):
    out = tmp_path / "g.ttl"
    run_build(str(corpus / "a.txt"), "--out", str(out))
    g = union_graph(out)
    text = normalize_text(ARTICLE_A)
    mentions = list(g.subjects(RDF.type, VNKG.Mention))
    assert mentions
    for m in mentions:
        start, end = int(g.value(m, VNKG.startChar)), int(g.value(m, VNKG.endChar))
        assert text[start:end] == str(g.value(m, VNKG.anchorOf))
        assert str(g.value(m, VNKG.anchorOf)) in str(g.value(m, VNKG.sentence))


def test_no_province_invented(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text(ARTICLE_B, encoding="utf-8")
    out = tmp_path / "g.ttl"
    run_build(str(f), "--out", str(out))
    g = union_graph(out)
    assert not list(g.subjects(RDF.type, VNKG.Province))
    (meeting,) = g.subjects(RDF.type, VNKG.Meeting)
    assert g.value(meeting, SCHEMA.location) is None


def test_bad_inputs_are_reported_and_the_rest_is_built(corpus, tmp_path):
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "latin1.txt").write_bytes("Café crème, déjà vu.\n\nUn texte en Latin-1 sans accents vietnamiens.\n".encode("latin-1"))
    (corpus / "page.html").write_text("<html><head><script>alert('x')</script></head><body><h1>Tin</h1>"
                                      "<p>Ngày 5/6, UBND tỉnh Bạc Liêu tổ chức hội nghị.</p></body></html>", encoding="utf-8")
    big = corpus / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (corpus / "hostile.txt").write_text("Tiêu đề \" } ; DROP ALL ; # <script>alert(1)</script>\n\n"
                                        "Ông Nguyễn Văn <img src=x onerror=alert(1)> nói.\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "empty file" in result.output
    assert "binary" in result.output
    assert "MB is over" in result.output
    assert "not UTF-8" in result.output
    assert "HTML page" in result.output
    g = union_graph(out)
    ids = {str(o) for o in g.objects(None, URIRef("http://purl.org/dc/terms/identifier"))}
    assert {"in/a.txt", "in/b.txt", "in/page.html", "in/latin1.txt", "in/hostile.txt"} <= ids  # path under the folder given
    strict = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "s.ttl"), "--strict", "--no-progress"])
    assert strict.exit_code == 1


def test_unknown_output_extension_is_a_usage_error(corpus, tmp_path):
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(tmp_path / "g.xyz")])
    assert result.exit_code == 2 and "unknown output format" in result.output


def test_existing_output_survives_a_failed_write(corpus, tmp_path, monkeypatch):
    out = tmp_path / "g.ttl"
    run_build(str(corpus), "--out", str(out))
    before = out.read_bytes()
    import kg.serialize

    def boom(*a, **k):
        raise RuntimeError("disk full")
    monkeypatch.setattr(kg.serialize, "union_triples", boom)
    result = CliRunner().invoke(cli, ["build", str(corpus), "--out", str(out), "--no-progress"])
    assert result.exit_code != 0
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".g.ttl")]


def test_seed_scores(seeds_dir, tmp_path):
    """The sample articles through the shared scorer (a regression guard; the rules are tested above)."""
    import subprocess
    import sys

    scorer = seeds_dir.parent.parent / "tools" / "kgscore.py"
    gold = seeds_dir.parent.parent / "gold" / "seeds.json"
    kg = shutil.which("kg") or str(Path(sys.executable).parent / "kg")
    proc = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--corpus", str(seeds_dir),
                           "--build", f"{kg} build {{input}} --out {{output}}", "--min-f1", "0.9"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("devset", ["devset", "devset2"])
def test_dev_set_scores(devset, tmp_path):
    """The two development sets (articles written for development, with hand-made gold)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    scorer = root.parent / "shared" / "tools" / "kgscore.py"
    if not scorer.exists():
        pytest.skip("../shared/tools/kgscore.py is not beside the repository")
    kg = shutil.which("kg") or str(Path(sys.executable).parent / "kg")
    proc = subprocess.run([sys.executable, str(scorer), "--gold", str(root / devset / "gold.json"),
                           "--corpus", str(root / devset / "corpus"), "--build", f"{kg} build {{input}} --out {{output}}",
                           "--min-f1", "0.93"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_run_on_text_keeps_short_source_sentences(tmp_path):
    f = tmp_path / "runon.txt"
    f.write_text("Tiêu đề\n\n" + "Ông Trần Văn Hai, Chủ tịch UBND tỉnh Long An dự, " * 400 + "\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    run_build(str(f), "--out", str(out))
    g = union_graph(out)
    sentences = [str(o) for o in g.objects(None, VNKG.sentence)]
    assert sentences and max(map(len, sentences)) <= 602
