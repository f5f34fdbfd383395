"""``kg query``: saved-query parameters are required and matched to the graph's own values;
syntax errors are short and point at the spot; printed IRIs paste back into a query."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from kg import queries
from kg.commands.query import query
from kg.queries import match, prefixes
from kg.sparql import ParamError

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"


def run(*args: str):
    return CliRunner().invoke(query, [str(FIXTURE), *map(str, args)])


def rows(*args: str) -> list[dict]:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# ---- missing parameters ----------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(queries.saved_queries()))
def test_a_missing_parameter_is_an_error_listing_the_parameters(name):
    saved = queries.get(name)
    result = run("--name", name)
    assert result.exit_code == 2
    assert "missing parameter" in result.output
    assert all(p.name in result.output for p in saved.params)
    assert "Traceback" not in result.output


def test_a_missing_parameter_of_a_file_query(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# Who.\n# @param who label = Trần Thị Bình -- a person\n"
                  "SELECT ?who WHERE { ?p rdfs:label ?who }\n", encoding="utf-8")
    result = run("--file", rq)
    assert result.exit_code == 2 and "missing parameter(s) who" in result.output
    assert "e.g. who='Trần Thị Bình'" in result.output


def test_one_of_two_parameters_missing_names_it():
    result = run("--name", "posts-as-of", "-p", "date=2024-12-31")
    assert result.exit_code == 2 and "missing parameter(s) person" in result.output


# ---- matching ----------------------------------------------------------------------------------

@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("written", ["Ninh Bình", "ninh binh", "NINH BÌNH", "tỉnh Ninh Bình",
                                     "Tinh Ninh Binh", "  ninh   bình "])
def test_province_without_accents_case_or_its_administrative_word(written, backend):
    got = rows("--name", "people-in-province", "-p", f"province={written}", "--backend", backend)
    assert len(got) == 6 and {r["province"] for r in got} == {"Ninh Bình"}


def test_a_match_is_noted_on_stderr_and_stdout_stays_clean():
    result = run("--name", "people-in-province", "-p", "province=thanh hoa", "--format", "json")
    assert result.exit_code == 0
    assert [r["personName"] for r in json.loads(result.stdout)] == ["Phạm Quang Dũng"]
    assert "matched 'Thanh Hóa'" in result.stderr


@pytest.mark.parametrize("written", ["290-QĐ/TW", "290-QD/TW", "290-qd/tw", "290 - QĐ / TW",
                                     "số 290-QĐ/TW", "290–QĐ/TW"])
def test_document_numbers_however_written(written):
    got = rows("--name", "decision-attendees", "-p", f"decision={written}")
    assert {r["decision"] for r in got} == {"290-QĐ/TW"} and len(got) == 4


def test_people_and_files_are_matched_too():
    got = rows("--name", "posts-as-of", "-p", "person=nguyen van an", "-p", "date=2024-12-31")
    assert {r["person"] for r in got} == {"Nguyễn Văn An"}
    assert rows("--name", "article", "-p", "article=THANH-HOA-2024.TXT")


def test_nothing_matches_says_so_with_the_closest_names():
    result = run("--name", "people-in-province", "-p", "province=Ninh Binhh")
    assert result.exit_code == 1
    assert "no province named 'Ninh Binhh'" in result.output and "closest: Ninh Bình" in result.output
    result = run("--name", "decision-attendees", "-p", "decision=291-QĐ/TW")
    assert result.exit_code == 1 and "closest: 290-QĐ/TW" in result.output
    result = run("--name", "people-in-province", "-p", "province=Cà Mau")
    assert result.exit_code == 1 and "it has: Ninh Bình, Thanh Hóa" in result.output


def test_two_names_that_fold_alike_are_not_guessed():
    lookup = match.LOOKUPS["person"]
    with pytest.raises(ParamError, match="several"):
        match.match("nguyen van an", ["Nguyễn Văn An", "Nguyễn Văn Ân"], lookup)
    assert match.match("Nguyễn Văn Ân", ["Nguyễn Văn An", "Nguyễn Văn Ân"], lookup) == "Nguyễn Văn Ân"


def test_keys():
    assert match.province_key("Thành phố Hồ Chí Minh") == match.province_key("ho chi minh")
    assert match.province_key("TP. Hồ Chí Minh") == "ho chi minh"
    assert match.number_key(" Số 05 - CT/TW") == match.number_key("05-CT/TW")
    assert match.file_key("corpus/A.txt") == match.file_key("a.TXT")


# ---- syntax errors -------------------------------------------------------------------------------

def error_lines(result) -> list[str]:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "\\u{" not in result.output
    lines = result.output.rstrip("\n").splitlines()
    assert lines[0].startswith("Error: SPARQL syntax error at line"), result.output
    assert len(lines) == 3 and lines[2].strip() == "^"
    return lines


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_misspelt_select(backend):
    lines = error_lines(run("SELEC ?x WHERE { ?x ?p ?o }", "--backend", backend))
    assert "line 1, column 1: expected SELECT, CONSTRUCT, ASK or DESCRIBE, found 'SELEC'" in lines[0]
    assert lines[1] == "  SELEC ?x WHERE { ?x ?p ?o }" and lines[2] == "  ^"


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_unknown_prefix_points_at_it(backend):
    text = "# people\nSELECT ?x WHERE {\n  ?x a foo:Person ; rdfs:label \"a:b\" }"
    lines = error_lines(run(text, "--backend", backend))
    assert "line 3, column 8: unknown prefix 'foo:'" in lines[0] and "vnkg" in lines[0]
    assert lines[1] == "    ?x a foo:Person ; rdfs:label \"a:b\" }"
    assert lines[2].index("^") == lines[1].index("foo:")


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_other_errors_keep_the_parser_position(backend):
    text = "SELECT ?x WHERE {\n  ?x a res.role:Chủ_tịch .\n  ?x ?y }"  # line 1 is added for res.role
    lines = error_lines(run(text, "--backend", backend))
    assert "at line 3, column" in lines[0]
    assert lines[1] == "    ?x ?y }"


# ---- printed IRIs paste back -----------------------------------------------------------------------

def fixture_iris() -> set[str]:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return {str(t) for q in ds.quads() for t in q[:3] if isinstance(t, URIRef)}


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_every_printed_iri_reads_back_as_itself(backend):
    iris = fixture_iris()
    shown = {prefixes.compact(URIRef(i)): i for i in iris}
    assert "res.role:chu-tich" in shown and "res.org.ninh-binh:tinh-uy" in shown
    assert not [s for s in shown if s.startswith("res:") and "/" in s]
    text = "SELECT ?x WHERE { VALUES ?x { " + " ".join(shown) + " } }"
    got = rows(text, "--backend", backend)
    assert {r["x"] for r in got} == iris


def test_a_table_cell_pasted_into_the_next_query():
    result = run("--name", "people-in-province", "-p", "province=Ninh Bình")
    assert result.exit_code == 0
    assert "res.org.ninh-binh:tinh-uy" in result.stdout and "res:org/" not in result.stdout
    got = rows("SELECT ?name WHERE { res.org.ninh-binh:tinh-uy rdfs:label ?name }")
    assert got == [{"name": "Tỉnh ủy Ninh Bình"}]


def test_what_has_no_short_form_is_printed_whole():
    for iri in ["https://w3id.org/vnkg/resource/article/in/a.", "https://w3id.org/vnkg/resource/a b/c",
                "https://schema.org/x/y", "http://example.org/z"]:
        assert prefixes.compact(URIRef(iri)) == f"<{iri}>"
    assert prefixes.compact(URIRef("https://w3id.org/vnkg/resource/org/x/S%E1%BB%9F_KH%26ĐT")) == \
        "res.org.x:S%E1%BB%9F_KH%26ĐT"


def test_a_prefix_the_query_declares_itself_wins():
    text, added = prefixes.declare("PREFIX res.role: <http://example.org/>\nASK { res.role:x ?p ?o }")
    assert added == 0 and text.startswith("PREFIX res.role: <http://example.org/>")
