"""``kg stats`` and ``kg export``: networkx analytics and files for Gephi / Cytoscape."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from kg.analytics import display_names, summary
from kg.commands.explore import export, stats
from kg.graphload import load
from kg.netgraph import Selection, project, select
from viz_helpers import HOSTILE_ORG, SAMPLE, synthetic


def stats_json(*args: str, graph: Path = SAMPLE) -> dict:
    result = CliRunner().invoke(stats, [str(graph), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_counts_per_type() -> None:
    counts = stats_json()["counts"]
    assert counts["by_type"] == {"Person": 5, "Organization": 9, "Meeting": 2, "Decision": 1,
                                 "Province": 2, "District": 1}
    assert counts["by_relation"]["post"] == 5 and counts["articles"] == 3
    assert stats_json("--types", "Person")["counts"]["by_type"] == {"Person": 5}


def test_top_people_and_organisations() -> None:
    cent = stats_json("--top", "2")["centrality"]
    assert [r["label"] for r in cent["degree"]["Person"]] == ["Phạm Thiện Nghĩa", "Bùi Tuấn Quang"]
    assert cent["degree"]["Person"][0]["score"] == 3
    assert cent["betweenness"]["Person"][0]["label"] == "Phạm Thiện Nghĩa"
    assert len(cent["degree"]["Organization"]) == 2 and cent["betweenness_exact"]


def test_communities_are_deterministic() -> None:
    first, second = stats_json()["communities"], stats_json()["communities"]
    assert first == second and first["count"] >= 3 and 0 < first["modularity"] < 1
    biggest = first["communities"][0]
    assert {"Phạm Thiện Nghĩa", "Lê Thành Công"} <= set(biggest["members"])


def test_stats_table_prints_labels_as_text() -> None:
    result = CliRunner().invoke(stats, [str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "Phạm Thiện Nghĩa" in result.output and "Communities (Louvain)" in result.output
    assert "<img src=x" in result.output  # rich markup is not interpreted


def test_betweenness_is_sampled_on_big_graphs(tmp_path: Path) -> None:
    G = select(project(load(synthetic(tmp_path, 2000))), Selection())
    result = summary(G, top=3)
    assert not result["centrality"]["betweenness_exact"]
    assert len(result["centrality"]["betweenness"]["Person"]) == 3


def run_export(*args: str) -> str:
    result = CliRunner().invoke(export, [str(SAMPLE), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_graphml_round_trip() -> None:
    G = nx.read_graphml(io.StringIO(run_export("--format", "graphml")))
    assert len(G) == 20 and G.number_of_edges() == 22
    node = G.nodes["https://w3id.org/vnkg/resource/person/pham-thien-nghia"]
    assert node["label"] == "Phạm Thiện Nghĩa" and node["kind"] == "Person" and node["degree"] == 3
    roles = {d["label"] for _, _, d in G.edges(data=True) if d["rel"] == "post"}
    assert "Chủ tịch" in roles


def test_gexf_has_gephi_colours(tmp_path: Path) -> None:
    out = tmp_path / "g.gexf"
    result = CliRunner().invoke(export, [str(SAMPLE), "--out", str(out)])  # format from extension
    assert result.exit_code == 0, result.output
    G = nx.read_gexf(out)
    node = G.nodes["https://w3id.org/vnkg/resource/person/bui-tuan-quang"]
    assert node["viz"]["color"] == {"r": 78, "g": 121, "b": 167, "a": 1.0}
    assert any(d["label"] == HOSTILE_ORG for _, d in G.nodes(data=True))


def test_cytoscape_json() -> None:
    doc = json.loads(run_export("--format", "json", "--types", "Person,Organization"))
    nodes, edges = doc["elements"]["nodes"], doc["elements"]["edges"]
    ids = {n["data"]["id"] for n in nodes}
    assert {n["data"]["kind"] for n in nodes} == {"Person", "Organization"}
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    chu_tich = next(e["data"] for e in edges if e["data"]["label"] == "Chủ tịch")
    assert chu_tich["sentences"].startswith("Đồng chí Phạm Thiện Nghĩa")


def test_same_named_bodies_are_told_apart() -> None:
    G = nx.MultiDiGraph(articles={"a1": {"title": "t", "date": "2023-03-30", "file": "001.txt"}})
    G.add_node("p", kind="Province", label="Vĩnh Long", articles=[])
    G.add_node("o1", kind="Organization", label="Ban Dân vận Tỉnh ủy", articles=[])
    G.add_node("o2", kind="Organization", label="Ban Dân vận Tỉnh ủy", articles=["a1"])
    G.add_edge("o1", "p", rel="located_in")
    assert display_names(G) == {"p": "Vĩnh Long", "o1": "Ban Dân vận Tỉnh ủy (Vĩnh Long)",
                                "o2": "Ban Dân vận Tỉnh ủy (001.txt)"}
