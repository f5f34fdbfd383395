"""``kg query``: saved questions, bound parameters, output formats, both backends."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg import queries, sparql
from kg.commands.query import query
from kg.store import open_store

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
HOSTILE = '" } ; DROP ALL ; #'
NB = ("-p", "province=Ninh Bình")  # saved queries take no default: every parameter is given


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "kg-cache"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(query, [str(a) for a in args])
    return result.exit_code, result.output


def rows(*args: str) -> list[dict]:
    code, out = run(FIXTURE, *args, "--format", "json")
    assert code == 0, out
    return json.loads(out)


def test_list_names_every_saved_query():
    code, out = run("--list", "--format", "json")
    assert code == 0
    listed = {q["name"]: q for q in json.loads(out)}
    assert set(listed) >= {"people-in-province", "meetings-timeline", "decision-attendees",
                           "shared-members", "article", "posts-as-of"}
    for q in listed.values():
        assert q["title"] and q["description"]
        assert all(p["default"] for p in q["params"])


@pytest.mark.parametrize("name", sorted(queries.saved_queries()))
def test_backends_agree_on_every_saved_query(name):
    saved = queries.get(name)
    bindings = sparql.bind(saved, {})
    answers = []
    for backend in ("oxigraph", "rdflib"):
        result = open_store(FIXTURE, backend).query(saved.text, bindings)
        assert result.rows, f"{name} on {backend} found nothing"
        # GROUP_CONCAT order is unspecified: compare the parts
        answers.append(sorted(tuple(sorted(str(t).split(" | ")) if t is not None else ()
                                    for t in row) for row in result.rows))
    assert answers[0] == answers[1]


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_people_and_posts_in_province(backend):
    got = rows("--name", "people-in-province", *NB, "--backend", backend)
    posts = {(r["personName"], r["roleName"], r["orgName"]) for r in got}
    assert ("Nguyễn Văn An", "Bí thư Tỉnh ủy", "Tỉnh ủy Ninh Bình") in posts
    assert ("Lê Văn Cường", "Trưởng ban", "Ban Dân vận Tỉnh ủy Ninh Bình") in posts
    assert len(got) == 6
    other = rows("--name", "people-in-province", "-p", "province=Thanh Hóa", "--backend", backend)
    assert [r["personName"] for r in other] == ["Phạm Quang Dũng"]


def test_posts_as_of_follow_the_latest_report():
    an = ("-p", "person=Nguyễn Văn An")
    before = rows("--name", "posts-as-of", *an, "-p", "date=2023-12-31")
    assert [(r["orgName"], r["roleName"]) for r in before] == [("Tỉnh ủy Ninh Bình", "Phó Bí thư Tỉnh ủy")]
    after = rows("--name", "posts-as-of", *an, "-p", "date=2024-12-31")
    assert {(r["orgName"], r["roleName"]) for r in after} == {
        ("Tỉnh ủy Ninh Bình", "Bí thư Tỉnh ủy"), ("Hội đồng nhân dân tỉnh Ninh Bình", "Chủ tịch")}
    assert rows("--name", "posts-as-of", *an, "-p", "date=2020-01-01") == []


def test_meetings_timeline_includes_meetings_in_districts():
    got = rows("--name", "meetings-timeline", *NB)
    assert [r["date"] for r in got] == ["2023-05-09", "2024-03-14"]
    assert got[1]["placeName"] == "huyện Kim Sơn" and got[1]["decisions"] == "290-QĐ/TW"


def test_decision_attendees_and_shared_members_and_article():
    attendees = {r["attendeeName"]: r["kind"]
                 for r in rows("--name", "decision-attendees", "-p", "decision=290-QĐ/TW")}
    assert attendees == {"Nguyễn Văn An": str(sparql.PREFIX_MAP["vnkg"]) + "Person",
                         "Lê Văn Cường": str(sparql.PREFIX_MAP["vnkg"]) + "Person",
                         "Phạm Quang Dũng": str(sparql.PREFIX_MAP["vnkg"]) + "Person",
                         "Ban Dân vận Tỉnh ủy Ninh Bình": str(sparql.PREFIX_MAP["vnkg"]) + "Organization"}
    links = {(r["orgName"], r["otherName"], r["people"]) for r in rows("--name", "shared-members", *NB)}
    assert ("Tỉnh ủy Ninh Bình", "Hội đồng nhân dân tỉnh Ninh Bình", "Nguyễn Văn An") in links
    said = rows("--name", "article", "-p", "article=thanh-hoa-2024.txt")
    objects = {r["objectName"] or r["object"] for r in said}
    assert {"Phạm Quang Dũng", "Bí thư Tỉnh ủy", "Tỉnh ủy Thanh Hóa"} <= objects
    assert "Nguyễn Văn An" not in objects


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_hostile_parameter_is_only_a_value(backend):
    for name, key in [("people-in-province", "province"), ("decision-attendees", "decision"),
                      ("article", "article"), ("posts-as-of", "person")]:
        # matched against the graph's own values first: nothing has that name, and the
        # query is not run at all
        more = ("-p", "date=2024-12-31") if name == "posts-as-of" else ()
        code, out = run(FIXTURE, "--name", name, "-p", f"{key}={HOSTILE}", *more, "--backend", backend,
                        "--format", "json")
        assert code == 1 and "named" in out and "Traceback" not in out, out
    # the same text in an ad-hoc query binds as a literal, and the graph is intact after
    code, out = run(FIXTURE, "SELECT ?x ?n WHERE { ?p rdfs:label ?n } LIMIT 1", "-p", f"x={HOSTILE}",
                    "--backend", backend, "--format", "json")
    assert code == 0 and json.loads(out)[0]["x"] == HOSTILE
    assert len(rows("--name", "people-in-province", *NB, "--backend", backend)) == 6


def test_hostile_iri_and_bad_values_are_refused():
    with pytest.raises(sparql.ParamError):
        sparql.to_iri(HOSTILE)
    with pytest.raises(sparql.ParamError):
        sparql.to_iri(f"<{HOSTILE}>")
    code, out = run(FIXTURE, "--name", "posts-as-of", "-p", "date=2024-13-45")
    assert code == 2 and "not a date" in out
    code, out = run(FIXTURE, "--name", "posts-as-of", "-p", "nobody=1")
    assert code == 2 and "unknown parameter" in out
    code, out = run(FIXTURE, "--name", "no-such-query")
    assert code == 2 and "no saved query" in out


def test_turtle_terms_for_undeclared_parameters():
    assert sparql.guess_term("res:person/x") == sparql.to_iri("https://w3id.org/vnkg/resource/person/x")
    term = sparql.guess_term('"Ninh Bình"@vi')
    assert term.language == "vi" and str(term) == "Ninh Bình"
    assert str(sparql.guess_term('"2024-01-01"^^xsd:date').datatype).endswith("#date")
    got = rows("SELECT ?n ?p WHERE { ?p rdfs:label ?n }", "-p", "p=res:person/le-van-cuong")
    assert got == [{"n": "Lê Văn Cường", "p": "https://w3id.org/vnkg/resource/person/le-van-cuong"}]


def test_output_formats():
    code, out = run(FIXTURE, "--name", "meetings-timeline", *NB, "--format", "csv")
    assert code == 0
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:3] == ["province", "date", "meeting"] and len(table) == 3
    code, out = run(FIXTURE, "--name", "meetings-timeline", *NB, "--format", "sparql-json")
    doc = json.loads(out)
    assert doc["head"]["vars"][0] == "province"
    assert doc["results"]["bindings"][0]["province"] == {"type": "literal", "value": "Ninh Bình",
                                                         "xml:lang": "vi"}
    code, out = run(FIXTURE, "ASK { ?m a vnkg:Meeting }", "--format", "json")
    assert code == 0 and json.loads(out) is True
    code, out = run(FIXTURE, "--name", "meetings-timeline", *NB)
    assert code == 0 and "Kim Sơn" in out and "2 row(s)" in out


def test_file_query_with_header(tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("# Posts by name.\n# @param who label = Trần Thị Bình -- a person\n"
                  "SELECT ?who (COUNT(?m) AS ?n) WHERE { ?p rdfs:label ?who . ?m org:member ?p } "
                  "GROUP BY ?who\n", encoding="utf-8")
    assert rows("--file", rq, "-p", "who=Trần Thị Bình") == [{"who": "Trần Thị Bình", "n": 2}]
    assert rows("--file", rq, "-p", "who=Lê Văn Cường") == [{"who": "Lê Văn Cường", "n": 1}]


def test_errors_are_reported_not_raised(tmp_path):
    code, out = run(FIXTURE, "SELECT WHERE {")
    assert code == 1 and "Error" in out
    code, out = run(FIXTURE)
    assert code == 2
    bad = tmp_path / "g.xyz"
    bad.write_text("x")
    code, out = run(bad, "ASK {}")
    assert code == 1 and "unknown graph format" in out


@pytest.mark.parametrize("ext,fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"),
                                     (".nq", "nquads"), (".trig", "trig")])
@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_every_output_format_loads(tmp_path, ext, fmt, backend):
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    target = tmp_path / f"graph{ext}"
    if ext in (".nq", ".trig"):
        ds.serialize(target, format=fmt)
    else:
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        merged.serialize(target, format=fmt)
    code, out = run(target, "--name", "people-in-province", *NB, "--backend", backend, "--format", "json")
    assert code == 0, out
    assert len(json.loads(out)) == 6


def test_store_cache_is_reused_and_refreshed(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    graph = tmp_path / "g.nq"
    graph.write_text('<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "một" <http://x/g> .\n',
                     encoding="utf-8")
    assert len(open_store(graph)) == 1
    [entry] = (tmp_path / "cache").iterdir()
    assert (entry / "kg-source.json").is_file()
    graph.write_text(graph.read_text(encoding="utf-8")
                     + '<http://x/b> <http://www.w3.org/2000/01/rdf-schema#label> "hai" <http://x/g> .\n',
                     encoding="utf-8")
    store = open_store(graph)
    assert len(store) == 2
    assert len(store.query("SELECT ?s WHERE { ?s rdfs:label ?l }").rows) == 2
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [entry.name]
