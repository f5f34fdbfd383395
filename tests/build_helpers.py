"""Shared by the build tests: synthetic articles, running ``kg``, reading outputs back."""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).parent / "kg")


def synth_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` realistic articles (benchmarks/synth_corpus.py): shared national bodies, decisions
    and people across articles, so identity is exercised."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synth_corpus import generate
    finally:
        sys.path.pop(0)
    return generate(folder, n, seed)


def run(*args: str, ok: bool = True) -> Result:
    result = CliRunner().invoke(cli, [*args, "--no-progress"] if args[0] == "build" else list(args))
    if ok:
        assert result.exit_code == 0, result.output + repr(result.exception)
    return result


def quads(path: Path) -> set[ox.Quad]:
    return set(ox.parse(path=str(path)))


def union_graph(path: Path) -> Graph:
    """A built file as one rdflib graph (a TriG or N-Quads file's named graphs merged)."""
    if path.suffix not in (".trig", ".nq"):
        return Graph().parse(path)
    ds = Dataset()
    ds.parse(path)
    g = Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g
