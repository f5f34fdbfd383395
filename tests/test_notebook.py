"""notebooks/explore.ipynb runs top to bottom (offline), and the Jupyter helpers it uses work."""
from __future__ import annotations

import html

import nbformat
import pandas as pd
import pytest
from nbclient import NotebookClient

from kg.jupyter import network_html, saved_frame, sparql_frame
from viz_helpers import ROOT, SAMPLE

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CORPUS = ROOT.parent / "shared" / "corpus" / "seeds"


def outputs_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts += [str(v) for v in out.data.values()]
    return "\n".join(parts)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"sample corpus not found at {CORPUS}")
def test_notebook_executes() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors, errors
    text = "\n".join(outputs_text(c) for c in code)
    assert "5 article(s) built" in text
    assert "vnkg:Person" in text and "org:Membership" in text  # %%sparql → DataFrame
    assert "Phạm Thiện Nghĩa" in text
    assert "people-in-province" in text  # %kg_query lists the saved queries
    assert "modularity" in text
    iframes = [out.data["text/html"] for c in code for out in c.get("outputs", [])
               if out.output_type == "execute_result" and "<iframe srcdoc=" in out.data.get("text/html", "")]
    assert len(iframes) == 2
    assert "vis.Network" in html.unescape(iframes[0])


def test_sparql_frame_binds_parameters() -> None:
    df = sparql_frame(SAMPLE, "SELECT ?name ?role WHERE { ?p a vnkg:Person ; rdfs:label ?name . "
                              "?m org:member ?p ; org:role/rdfs:label ?role } ORDER BY ?name",
                      role='"Chủ tịch"@vi')  # Turtle syntax, as `kg query --param`
    assert isinstance(df, pd.DataFrame)
    assert df["name"].tolist() == ["Phạm Thiện Nghĩa"]
    assert sparql_frame(SAMPLE, "ASK { ?d eli:id_local '290-QĐ/TW' }") is True


def test_saved_query_frame() -> None:
    df = saved_frame(SAMPLE, "people-in-province", province="Vĩnh Long")
    assert isinstance(df, pd.DataFrame)
    assert "personName" in df.columns


def test_network_html_is_sandboxed() -> None:
    out = network_html(SAMPLE, focus="Bùi Tuấn Quang", hops=1)
    assert out.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in out
    assert "<script" not in out.split('srcdoc="', 1)[1].split('"', 1)[0]  # all escaped
    assert "Bùi Tuấn Quang" in html.unescape(out)
