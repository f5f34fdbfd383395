"""The role scheme (kg/roles_scheme.py, ontology/roles.ttl, ``kg roles``): every role a post can
carry is a SKOS concept of it, under the IRI the post already uses, with Vietnamese and English
labels, the lexicon's other spellings and the roles it is a kind of."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from build_helpers import run, union_graph
from kg.lexicon import data
from kg.roles_scheme import (SHIPPED, emitted_roles, english_names, role_concepts, role_iri, role_table,
                             scheme_graph, scheme_iri, shipped_turtle)
from kg.validate import validate_file

ARTICLE = """Hội nghị triển khai nhiệm vụ năm 2024 tại Ninh Bình

08:00 15/01/2024

Sáng 15/1, Tỉnh ủy Ninh Bình tổ chức hội nghị triển khai nhiệm vụ năm 2024. Đồng chí Trần Hồng Quảng, Phó Bí thư Thường trực Tỉnh ủy Ninh Bình chủ trì hội nghị.
Dự hội nghị có đồng chí Phạm Quang Ngọc, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Ninh Bình; đồng chí Nguyễn Văn Thắng, Bộ trưởng Bộ Tài chính.
Đồng chí Lê Thị Hoa, Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Y tế tỉnh Ninh Bình báo cáo tại hội nghị. Ông Đỗ Văn Bình, Thứ trưởng Bộ Y tế cũng phát biểu.
"""
BUILT_ROLES = {"Phó Bí thư Thường trực", "Phó Bí thư", "Chủ tịch", "Bộ trưởng", "Ủy viên", "Giám đốc", "Thứ trưởng"}
ENGLISH = {"Bí thư": "Secretary", "Phó Bí thư": "Deputy Secretary", "Phó Bí thư Thường trực": "Standing Deputy Secretary",
           "Chủ tịch": "Chair", "Phó Chủ tịch": "Vice Chair", "Giám đốc": "Director", "Bộ trưởng": "Minister",
           "Thứ trưởng": "Deputy Minister", "Ủy viên": "Member", "Thủ tướng": "Prime Minister",
           "Tổng Bí thư": "General Secretary", "Quyền Chủ tịch": "Acting Chair"}


@pytest.fixture(scope="module")
def scheme() -> Graph:
    return scheme_graph()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("roles-in")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("roles-out") / "g.trig"
    run("build", str(folder), "--out", str(out))
    return out


def _labels(g: Graph, node: URIRef, lang: str) -> list[str]:
    return [str(o) for o in g.objects(node, SKOS.prefLabel) if o.language == lang]


# ---------------------------------------------------------------- the scheme
def test_scheme_has_the_roles_with_vi_and_en_labels(scheme: Graph) -> None:
    s = scheme_iri()
    assert (s, RDF.type, SKOS.ConceptScheme) in scheme
    assert {o.language for o in scheme.objects(s, SKOS.prefLabel)} == {"vi", "en"}
    for role, en in ENGLISH.items():
        node = role_iri(role)
        assert (node, RDF.type, SKOS.Concept) in scheme and (node, RDF.type, ORG.Role) in scheme, role
        assert (node, SKOS.inScheme, s) in scheme
        assert _labels(scheme, node, "vi") == [role] and _labels(scheme, node, "en") == [en], role
        assert (node, RDFS.label, Literal(role, lang="vi")) in scheme  # as a built graph labels it
    for c in role_concepts():  # every concept: one label per language
        node = role_iri(c.role)
        assert len(_labels(scheme, node, "vi")) == 1 and len(_labels(scheme, node, "en")) == 1, c.role


def test_every_role_has_an_english_name_and_every_name_a_role() -> None:
    assert set(english_names()) == set(emitted_roles())
    assert all(v.strip() for v in english_names().values())


def test_role_iris_are_the_ones_posts_use() -> None:
    assert role_iri("Phó Bí thư Thường trực") == URIRef("https://w3id.org/vnkg/resource/role/Phó_Bí_thư_Thường_trực")
    assert role_iri("Chủ tịch", "http://example.org/kg") == URIRef("http://example.org/kg/role/Chủ_tịch")


def test_alt_labels_are_the_lexicons_spellings(scheme: Graph) -> None:
    def alt(role: str) -> set[str]:
        return {str(o) for o in scheme.objects(role_iri(role), SKOS.altLabel)}

    assert "UV" in alt("Ủy viên")  # abbreviations.json: UV → Ủy viên
    assert {"ĐBQH", "Đại biểu QH"} <= alt("Đại biểu Quốc hội")
    assert "Chủ tịch QH" in alt("Chủ tịch Quốc hội")
    assert {"Phó Trưởng ban", "Phó trưởng Ban"} <= alt("Phó Trưởng Ban")  # listed spellings the matcher folds
    expansions = data("abbreviations.json")["expansions"]
    assert ("PCT" in alt("Phó Chủ tịch")) == ("PCT" in expansions)  # nothing the lexicon does not have
    assert ("BT" in alt("Bí thư")) == ("BT" in expansions)
    assert all(o.language == "vi" for o in scheme.objects(None, SKOS.altLabel))


def test_broader_links(scheme: Graph) -> None:
    def broader(role: str) -> set[str]:
        return {str(scheme.value(b, RDFS.label)) for b in scheme.objects(role_iri(role), SKOS.broader)}

    assert broader("Phó Bí thư Thường trực") == {"Phó Bí thư"}      # "X Thường trực" → X
    assert broader("Bí thư Thường trực") == {"Bí thư"}
    assert broader("Thứ trưởng Thường trực") == {"Thứ trưởng"}
    assert broader("Quyền Chủ tịch") == {"Chủ tịch"}                 # "Quyền X" (acting) → X
    assert broader("Ủy viên chuyên trách") == {"Ủy viên"}            # full-time member → member
    assert broader("Chủ tịch Quốc hội") == {"Chủ tịch"}              # the lexicon: implies role Chủ tịch
    assert broader("Ủy viên Trung ương") == {"Ủy viên"}
    for top in ("Phó Bí thư", "Phó Chủ tịch", "Ủy viên dự khuyết", "Tổng Bí thư", "Đại biểu Quốc hội"):
        assert broader(top) == set(), top                            # "Phó X", "X dự khuyết" are not X
    pbt, pb = role_iri("Phó Bí thư Thường trực"), role_iri("Phó Bí thư")
    assert (pb, SKOS.narrower, pbt) in scheme
    for c in role_concepts():
        node = role_iri(c.role)
        is_top = (node, SKOS.topConceptOf, scheme_iri()) in scheme
        assert is_top == (not c.broader) == ((scheme_iri(), SKOS.hasTopConcept, node) in scheme), c.role
        assert set(c.broader) <= set(emitted_roles())
        for b in scheme.objects(node, SKOS.broader):  # no cycles
            assert node not in set(scheme.transitive_objects(b, SKOS.broader)), c.role


def test_same_titles_are_exact_matches(scheme: Graph) -> None:
    assert (role_iri("Chủ tịch HĐQT"), SKOS.exactMatch, role_iri("Chủ tịch Hội đồng quản trị")) in scheme
    assert (role_iri("UVTW"), SKOS.exactMatch, role_iri("Ủy viên Trung ương")) in scheme


def test_role_table_is_the_builders() -> None:
    """The scheme reads the lexicon the way the title grammar does: same phrases, same winners."""
    from kg.nlp.pipeline import make_nlp
    from kg.nlp.sentences import grammar_for

    lex = grammar_for(make_nlp()).lex
    assert role_table() == lex.roles.entries
    emitted = set(emitted_roles())
    assert {v["role"] for v in lex.role_implies.values()} <= emitted
    assert {v["role"] for v in lex.role_units.values()} <= emitted
    assert not {r for r in emitted if r.lower() in lex.role_units}  # "Tỉnh ủy viên" is "Ủy viên" of "Tỉnh ủy"


# ---------------------------------------------------------------- built graphs
def test_every_built_role_is_a_concept_of_the_scheme(built: Path, scheme: Graph) -> None:
    g = union_graph(built)
    roles = set(g.objects(None, ORG.role))
    assert {str(g.value(r, RDFS.label)) for r in roles} >= BUILT_ROLES
    for r in roles:
        assert (r, RDF.type, SKOS.Concept) in g and (r, SKOS.inScheme, scheme_iri()) in g, r
        assert (r, RDF.type, SKOS.Concept) in scheme and (r, SKOS.inScheme, scheme_iri()) in scheme, r


def test_build_with_another_base_points_into_that_bases_scheme(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    base = "http://example.org/kg/"
    run("build", str(tmp_path / "in"), "--out", str(tmp_path / "g.nt"), "--base", base)
    g = Graph().parse(tmp_path / "g.nt")
    other = scheme_graph(base)
    roles = set(g.objects(None, ORG.role))
    assert roles and all((r, RDF.type, SKOS.Concept) in other for r in roles)
    assert set(g.objects(None, SKOS.inScheme)) == {URIRef(base + "role-scheme")}


def test_a_role_outside_the_lexicon_is_still_a_concept(extract_text) -> None:
    from kg.rdf import article_graph, new_dataset

    record = extract_text("Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh Ninh Bình phát biểu.")
    assert record.posts
    record.posts = [replace(record.posts[0], role="Chủ tịch danh dự")]
    ds = new_dataset()
    article_graph(record, ds)
    node = role_iri("Chủ tịch danh dự")
    assert (None, ORG.role, node) in ds
    assert (node, RDF.type, SKOS.Concept) in ds and (node, SKOS.inScheme, scheme_iri()) in ds
    assert (node, RDFS.label, Literal("Chủ tịch danh dự", lang="vi")) in ds


# ---------------------------------------------------------------- kg roles
def test_kg_roles_prints_the_tree() -> None:
    out = run("roles").output
    lines = out.splitlines()
    assert f"{len(role_concepts())} roles" in lines[0]
    parent = next(i for i, line in enumerate(lines) if "Phó Bí thư — Deputy Secretary" in line)
    child = next(i for i, line in enumerate(lines) if "Phó Bí thư Thường trực — Standing Deputy Secretary" in line)
    assert child > parent and lines[child].index("Phó Bí thư Thường trực") > lines[parent].index("Phó Bí thư")
    assert "Ủy viên — Member (also UV" in out


def test_kg_roles_json() -> None:
    doc = json.loads(run("roles", "--json").output)
    assert doc["scheme"] == str(scheme_iri())
    by_role = {r["role"]: r for r in doc["roles"]}
    assert set(by_role) == set(emitted_roles())
    assert by_role["Phó Bí thư Thường trực"]["broader"] == ["Phó Bí thư"]
    assert "Phó Bí thư Thường trực" in by_role["Phó Bí thư"]["narrower"]
    assert by_role["Bí thư"]["en"] == "Secretary" and by_role["Bí thư"]["iri"] == str(role_iri("Bí thư"))
    assert "Bí thư" in doc["top"] and "Phó Bí thư Thường trực" not in doc["top"]


@pytest.mark.parametrize("ext", [".ttl", ".nt", ".jsonld"])
def test_kg_roles_writes_the_scheme(tmp_path: Path, scheme: Graph, ext: str) -> None:
    out = tmp_path / f"roles{ext}"
    result = run("roles", "--out", str(out))
    assert f"{len(scheme)} triples" in result.output
    assert isomorphic(Graph().parse(out), scheme)


def test_kg_roles_refuses_bad_options(tmp_path: Path) -> None:
    assert run("roles", "--json", "--out", str(tmp_path / "r.ttl"), ok=False).exit_code == 2
    result = run("roles", "--out", str(tmp_path / "r.txt"), ok=False)
    assert result.exit_code == 2 and "unknown output format" in result.output


def test_shipped_file_is_current() -> None:
    """ontology/roles.ttl is what the lexicon gives: regenerate with `python -m kg.roles_scheme`."""
    assert SHIPPED.read_bytes() == shipped_turtle()


# ---------------------------------------------------------------- SHACL
def test_shacl_validates_the_scheme_a_built_graph_and_both(built: Path, tmp_path: Path) -> None:
    for path in (SHIPPED, built):
        conforms, text = validate_file(path)
        assert conforms, text
    both = union_graph(built) + Graph().parse(SHIPPED)
    both.serialize(tmp_path / "both.nt", format="nt", encoding="utf-8")
    conforms, text = validate_file(tmp_path / "both.nt")
    assert conforms, text
    assert run("validate", str(SHIPPED)).exit_code == 0


@pytest.mark.parametrize("damage", ["no scheme", "two English labels", "Vietnamese label only", "not a concept"])
def test_shacl_rejects_roles_outside_the_scheme(tmp_path: Path, damage: str) -> None:
    g = Graph().parse(SHIPPED)
    node = role_iri("Bí thư")
    if damage == "no scheme":
        g.remove((node, SKOS.inScheme, None))
    elif damage == "two English labels":
        g.add((node, SKOS.prefLabel, Literal("Party Secretary", lang="en")))
    elif damage == "Vietnamese label only":
        g.remove((node, SKOS.prefLabel, Literal("Secretary", lang="en")))
    else:
        g.remove((node, RDF.type, SKOS.Concept))
    g.serialize(tmp_path / "bad.ttl", format="turtle")
    conforms, _ = validate_file(tmp_path / "bad.ttl")
    assert not conforms, damage
