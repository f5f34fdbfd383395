"""``kg query``, ``kg serve`` and ``kg push``: ask the graph questions, locally or over HTTP."""
from __future__ import annotations

import ipaddress
import json
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from kg import queries, sparql
from kg.store import BACKENDS, Result, StoreError, open_store

FORMATS = ("table", "csv", "json", "sparql-json")
GRAPH_ARG = click.Path(exists=True, path_type=Path)


def _load(graph: Path, backend: str):
    try:
        return open_store(graph, backend)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def _print_table(result: Result, took: float, title: str | None) -> None:
    # a pipe or file gets a wide table rather than one wrapped to 80 columns
    console = Console(width=None if sys.stdout.isatty() else 240)
    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    table = Table(*result.variables, title=title, header_style="bold")
    for row in result.rows:
        table.add_row(*(sparql.compact(t) for t in row))
    more = " (cut by --limit)" if result.truncated else ""
    table.caption = f"{len(result.rows)} row(s){more} in {took * 1000:.0f} ms"
    console.print(table)


def _print_list(fmt: str) -> None:
    saved = queries.saved_queries()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "title": q.title, "description": q.description,
                                "params": [p.__dict__ for p in q.params]}
                               for q in saved.values()], ensure_ascii=False, indent=2))
        return
    table = Table("name", "question", "parameters", show_lines=True, header_style="bold")
    for q in saved.values():
        params = "\n".join(f"{p.name} ({p.type}) = {p.default or '—'}" + (f"\n  {p.doc}" if p.doc else "")
                           for p in q.params)
        table.add_row(q.name, f"[bold]{q.title}[/bold]\n{q.description}", params)
    Console().print(table)


@click.command()
@click.argument("graph", type=GRAPH_ARG, required=False)
@click.argument("sparql_text", metavar="[SPARQL]", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a .rq file (its '# @param' header is honoured).")
@click.option("-n", "--name", "query_name", help="Run a saved query (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind ?KEY to VALUE as an RDF term (repeatable). Undeclared parameters are "
                   "read as Turtle terms: <iri>, res:x, \"text\"@vi, else plain text.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--backend", type=click.Choice(BACKENDS), default="oxigraph", show_default=True,
              help="oxigraph is indexed and fast; rdflib is the pure-Python reference.")
@click.option("--limit", type=click.IntRange(min=0), help="Print at most this many rows.")
@click.option("--list", "list_queries", is_flag=True, help="List the saved queries and exit.")
def query(graph: Path | None, sparql_text: str | None, query_file, query_name: str | None,
          params: tuple[str, ...], fmt: str, backend: str, limit: int | None,
          list_queries: bool) -> None:
    """Run a SPARQL query on GRAPH (.ttl .nt .jsonld .trig .nq).

    The query sees the union of all named graphs, and the contract's prefixes (vnkg, res,
    schema, org, eli, prov, dcterms, rdfs, skos, xsd, owl) are predeclared. The Oxigraph
    store built from GRAPH is kept in ~/.cache/kg/oxigraph ($KG_CACHE_DIR) and reused
    until the file changes.

    \b
      kg query graph.trig --list
      kg query graph.trig --name people-in-province --param province="Thanh Hóa"
      kg query graph.trig 'SELECT ?p WHERE { ?p a vnkg:Person } LIMIT 5' --format csv
    """
    if list_queries:
        _print_list(fmt)
        return
    if graph is None:
        raise click.UsageError("missing GRAPH")
    sources = [s for s in (sparql_text, query_file, query_name) if s is not None]
    if len(sources) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --name")
    try:
        if query_name is not None:
            saved = queries.get(query_name)
        else:
            text = sparql_text if sparql_text is not None else query_file.read()
            saved = queries.parse(text)
        bindings = sparql.bind(saved, sparql.parse_assignments(params))
    except (queries.QueryNotFound, sparql.ParamError) as exc:
        raise click.UsageError(str(exc.args[0] if exc.args else exc)) from exc
    store = _load(graph, backend)
    started = time.perf_counter()
    try:
        result = store.query(saved.text, bindings, limit=limit)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    took = time.perf_counter() - started
    if fmt == "table":
        _print_table(result, took, saved.title or None)
    elif fmt == "csv":
        click.echo(sparql.to_csv(result), nl=False)
    elif fmt == "json":
        click.echo(sparql.to_json(result))
    else:
        click.echo(sparql.to_sparql_json(result))


@click.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the graph.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--backend", type=click.Choice(BACKENDS), default="oxigraph", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run before the client gets 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) returned at most; more are cut (X-Kg-Truncated header).")
@click.option("--max-concurrent", type=click.IntRange(min=1), default=2, show_default=True,
              help="Queries evaluated at once, timed-out ones included.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(graph: Path, host: str, port: int, backend: str, timeout: float, max_rows: int,
          max_concurrent: int, verbose: bool) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint at /sparql."""
    from kg.serve import PATH, Limits, make_server

    store = _load(graph, backend)
    try:
        server = make_server(store, host, port, Limits(timeout, max_rows, max_concurrent), verbose)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc}") from exc
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"warning: listening on {host}, not loopback: others can query the graph",
                   err=True)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"{len(store)} quads, read-only SPARQL endpoint at "
               f"http://{bound_host}:{bound_port}{PATH} (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL: http://localhost:7878/store (Oxigraph), "
                   "http://localhost:3030/DATASET/data (Fuseki).")
@click.option("--default-graph", metavar="IRI",
              help="Put default-graph triples (all of a .ttl/.nt file) in this named graph "
                   "instead of the server's default graph.")
def push(graph: Path, endpoint: str, default_graph: str | None) -> None:
    """Load GRAPH into a SPARQL server, one named graph per article.

    Every graph is sent with HTTP PUT, which replaces it on the server, so pushing again
    after a rebuild is safe and leaves no stale facts from the previous build.
    """
    from kg.push import PushError, count_graphs, load_dataset
    from kg.push import push as push_graphs

    if default_graph is not None:
        try:
            default_graph = str(sparql.to_iri(default_graph))
        except sparql.ParamError as exc:
            raise click.BadParameter(str(exc), param_hint="--default-graph") from exc
    try:
        dataset = load_dataset(graph)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    started = time.perf_counter()
    with click.progressbar(length=count_graphs(dataset), label="pushing graphs",
                           file=sys.stderr) as bar:
        try:
            stats = push_graphs(dataset, endpoint, default_graph, progress=bar.update)
        except PushError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"pushed {stats.graphs} graph(s), {stats.triples} triples to {endpoint} "
               f"in {time.perf_counter() - started:.1f} s", err=True)
