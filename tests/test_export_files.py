"""``kg export``: GraphML whose edge ids are unique XML names; the format is never guessed."""
from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from kg.commands.explore import export

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
NS = {"g": "http://graphml.graphdrawing.org/xmlns"}
XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def run(*args: str):
    return CliRunner().invoke(export, [str(FIXTURE), *map(str, args)])


def test_graphml_edge_ids_are_unique_xml_names():
    result = run("--format", "graphml")
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.stdout.encode("utf-8"))
    edges = root.findall(".//g:edge", NS)
    ids = [e.get("id") for e in edges]
    assert len(edges) > 10 and len(set(ids)) == len(ids)
    assert all(XML_NAME.match(i) for i in ids), ids
    # parallel facts between the same two nodes (two posts in one body) stay two edges
    G = nx.read_graphml(io.StringIO(result.stdout))
    an, tinh_uy = ("https://w3id.org/vnkg/resource/person/nguyen-van-an",
                   "https://w3id.org/vnkg/resource/org/ninh-binh/tinh-uy")
    roles = {d["label"] for u, v, d in G.edges(data=True) if (u, v) == (an, tinh_uy)}
    assert roles == {"Bí thư Tỉnh ủy", "Phó Bí thư Tỉnh ủy"}


def test_unknown_extension_is_refused_with_the_known_ones(tmp_path):
    out = tmp_path / "g.xyz"
    result = run("--out", out)
    assert result.exit_code == 2 and not out.exists()
    assert all(ext in result.output for ext in (".graphml", ".gexf", ".json", ".cyjs"))


def test_extension_or_format_picks_the_format(tmp_path):
    assert run("--out", tmp_path / "g.cyjs").exit_code == 0
    assert "elements" in json.loads((tmp_path / "g.cyjs").read_text(encoding="utf-8"))
    assert run("--format", "graphml", "--out", tmp_path / "g.xml").exit_code == 0  # said outright
    assert (tmp_path / "g.xml").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    result = run("--format", "json", "--out", tmp_path / "g.gexf")
    assert result.exit_code == 2 and "names gexf, not json" in result.output


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".ttl"])
def test_a_dataset_read_as_rdflib_writes_the_same_bytes_as_one_held(tmp_path, suffix):
    """The builder holds its graphs and fills rdflib's store only when asked; either way the file is the same."""
    from kg.build import build_dataset
    from kg.serialize import write_dataset
    seeds = sorted((Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds").glob("*.txt"))[:2]
    if not seeds:
        pytest.skip("sample corpus not found")
    held, _ = build_dataset(seeds)
    read, _ = build_dataset(seeds)
    assert len(list(read.quads((None, None, None, None)))) > 0  # reading fills the rdflib store
    write_dataset(held, tmp_path / f"held{suffix}")
    write_dataset(read, tmp_path / f"read{suffix}")
    assert (tmp_path / f"held{suffix}").read_bytes() == (tmp_path / f"read{suffix}").read_bytes()
