"""``kg viz``: an offline, safe, readable network page."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.commands import COMMANDS
from kg.commands.explore import viz
from kg.graphload import load
from kg.netgraph import Selection, SelectionError, project, select
from viz_helpers import (HOSTILE_ORG, HOSTILE_PERSON, HOSTILE_ROLE, SAMPLE, hub_heavy, page_data,
                         parse_page, remote_references, synthetic, twins)


def run_viz(tmp_path: Path, *args: str, graph: Path = SAMPLE) -> tuple[str, dict]:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(viz, [str(graph), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    return html, page_data(html)


def labels(data: dict) -> set[str]:
    return {n["tip"]["label"] for n in data["nodes"]}


def edge_triples(data: dict) -> set[tuple[str, str, str]]:
    by_id = {n["id"]: n["tip"]["label"] for n in data["nodes"]}
    return {(by_id[e["from"]], e["label"], by_id[e["to"]]) for e in data["edges"]}


def test_registered_in_cli() -> None:
    assert COMMANDS["explore"] == ("viz", "stats", "export")


def test_page_is_fully_offline(tmp_path: Path) -> None:
    html, _ = run_viz(tmp_path)
    assert remote_references(html) == []
    tags = parse_page(html).tags
    assert not [a for t, a in tags if t == "script" and a.get("src")]
    assert not [a for t, a in tags if t == "link"]
    assert "vis.Network" in html  # vis-network itself is inlined
    assert "default-src 'none'" in html  # and the page may not fetch anything even if it tried


def test_vietnamese_labels_intact(tmp_path: Path) -> None:
    html, data = run_viz(tmp_path)
    assert '<meta charset="utf-8">' in html
    assert "Bùi Tuấn Quang" in html and "Phạm Thiện Nghĩa" in html  # raw UTF-8, not \\u escapes
    assert {"Bùi Tuấn Quang", "Ủy ban nhân dân tỉnh", "Quyết định 290-QĐ/TW", "Vĩnh Long"} <= labels(data)


def test_nodes_styled_by_type_and_sized_by_degree(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path)
    style = {(n["kind"], n["shape"], n["color"]["background"]) for n in data["nodes"]}
    assert len({k for k, _, _ in style}) == len(style) == 6  # one look per type, Article hidden
    assert [i["kind"] for i in data["legend"]] == ["Person", "Organization", "Meeting", "Decision",
                                                  "Province", "District"]
    size = {n["tip"]["label"]: n["size"] for n in data["nodes"]}
    assert size["Phạm Thiện Nghĩa"] > size["Tuyết Nga"]


def test_memberships_are_role_labelled_edges(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path)
    assert not {n["kind"] for n in data["nodes"]} & {"Membership", "Role", "Mention", "Article"}
    triples = edge_triples(data)
    assert ("Phạm Thiện Nghĩa", "Chủ tịch", "Ủy ban nhân dân tỉnh") in triples
    assert ("Phạm Thiện Nghĩa", "Phó Bí thư", "Tỉnh ủy") in triples
    assert ("Bùi Tuấn Quang", "Phó Trưởng Ban", "Ban Dân vận Trung ương") in triples
    rels = {label for _, label, _ in triples}
    assert {"attended", "organised", "about", "issued by", "located in", "part of"} <= rels


def test_tooltips_carry_roles_dates_and_source_sentence(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path)
    tip = next(n["tip"] for n in data["nodes"] if n["tip"]["label"] == "Phạm Thiện Nghĩa")
    rows = dict(tip["rows"])
    assert "Chủ tịch — Ủy ban nhân dân tỉnh" in rows["Posts"]
    (source, sentence), = tip["sources"]
    assert "2023-03-30" in source
    assert sentence.startswith("Đồng chí Phạm Thiện Nghĩa, Phó Bí thư Tỉnh ủy")
    meeting = next(n["tip"] for n in data["nodes"] if n["kind"] == "Meeting"
                   and "Vĩnh Long" in n["tip"]["label"])
    assert dict(meeting["rows"])["Date"] == "2020-06-25"
    edge = next(e["tip"] for e in data["edges"] if e["label"] == "Chủ tịch")
    assert edge["sources"][0][1].startswith("Đồng chí Phạm Thiện Nghĩa")


def test_hostile_text_stays_data(tmp_path: Path) -> None:
    html, data = run_viz(tmp_path, "--types", "all")
    # the page has exactly the script blocks of the template: nothing closed one early
    scripts = parse_page(html).scripts
    assert len(scripts) == 3
    assert html.count("</script>") == 3
    assert "<img" not in html and "<script>window" not in html
    data_block = next(text for attrs, text in scripts if attrs.get("id") == "kg-data")
    assert "__pwned" not in html.replace(data_block, "")  # hostile text only inside the JSON
    # ... and the data round-trips exactly, so the page shows the text as written
    assert {HOSTILE_PERSON, HOSTILE_ORG} <= labels(data)
    assert any(e["label"].startswith("Giám đốc</script>") for e in data["edges"])
    assert HOSTILE_ROLE in json.dumps(data, ensure_ascii=False)
    # tooltips are built with textContent, never innerHTML
    script = scripts[-1][1]
    assert "innerHTML" not in script and "textContent" in script


def test_types_option(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path, "--types", "Person,Organization")
    assert {n["kind"] for n in data["nodes"]} == {"Person", "Organization"}
    _, data = run_viz(tmp_path, "--types", "all")
    assert "Article" in {n["kind"] for n in data["nodes"]}
    result = CliRunner().invoke(viz, [str(SAMPLE), "--types", "Persons,Bogus"])
    assert result.exit_code == 2 and "bogus" in result.output


def test_province_option(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path, "--province", "tinh vinh long")  # accents and prefix optional
    names = labels(data)
    assert "Bùi Tuấn Quang" in names and "Phạm Thiện Nghĩa" not in names
    result = CliRunner().invoke(viz, [str(SAMPLE), "--province", "Atlantis"])
    assert result.exit_code == 1 and "Vĩnh Long" in result.output


def test_date_options(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path, "--since", "2023-01-01", "--until", "2023-12-31")
    names = labels(data)
    assert "Phạm Thiện Nghĩa" in names
    assert "Bùi Tuấn Quang" not in names and HOSTILE_PERSON not in names
    assert "Hội nghị tổng kết công tác dân vận năm 2022" in names


def test_focus_option(tmp_path: Path) -> None:
    _, data = run_viz(tmp_path, "--focus", "pham thien nghia", "--hops", "1")
    assert labels(data) == {"Phạm Thiện Nghĩa", "Ủy ban nhân dân tỉnh", "Tỉnh ủy",
                            "Hội nghị tổng kết công tác dân vận năm 2022"}
    _, data = run_viz(tmp_path, "--focus", "res:person/bui-tuan-quang", "--hops", "0")
    assert labels(data) == {"Bùi Tuấn Quang"}
    result = CliRunner().invoke(viz, [str(SAMPLE), "--focus", "Ban"])
    assert result.exit_code == 1 and "ambiguous" in result.output


def test_every_output_format_loads(tmp_path: Path) -> None:
    ds = load(SAMPLE)
    reference = select(project(ds), Selection())
    for fmt, ext in (("nquads", ".nq"), ("json-ld", ".jsonld"), ("turtle", ".ttl"), ("nt", ".nt")):
        path = tmp_path / f"g{ext}"
        if fmt in ("turtle", "nt"):  # triples formats: named graphs flattened away
            flat = Dataset()
            for s, p, o, _g in ds.quads():
                flat.add((s, p, o))
            flat.serialize(path, format=fmt)
        else:
            ds.serialize(path, format=fmt)
        G = select(project(load(path)), Selection())
        assert set(G.nodes) == set(reference.nodes), ext
        assert G.number_of_edges() == reference.number_of_edges(), ext
    (tmp_path / "g.xyz").write_text("")
    result = CliRunner().invoke(viz, [str(tmp_path / "g.xyz")])
    assert result.exit_code == 1 and "unknown graph format" in result.output


def test_selection_errors_are_clear() -> None:
    G = project(load(SAMPLE))
    with pytest.raises(SelectionError, match="no node named"):
        select(G, Selection(focus="Không Ai Cả"))


def test_big_graph_defaults_to_central_core(tmp_path: Path) -> None:
    graph = synthetic(tmp_path, 900)
    html, data = run_viz(tmp_path, graph=graph)
    assert len(data["nodes"]) == 300
    assert "most connected of" in html
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 400


def test_five_thousand_nodes_still_make_a_usable_page(tmp_path: Path) -> None:
    graph = synthetic(tmp_path, 5150)
    start = time.monotonic()
    html, data = run_viz(tmp_path, "--max-nodes", "0", graph=graph)
    took = time.monotonic() - start
    assert len(data["nodes"]) >= 5000
    assert took < 60, f"rendering took {took:.1f} s"
    options = data["options"]
    assert options["layout"]["improvedLayout"] is False  # vis' O(n²) initial layout is off
    assert options["physics"]["stabilization"]["iterations"] <= 100
    assert options["edges"]["smooth"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])  # seeded from communities
    assert len(html) < 25_000_000


def test_same_name_nodes_are_told_apart(tmp_path: Path) -> None:
    """Two different "Tỉnh ủy" must not look identical: the label says their province, or
    the article they came from; so do the tooltip and the search list."""
    _, data = run_viz(tmp_path, graph=twins(tmp_path))
    shown = {n["label"] for n in data["nodes"] if n["tip"]["label"] == "Tỉnh ủy"}
    assert shown == {"Tỉnh ủy · Ninh Bình", "Tỉnh ủy · “Hội nghị cán bộ chủ chốt…”"}
    meetings = {n["sub"] for n in data["nodes"] if n["tip"]["label"] == "Buổi làm việc"}
    assert meetings == {"Ninh Bình", "2022-01-09"}  # the place, else the date
    tips = {n["tip"]["sub"] for n in data["nodes"] if n["tip"]["label"] == "Tỉnh ủy"}
    assert "Ninh Bình" in tips
    posts = {dict(n["tip"]["rows"])["Posts"] for n in data["nodes"] if n["kind"] == "Person"}
    assert posts == {"Bí thư — Tỉnh ủy (Ninh Bình)", "Phó Bí thư — Tỉnh ủy (“Hội nghị cán bộ chủ chốt…”)"}
    # a provincial body whose name does not say its province gets it too
    _, data = run_viz(tmp_path)
    label = {n["tip"]["label"]: n["label"] for n in data["nodes"]}
    assert label["Ban Thường vụ Tỉnh ủy"] == "Ban Thường vụ Tỉnh ủy · Vĩnh Long"
    assert label["Tỉnh ủy Vĩnh Long"] == "Tỉnh ủy Vĩnh Long"  # already says it
    assert label["Phạm Thiện Nghĩa"] == "Phạm Thiện Nghĩa"


def test_labels_have_a_readable_size_at_any_zoom(tmp_path: Path) -> None:
    """vis-network draws labels at font size × zoom (≈3-7 px once 300 nodes are fitted in);
    the page draws its own at a fixed size on screen, so vis gets no font and no label."""
    _, data = run_viz(tmp_path, graph=synthetic(tmp_path, 900))
    labels = data["labels"]
    assert labels["node"]["size"] >= 13 and labels["node"]["subSize"] >= 11
    assert labels["edge"]["size"] >= 11
    assert "post" in labels["edgeRels"]  # roles are labelled at the default zoom
    options = data["options"]
    assert "font" not in options["nodes"] and "font" not in options["edges"]
    # every node has a name to draw and a rank: people and hubs claim room first
    ranks = sorted(n["rank"] for n in data["nodes"])
    assert ranks == list(range(len(data["nodes"])))
    first = sorted(data["nodes"], key=lambda n: n["rank"])[:20]
    assert all(n["name"] for n in data["nodes"])
    assert sum(n["kind"] == "Person" for n in first) >= 5


def test_max_nodes_keeps_a_balanced_mix(tmp_path: Path) -> None:
    """The top 40 by degree of this graph are provinces, committees and decisions; the view
    must still show people with the bodies they hold posts in, meetings, decisions, places."""
    html, data = run_viz(tmp_path, "--max-nodes", "40", graph=hub_heavy(tmp_path))
    assert len(data["nodes"]) == 40 and "most connected of" in html
    kinds = [n["kind"] for n in data["nodes"]]
    assert kinds.count("Person") >= 10
    assert {"Organization", "Meeting", "Decision", "Province"} <= set(kinds)
    assert min(kinds.count(k) for k in ("Organization", "Meeting", "Decision", "Province")) >= 3
    people = {n["id"] for n in data["nodes"] if n["kind"] == "Person"}
    with_post = {e["from"] for e in data["edges"] if e["rel"] == "post"}
    assert people <= with_post  # each person's post body is in the view
    linked = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    assert len([n for n in data["nodes"] if n["id"] not in linked]) <= 4  # not a scatter
    # twelve "Ban Dân vận Tỉnh ủy", one per province: the view tells them apart
    bans = [n["label"] for n in data["nodes"] if n["tip"]["label"] == "Ban Dân vận Tỉnh ủy"]
    assert len(bans) >= 2 and len(set(bans)) == len(bans)


def test_focus_nodes_survive_the_balanced_cut(tmp_path: Path) -> None:
    graph = hub_heavy(tmp_path)
    _, data = run_viz(tmp_path, "--max-nodes", "5", "--focus", "Người 39", "--hops", "3", graph=graph)
    assert "Người 39" in labels(data) and len(data["nodes"]) == 5
