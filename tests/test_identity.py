"""Person identity at corpus scale, on articles of our own: namesakes in two provinces are two
nodes, one official across articles is one, a mention with no post joins the person of its
article's province, and resolving is idempotent and recorded in the identity graph."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from build_helpers import run
from kg.identity.linkage import Cluster, Stats, cluster_name
from kg.identity.profiles import Profile, base_iri

PERSON = "https://w3id.org/vnkg/resource/person/"
SAME = "https://w3id.org/vnkg/ontology#sameAsCandidate"


def profile(article: str, provinces=(), bodies=(), national=(), where=None, beside=()) -> Profile:
    return Profile(article, PERSON + "Nguyễn_Văn_Lộc", frozenset(provinces), frozenset(bodies),
                   frozenset(national), where, frozenset(beside))


def stats(**named_in) -> Stats:
    """A corpus where "Nguyễn Văn Lộc" is a common name (a dozen people would carry it)."""
    return Stats(Counter(named_in), Counter({"Nguyễn": 500, "Cù": 1}), Counter({"Văn": 500, "Thị Thu": 2}),
                 Counter({"Lộc": 50, "Phương": 20}), 1000)


def people(profiles: list[Profile]) -> list[list[str]]:
    return [sorted(m.article for m in c.members) for c in cluster_name(profiles, stats(), "Nguyễn Văn Lộc")]


def test_posts_in_two_provinces_are_two_people():
    got = people([profile("a", ["TB"], ["ubnd-tb"]), profile("b", ["ST"], ["so-yte-st"])])
    assert sorted(got) == [["a"], ["b"]]


def test_one_body_is_one_person_whatever_the_articles_are_about():
    got = people([profile("a", ["TB"], ["ubnd-tb"], where="HN"), profile("b", ["TB"], ["ubnd-tb"], where="ST")])
    assert got == [["a", "b"]]


def test_a_career_in_one_province_is_one_person():
    assert people([profile("a", ["TB"], ["so-tc-tb"]), profile("b", ["TB"], ["ubnd-tb"])]) == [["a", "b"]]


def test_a_mention_without_a_post_joins_the_person_of_its_province():
    got = people([profile("a", ["TB"], ["ubnd-tb"]), profile("b", ["ST"], ["ubnd-st"]), profile("c", where="ST")])
    assert sorted(got) == [["a"], ["b", "c"]]


def test_no_evidence_either_way_is_one_person():
    assert people([profile("a"), profile("b")]) == [["a", "b"]]


def test_articles_about_two_provinces_with_no_posts_are_two_people():
    assert sorted(people([profile("a", where="HN"), profile("b", where="ST")])) == [["a"], ["b"]]


def test_people_named_beside_them_outweigh_the_articles_provinces():
    a = profile("a", where="HN", beside=[PERSON + "Lê_Văn_Hiểu", PERSON + "Trịnh_Sướng"])
    b = profile("b", where="ST", beside=[PERSON + "Lê_Văn_Hiểu", PERSON + "Trịnh_Sướng"])
    assert people([a, b]) == [["a", "b"]]


def test_national_posts_are_one_person():
    assert people([profile("a", bodies=["bo-yte"], national=["bo-yte"], where="HN"),
                   profile("b", bodies=["chinh-phu"], national=["chinh-phu"], where="ST")]) == [["a", "b"]]


def test_a_rare_name_weighs_for_a_common_one_does_not():
    st = stats()
    assert st.prior("Nguyễn Văn Lộc") == 0
    assert st.prior("Cù Thị Thu Phương") > 1


def test_a_rare_name_outweighs_the_articles_provinces():
    def rare(article: str, where: str) -> Profile:
        return Profile(article, PERSON + "Cù_Thị_Thu_Phương", frozenset(), frozenset(), frozenset(), where, frozenset())
    assert len(cluster_name([rare("a", "HN"), rare("b", "ST")], stats(), "Cù Thị Thu Phương")) == 1


def test_someone_often_named_in_a_national_post_is_expected_anywhere():
    minister = [profile(a, bodies=["bo-yte"], national=["bo-yte"], where="HN") for a in "abc"]
    assert people([*minister, profile("d", where="ST")]) == [["a", "b", "c", "d"]]
    # one national mention is no such evidence: the provinces still tell them apart
    assert sorted(people([minister[0], profile("d", where="ST")])) == [["a"], ["d"]]


def test_the_qualifier_is_read_back():
    assert base_iri(PERSON + "Nguyễn_Văn_Lộc_(Sóc_Trăng)") == PERSON + "Nguyễn_Văn_Lộc"
    assert base_iri(PERSON + "Nguyễn_Văn_Lộc") == PERSON + "Nguyễn_Văn_Lộc"
    assert base_iri(PERSON + "A_%28B%29") == PERSON + "A_%28B%29"  # a bracket in a name is encoded


def test_cluster_anchor_is_its_posts_province():
    c = Cluster()
    c.add(profile("a", ["TB"], ["x"], where="HN"))
    c.add(profile("b", where="HN"))
    assert c.anchor() == "TB"


ARTICLES = {
    "a.txt": "Tin Thái Bình\n\nNgày 5/6, ông Nguyễn Văn Lộc, Chủ tịch UBND tỉnh Thái Bình, chủ trì hội nghị.\n",
    "b.txt": "Tin Sóc Trăng\n\nNgày 7/6, ông Nguyễn Văn Lộc, Giám đốc Sở Y tế tỉnh Sóc Trăng, kiểm tra bệnh viện tỉnh Sóc Trăng.\n",
    "c.txt": "Tin Thái Bình\n\nNgày 9/6, tại tỉnh Thái Bình, ông Nguyễn Văn Lộc thăm các hộ nghèo của tỉnh Thái Bình.\n",
    "d.txt": "Tin Thái Bình\n\nNgày 10/6, ông Nguyễn Văn Lộc, Phó Chủ tịch UBND tỉnh Thái Bình, dự lễ khởi công.\n",
}


def _persons(path: Path) -> dict[str, set[str]]:
    """Article identifier → the person IRIs its graph names."""
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    rows = store.query("PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX vnkg: <https://w3id.org/vnkg/ontology#> "
                       "SELECT ?id ?p WHERE { GRAPH ?g { ?a dcterms:identifier ?id . ?p a vnkg:Person } }")
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["id"].value, set()).add(r["p"].value)
    return out


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def test_a_build_keeps_namesakes_apart_and_records_why(corpus, tmp_path):
    out = tmp_path / "g.trig"
    run("build", str(corpus), "--out", str(out))
    found = _persons(out)
    assert found["in/a.txt"] == found["in/c.txt"] == found["in/d.txt"]
    assert found["in/a.txt"] != found["in/b.txt"]
    assert found["in/b.txt"] == {PERSON + "Nguyễn_Văn_Lộc_(Sóc_Trăng)"}
    text = out.read_text(encoding="utf-8")
    assert SAME in text or "vnkg:sameAsCandidate" in text


def test_a_store_resolves_as_a_full_build_does(corpus, tmp_path):
    full = tmp_path / "full.trig"
    run("build", str(corpus), "--out", str(full))
    store = tmp_path / "store"
    (corpus / "b.txt").rename(tmp_path / "b.txt")
    run("build", str(corpus), "--store", str(store), "--out", str(tmp_path / "s1.trig"))
    (tmp_path / "b.txt").rename(corpus / "b.txt")
    run("build", str(corpus), "--store", str(store), "--out", str(tmp_path / "s2.trig"))
    assert (tmp_path / "s2.trig").read_bytes() == full.read_bytes()
    # and the first, without the namesake, had one node for all
    assert len({p for ps in _persons(tmp_path / "s1.trig").values() for p in ps if "Lộc" in p}) == 1


def test_audit_reports_labels_and_splits(corpus, tmp_path):
    import json

    out = tmp_path / "g.trig"
    run("build", str(corpus), "--out", str(out))
    report = json.loads(run("audit", str(out), "--json").output)
    assert report["multi_label"] == [] and report["counts"]["Article"] == 4
    assert report["split_names"] == 1
    (main, other), = report["split"].values()
    assert main["articles"] == 3 and main["score"] is None
    assert other["node"].endswith("_(Sóc_Trăng)") and 0 <= other["score"] < 0.5 and "in/b.txt" in other["reason"]
    assert "Nguyễn Văn Lộc" in run("audit", str(out)).output


def test_bodies_across_articles_one_node_whatever_the_spelling(tmp_path):
    """An abbreviation from the table, one an article defines, and the full name: one body."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Tin\n\nNgày 5/6, Bộ NN&PTNT họp với Hội Liên hiệp Phụ nữ Việt Nam (Hội LHPN).\n"
                             "Hội LHPN cam kết hỗ trợ.\n", encoding="utf-8")
    (d / "b.txt").write_text("Tin\n\nNgày 6/6, Bộ Nông nghiệp và Phát triển nông thôn và Hội Liên hiệp Phụ nữ Việt Nam "
                             "ký kết chương trình.\n", encoding="utf-8")
    out = tmp_path / "g.trig"
    run("build", str(d), "--out", str(out))
    store = ox.Store()
    store.bulk_load(path=str(out), format=ox.RdfFormat.TRIG)
    rows = store.query("PREFIX vnkg: <https://w3id.org/vnkg/ontology#> PREFIX schema: <https://schema.org/> "
                       "SELECT ?o (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?o . ?o a vnkg:Organization } GROUP BY ?o",
                       use_default_graph_as_union=True)
    counts = {r["o"].value.rsplit("/", 1)[-1]: int(r["n"].value) for r in rows}
    assert counts["Bộ_Nông_nghiệp_và_Phát_triển_nông_thôn"] == 2
    assert counts["Hội_Liên_hiệp_Phụ_nữ_Việt_Nam"] == 2


def test_a_body_merged_in_2025_points_to_its_successor(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Tin\n\nNgày 5/6/2024, Bộ Kế hoạch và Đầu tư tổ chức hội nghị.\n", encoding="utf-8")
    out = tmp_path / "g.nt"
    run("build", str(d), "--out", str(out))
    text = out.read_text(encoding="utf-8")
    old, new = "https://w3id.org/vnkg/resource/org/Bộ_Kế_hoạch_và_Đầu_tư", "https://w3id.org/vnkg/resource/org/Bộ_Tài_chính"
    assert f"<{old}> <https://w3id.org/vnkg/ontology#replacedBy> <{new}>" in text
    assert f"<{new}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" not in text  # not mentioned: not typed here
    run("gazetteer", "--out", str(tmp_path / "gaz.nt"))
    gaz = (tmp_path / "gaz.nt").read_text(encoding="utf-8")
    assert f"<{old}> <https://w3id.org/vnkg/ontology#replacedBy> <{new}>" in gaz
    assert f'<{new}> <http://www.w3.org/2000/01/rdf-schema#label> "Bộ Tài chính"@vi' in gaz


def test_identity_scores_are_written_as_a_store_keeps_them():
    from kg.confidence import literal  # what the identity graph's scores are written with
    assert [str(literal(v)) for v in (0.99996, 0.5, 0.1234, 0.0)] == ["1", "0.5", "0.123", "0"]


def test_a_post_shared_by_namesakes_is_renamed_with_the_one_who_splits_off():
    """A post's node is named after its holder's IRI before identity is resolved; when one article's
    holder splits off, that article's post becomes a node of its own (one org:member each)."""
    from kg.identity.people import MEMBER, read_profiles, resolve_people
    base = "https://w3id.org/vnkg/resource/"
    person, post = base + "person/Bùi_Văn_Cường", base + "membership/7921106e2458"
    rdf_type, person_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/vnkg/ontology#Person"
    quads = []
    for n, prov in enumerate(["thai-binh", "soc-trang", "thai-binh"]):
        g, org = f"{base}article/{n}.txt", f"{base}org/{prov}/Sở_Y_tế"
        quads += [(person, rdf_type, person_type, g), (post, MEMBER, person, g),
                  (post, "http://www.w3.org/ns/org#organization", org, g),
                  (org, "https://w3id.org/vnkg/ontology#province", f"{base}province/{prov}", g),
                  (g, "https://schema.org/contentLocation", f"{base}province/{prov}", g)]
    res = resolve_people(*read_profiles(quads), base)
    (g, change), = res.renames.items()
    assert g.endswith("1.txt") and change[person].startswith(person + "_(")
    assert change[post].startswith(post + "-") and change[post] != post
