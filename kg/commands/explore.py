"""``kg viz``, ``kg stats``, ``kg export``: look at a built graph as a network.

All three read any file ``kg build`` writes and share one set of selection options, so the
page, the numbers and the Gephi file can describe exactly the same part of the graph.
"""
from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click
import networkx as nx

from kg.commands.output import check_out, one_line, stdout_errors, write_failed
from kg.netgraph import DEFAULT_KINDS, KINDS, Selection, SelectionError, most_central, project, select

DEFAULT_MAX_NODES = 300


def _kinds(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_KINDS
    if value.strip().lower() == "all":
        return KINDS
    by_name = {k.lower(): k for k in KINDS} | {"org": "Organization", "organisation": "Organization",
                                              "event": "Meeting", "place": "Province"}
    out = []
    for part in filter(None, (p.strip().lower() for p in value.split(","))):
        if part.endswith("s") and part[:-1] in by_name:
            part = part[:-1]
        if part not in by_name:
            raise click.BadParameter(f"unknown type {part!r}; choose from {', '.join(KINDS)} or 'all'")
        out.append(by_name[part])
    return tuple(dict.fromkeys(out))


def selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The GRAPH argument and the options that pick part of it (shared by viz, stats, export)."""
    date = click.DateTime(formats=["%Y-%m-%d"])
    for decorator in reversed([
        click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path)),
        click.option("--types", "kinds", callback=_kinds, metavar="LIST",
                     help="Comma-separated node types to keep, or 'all' "
                          f"[default: {','.join(DEFAULT_KINDS)}]."),
        click.option("--province", metavar="NAME",
                     help="Only what articles about this province say (accents optional)."),
        click.option("--since", type=date, help="Only articles published on or after this date."),
        click.option("--until", type=date, help="Only articles published on or before this date."),
        click.option("--focus", metavar="ENTITY", help="Centre on a node: a name, IRI or res:… name."),
        click.option("--hops", type=click.IntRange(0, 10), default=2, show_default=True,
                     help="With --focus: how many steps out from it."),
    ]):
        command = decorator(command)
    return command


def _load(graph: Path, kinds: tuple[str, ...], province: str | None, since: datetime | None,
          until: datetime | None, focus: str | None, hops: int, min_confidence: float | None = None) -> nx.MultiDiGraph:
    from kg.graphload import load
    from kg.serialize import describe_parse_error
    from kg.store import StoreError

    try:
        rdf = load(graph)
    except StoreError as exc:
        cause = exc.__cause__
        message = f"{graph}: cannot load: {describe_parse_error(cause)}" if cause is not None else str(exc)
        raise click.ClickException(one_line(message)) from None
    if min_confidence is not None:
        from kg.confidence import drop_below

        drop_below(rdf, min_confidence)
    sel = Selection(kinds=kinds, province=province, since=since.date() if since else None,
                    until=until.date() if until else None, focus=focus, hops=hops)
    try:
        return select(project(rdf), sel)
    except SelectionError as exc:
        raise click.ClickException(str(exc)) from exc


def _writable(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    check_out(value, param)
    return value


@click.command()
@selection_options
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default="graph.html",
              show_default=True, callback=_writable, help="The HTML page to write.")
@click.option("--max-nodes", type=click.IntRange(0), default=DEFAULT_MAX_NODES, show_default=True,
              help="Above this, keep a core of the most connected nodes, each kind with its share (0 = no limit).")
@click.option("--title", help="Page heading [default: the graph file's name].")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
              help="Leave out facts scored under X (vnkg:confidence).")
def viz(graph: Path, out: Path, max_nodes: int, title: str | None, min_confidence: float | None,
        **selection: Any) -> None:
    """Write an interactive network page (offline, one HTML file) for GRAPH."""
    from kg import viz as page

    start = time.monotonic()
    G = _load(graph, min_confidence=min_confidence, **selection)
    shown = most_central(G, max_nodes) if max_nodes else G
    note = ""
    if "truncated_from" in shown.graph:
        note = (f"Showing {len(shown):,} of {len(G):,} nodes: the most connected of each kind. "
                "Narrow with --focus, --types, --province or --since, or raise --max-nodes.")
    if len(shown) == 0:
        note = "Nothing matches this selection."
    try:
        page.write(shown, out, title=title or f"vnkg · {graph.name}", note=note)
    except OSError as exc:
        raise write_failed(out, exc) from None
    click.echo(f"wrote {out} ({len(shown)} nodes, {shown.number_of_edges()} edges, "
               f"{time.monotonic() - start:.1f} s)", err=True)


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, justify="right" if col in ("#", "score", "count", "size") else "left")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))  # Text: labels are data, not markup
    return table


@click.command()
@selection_options
@click.option("--top", type=click.IntRange(1), default=10, show_default=True,
              help="How many people/organisations/communities to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
def stats(graph: Path, top: int, as_json: bool, **selection: Any) -> None:
    """Counts per type, most central people and organisations, communities."""
    from rich.console import Console

    from kg import analytics

    G = _load(graph, **selection)
    result = analytics.summary(G, top=top)
    with stdout_errors():
        if as_json:
            click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            _print_stats(Console(highlight=False), graph, result)


def _print_stats(console: Any, graph: Path, result: dict[str, Any]) -> None:
    c = result["counts"]
    console.print(f"{graph.name}: {c['nodes']} nodes, {c['edges']} edges, {c['articles']} articles",
                  markup=False)
    console.print(_table("Counts", ["type", "count"],
                         [[k, v] for k, v in c["by_type"].items()]
                         + [[f"→ {k}", v] for k, v in c["by_relation"].items()]))
    cent = result["centrality"]
    for measure in ("degree", "betweenness"):
        note = "" if measure == "degree" or cent["betweenness_exact"] else " (sampled)"
        for kind, rows in cent[measure].items():
            if rows:
                console.print(_table(f"Top {kind} by {measure}{note}", ["#", "name", "score"],
                                     [[i, r["label"], r["score"]] for i, r in enumerate(rows, 1)]))
    com = result["communities"]
    console.print(_table(f"Communities (Louvain): {com['count']}, modularity {com['modularity']}",
                         ["#", "size", "main members"],
                         [[x["id"], x["size"], "; ".join(x["members"])] for x in com["communities"]]))


EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".cyjs": "json"}


def export_format(fmt: str | None, out: Path | None) -> str:
    """The format to write: ``--format``, else ``--out``'s extension, else GraphML (stdout).
    An extension that names no format, or another one than ``--format``, is refused."""
    if out is None:
        return fmt or "graphml"
    known = ", ".join(EXTENSIONS)
    named = EXTENSIONS.get(out.suffix.lower())
    if fmt is None and named is None:
        raise click.BadParameter(f"cannot tell the format from {out.name!r}: use an extension among "
                                 f"{known}, or --format", param_hint="'--out'")
    if fmt is not None and named is not None and named != fmt:
        raise click.BadParameter(f"{out.name!r} names {named}, not {fmt}", param_hint="'--format'")
    return fmt or named


@click.command()
@selection_options
@click.option("-f", "--format", "fmt", type=click.Choice(["graphml", "gexf", "json"]),
              help="Output format [default: from --out's extension (.graphml .gexf .json .cyjs), "
                   "else graphml].")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), callback=_writable,
              help="File to write [default: standard output].")
def export(graph: Path, fmt: str | None, out: Path | None, **selection: Any) -> None:
    """Export the network for Gephi (graphml, gexf) or Cytoscape (json = Cytoscape.js elements)."""
    from kg import export as exporter
    from kg.serialize import OutputError, atomic_output

    fmt = export_format(fmt, out)
    text = exporter.dumps(_load(graph, **selection), fmt)
    if out is None:
        with stdout_errors():
            sys.stdout.write(text)
        return
    try:
        with atomic_output(out) as tmp:
            Path(tmp).write_text(text, encoding="utf-8")
    except OutputError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"wrote {out} ({fmt})", err=True)
