"""Jupyter helpers: SPARQL into pandas, and the network page inline.

In a notebook::

    %load_ext kg.jupyter
    %kg_graph ../out/seeds.trig            # the graph later cells query

    %%sparql -o people
    SELECT ?name WHERE { ?p a vnkg:Person ; rdfs:label ?name }

    %kg_query people-in-province province="Vĩnh Long"

Every contract prefix (vnkg:, schema:, org: ...) is predeclared. The same things work without
IPython as plain functions: ``sparql_frame``, ``saved_frame``, ``network_html``.
"""
from __future__ import annotations

import html
import shlex
from pathlib import Path
from typing import Any

import pandas as pd
from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.store import Result, Store, open_store

_stores: dict[tuple[str, float], Store] = {}


def store_for(graph: str | Path | Store) -> Store:
    """A loaded store for a graph file, reused while the file is unchanged."""
    if not isinstance(graph, (str, Path)):
        return graph
    path = Path(graph).resolve()
    key = (str(path), path.stat().st_mtime)
    if key not in _stores:
        _stores[key] = open_store(path)
    return _stores[key]


def _cell(term: Node | None) -> Any:
    """IRIs in their short ``prefix:local`` form, literals as Python values (dates, numbers)."""
    from kg.sparql import compact

    if term is None:
        return None
    if isinstance(term, URIRef):
        return compact(term)
    if isinstance(term, Literal):
        value = term.toPython()
        return value if not isinstance(value, Literal) else str(value)
    return str(term)


def frame(result: Result) -> pd.DataFrame | bool:
    """A query result as a DataFrame (ASK gives a bool; CONSTRUCT gives s, p, o rows)."""
    if result.kind == "ask":
        return bool(result.boolean)
    return pd.DataFrame([[_cell(t) for t in row] for row in result.rows], columns=result.variables)


def sparql_frame(graph: str | Path | Store, query: str, **params: str) -> pd.DataFrame | bool:
    """Run SPARQL text on a graph file; ``params`` bind variables, written as in Turtle
    (``name='"Vĩnh Long"@vi'``, ``p="res:person/x"``), like ``kg query --param``.

    Oxigraph binds only variables the query projects, so SELECT the ones you bind.
    """
    from kg.sparql import guess_term

    bindings = {k: guess_term(v) for k, v in params.items()}
    return frame(store_for(graph).query(query, bindings or None))


def saved_frame(graph: str | Path | Store, name: str, **params: str) -> pd.DataFrame | bool:
    """Run one of the package's saved queries (``kg query --list``) with its typed parameters."""
    from kg.queries import get
    from kg.sparql import bind

    query = get(name)
    return frame(store_for(graph).query(query.text, bind(query, params)))


INLINE_MAX_NODES = 150  # a notebook cell is about half a browser window: half the nodes


def network_html(graph: str | Path, height: int = 620, **selection: Any) -> str:
    """The ``kg viz`` page for a graph, wrapped in a sandboxed iframe for notebook output.

    ``selection`` takes ``kg viz``'s options as keywords (kinds, province, since, until,
    focus, hops, max_nodes — 150 by default here, 0 for all). Labels keep their size on
    screen however small the cell makes the fitted graph. ``srcdoc`` keeps the page
    self-contained in the saved notebook; the sandbox (scripts only, opaque origin) keeps
    it away from the notebook's own page.
    """
    from kg import viz
    from kg.graphload import load
    from kg.netgraph import Selection, most_central, project, select

    max_nodes = selection.pop("max_nodes", INLINE_MAX_NODES)
    G = select(project(load(graph)), Selection(**selection))
    shown = most_central(G, max_nodes) if max_nodes else G
    note = (f"Showing {len(shown):,} of {len(G):,} nodes: the most connected of each kind."
            if "truncated_from" in shown.graph else "")
    page = viz.render(shown, title=f"vnkg · {Path(graph).name}", note=note)
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #ddd"></iframe>')


class NetworkView:
    """What ``show_network`` returns: Jupyter renders it through ``_repr_html_``."""

    def __init__(self, html_text: str) -> None:
        self.html = html_text

    def _repr_html_(self) -> str:
        return self.html


def show_network(graph: str | Path, height: int = 620, **selection: Any) -> NetworkView:
    """The interactive network, displayed inline when it is a cell's value."""
    return NetworkView(network_html(graph, height, **selection))


def _magics() -> type:
    from IPython.core.magic import Magics, cell_magic, line_magic, magics_class

    @magics_class
    class KgMagics(Magics):
        """``%kg_graph``, ``%%sparql`` and ``%kg_query``."""

        graph: str | None = None

        def _graph(self, given: str | None) -> str:
            graph = given or self.graph
            if not graph:
                raise ValueError("no graph: run %kg_graph PATH first, or pass -g PATH")
            return graph

        @line_magic
        def kg_graph(self, line: str) -> None:
            """%kg_graph PATH — the graph file later %%sparql / %kg_query cells use."""
            path = shlex.split(line)[0]
            size = len(store_for(path))  # load now, so a bad path fails here
            self.graph = path
            print(f"graph: {path} ({size:,} quads)")

        @cell_magic
        def sparql(self, line: str, cell: str) -> Any:
            """%%sparql [-g PATH] [-o NAME] [var=value ...] — the cell is a SPARQL query."""
            graph, out, params = _parse_args(shlex.split(line))
            result = sparql_frame(self._graph(graph), cell, **params)
            if out:
                self.shell.user_ns[out] = result
            return result

        @line_magic
        def kg_query(self, line: str) -> Any:
            """%kg_query NAME [-g PATH] [-o NAME] [param=value ...] — run a saved query."""
            words = shlex.split(line)
            if not words:
                from kg.queries import saved_queries

                return pd.DataFrame([(q.name, q.title) for q in saved_queries().values()],
                                    columns=["name", "title"])
            graph, out, params = _parse_args(words[1:])
            result = saved_frame(self._graph(graph), words[0], **params)
            if out:
                self.shell.user_ns[out] = result
            return result

    return KgMagics


def _parse_args(words: list[str]) -> tuple[str | None, str | None, dict[str, str]]:
    graph = out = None
    params: dict[str, str] = {}
    it = iter(words)
    for word in it:
        if word in ("-g", "--graph"):
            graph = next(it)
        elif word in ("-o", "--out"):
            out = next(it)
        elif "=" in word:
            key, _, value = word.partition("=")
            params[key] = value
        else:
            raise ValueError(f"unexpected argument {word!r} (use -g PATH, -o NAME, name=value)")
    return graph, out, params


def load_ipython_extension(ipython: Any) -> None:
    """``%load_ext kg.jupyter``."""
    ipython.register_magics(_magics())
