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
from rich.text import Text

from kg import queries, sparql
from kg.commands.output import one_line, printable, stdout_errors
from kg.queries import errors as query_errors
from kg.queries import match, prefixes
from kg.store import BACKENDS, Result, StoreError, open_store

FORMATS = ("table", "csv", "json", "sparql-json")
GRAPH_ARG = click.Path(exists=True, path_type=Path)


def _load(graph: Path, backend: str):
    try:
        return open_store(graph, backend)
    except StoreError as exc:
        raise click.ClickException(one_line(str(exc))) from exc


def _print_table(result: Result, took: float, title: str | None) -> None:
    # a pipe or file gets a wide table rather than one wrapped to 80 columns
    console = Console(width=None if sys.stdout.isatty() else 240)
    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    table = Table(*result.variables, title=title, header_style="bold")
    for row in result.rows:
        table.add_row(*(Text(printable(prefixes.compact(t))) for t in row))  # pastes back; data, not markup
    more = " (cut by --limit)" if result.truncated else ""
    table.caption = f"{len(result.rows)} row(s){more} in {took * 1000:.0f} ms"
    console.print(table)


def _print_list(fmt: str) -> None:
    saved = queries.saved_queries()
    if fmt == "json":
        click.echo(json.dumps([{"name": q.name, "title": q.title, "description": q.description,
                                "params": [p.__dict__ | {"example": p.default} for p in q.params]}
                               for q in saved.values()], ensure_ascii=False, indent=2))
        return
    table = Table("name", "question", "parameters (all required)", show_lines=True, header_style="bold")
    for q in saved.values():
        params = "\n".join(f"{p.name} ({p.type}), e.g. {p.default or '—'}" + (f"\n  {p.doc}" if p.doc else "")
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
    schema, org, eli, prov, dcterms, rdfs, skos, xsd, owl) are predeclared, as is every
    res.…: prefix the table prints (res.role:x is res:role/x), so a printed IRI can be pasted
    into the next query. A saved query needs all its parameters; names are matched without
    regard to accents or case ("ninh binh", "tỉnh Ninh Bình"), document numbers however
    written ("290-QD/TW"). The Oxigraph store built from GRAPH is kept in
    ~/.cache/kg/oxigraph ($KG_CACHE_DIR) and reused until the file changes.

    \b
      kg query graph.trig --list
      kg query graph.trig --name people-in-province --param province="Thanh Hóa"
      kg query graph.trig 'SELECT ?p WHERE { ?p a vnkg:Person } LIMIT 5' --format csv
    """
    if list_queries:
        with stdout_errors():
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
        given = sparql.parse_assignments(params)
        sparql.bind(saved, given)  # unknown names and malformed values, before any loading
        match.missing(saved, given)
    except (queries.QueryNotFound, sparql.ParamError) as exc:
        raise click.UsageError(str(exc.args[0] if exc.args else exc)) from exc
    store = _load(graph, backend)
    try:
        given, notes = match.resolve(store, saved, given)
    except sparql.ParamError as exc:
        raise click.ClickException(str(exc)) from None
    for note in notes:
        click.echo(f"note: {note}", err=True)
    text, offset = prefixes.declare(saved.text)
    started = time.perf_counter()
    try:
        result = store.query(text, sparql.bind(saved, given), limit=limit)
    except StoreError as exc:
        cause = exc.__cause__ or exc
        message = query_errors.describe(saved.text, cause, prefixes.known_prefixes(saved.text), offset)
        raise click.ClickException(message or one_line(str(exc))) from None
    took = time.perf_counter() - started
    with stdout_errors():
        if fmt == "table":
            _print_table(result, took, saved.title or None)
        elif fmt == "csv":
            text = sparql.to_csv(result)
            click.echo(printable(text) if sys.stdout.isatty() else text, nl=False)  # raw data for a pipe
        elif fmt == "json":
            click.echo(sparql.to_json(result))
        else:
            click.echo(sparql.to_sparql_json(result))


@click.command()
@click.argument("graph", type=GRAPH_ARG)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (::1 for IPv6); anything but loopback exposes the graph.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--backend", type=click.Choice(BACKENDS), default="oxigraph", show_default=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
              help="Seconds a query may run; then its worker is killed and the client gets 503.")
@click.option("--max-rows", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows (or triples) returned at most; more are cut (X-Kg-Truncated header).")
@click.option("--max-bytes", default="50M", show_default=True, metavar="SIZE",
              help="Response body at most (e.g. 5M); whole rows are cut to fit (X-Kg-Truncated).")
@click.option("--max-memory", default="1G", show_default=True, metavar="SIZE",
              help="Memory a query may use in its worker on top of the loaded graph; "
                   "beyond it the query fails with 500. 0: no cap.")
@click.option("--max-concurrent", type=click.IntRange(min=1), default=2, show_default=True,
              help="Queries evaluated at once (one worker process each).")
@click.option("--read-timeout", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Seconds a client may take to send a request or stay idle before it is closed.")
@click.option("--max-connections", type=click.IntRange(min=1), default=256, show_default=True,
              help="Open client connections at most; past it the longest idle one is closed.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also accept this name in the Host header (repeatable); others get 403.")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN (e.g. https://app.example) query cross-origin "
                   "(repeatable; * for any). Without it no CORS headers are sent.")
@click.option("--allow-service", "allow_service", multiple=True, metavar="HOST[:PORT]",
              help="Let SPARQL SERVICE call this host (repeatable). Without it SERVICE is refused.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(graph: Path, host: str, port: int, backend: str, timeout: float, max_rows: int,
          max_bytes: str, max_memory: str, max_concurrent: int, read_timeout: float,
          max_connections: int, allow_hosts: tuple[str, ...], cors: tuple[str, ...],
          allow_service: tuple[str, ...], verbose: bool) -> None:
    """Serve GRAPH as a read-only SPARQL 1.1 Protocol endpoint at /sparql.

    Queries run in worker processes that are killed at --timeout or --max-memory; SERVICE
    and FROM cannot reach files or URLs; the Host and Origin headers are checked. See
    "Security and limits of kg serve" in the README.
    """
    import signal

    from kg.serve import PATH, Access, Limits, make_server, parse_size

    try:
        body_cap, memory_cap = parse_size(max_bytes), parse_size(max_memory)
        access = Access.build(allow_hosts, cors, allow_service)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if body_cap < 1 << 10:
        raise click.BadParameter("at least 1K", param_hint="--max-bytes")
    if 0 < memory_cap < 64 << 20:
        raise click.BadParameter("0 (no cap) or at least 64M", param_hint="--max-memory")
    limits = Limits(timeout, max_rows, max_concurrent, max_bytes=body_cap, max_memory=memory_cap,
                    read_timeout=read_timeout, max_connections=max_connections)
    store = _load(graph, backend)
    try:
        server = make_server(store, host, port, limits, verbose, access)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        click.echo(f"warning: listening on {host}, not loopback: others can query the graph "
                   "(clients must use an address, or a name given with --allow-host)", err=True)
    bound_host, bound_port = server.server_address[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    click.echo(f"{len(store)} quads, read-only SPARQL endpoint at "
               f"http://{shown}:{bound_port}{PATH} (Ctrl-C stops)", err=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the workers on kill too
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
@click.option("--user", "-u", metavar="USER",
              help="HTTP Basic user; the password is read from $KG_PUSH_PASSWORD (see "
                   "--password-env) or from ~/.netrc ($NETRC), never from the command line.")
@click.option("--password-env", default="KG_PUSH_PASSWORD", show_default=True, metavar="VAR",
              help="Environment variable holding --user's password.")
@click.option("--token-env", metavar="VAR",
              help="Send 'Authorization: Bearer' with the token in this environment variable.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for the server to connect or answer, per request.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Tries again after a 5xx answer or a lost connection (PUT is idempotent).")
@click.option("--retry-delay", type=click.FloatRange(min=0), default=0.5, show_default=True,
              help="Seconds before the first retry; doubled for each next one.")
def push(graph: Path, endpoint: str, default_graph: str | None, user: str | None, password_env: str,
         token_env: str | None, timeout: float, retries: int, retry_delay: float) -> None:
    """Load GRAPH into a SPARQL server, one named graph per article.

    Every graph is sent with HTTP PUT, which replaces it on the server, so pushing again
    after a rebuild is safe and leaves no stale facts from the previous build; so is running
    a push again after it failed midway. Without --user or --token-env, a ~/.netrc entry
    for the server's host is used when there is one.
    """
    from kg.push import GraphStoreClient, PushError, RetryPolicy, count_graphs, load_dataset
    from kg.push import push as push_graphs
    from kg.push import redact_url, resolve_credentials

    if default_graph is not None:
        try:
            default_graph = str(sparql.to_iri(default_graph))
        except sparql.ParamError as exc:
            raise click.BadParameter(str(exc), param_hint="--default-graph") from exc
    try:
        url, credentials, warnings = resolve_credentials(endpoint, user, password_env, token_env)
    except PushError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        client = GraphStoreClient(url, timeout, credentials, RetryPolicy(retries, retry_delay))
    except PushError as exc:
        raise click.ClickException(str(exc)) from None
    for line in warnings:
        click.secho(f"warning: {line}", err=True, fg="yellow")
    try:
        dataset = load_dataset(graph)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    total = count_graphs(dataset)
    started = time.perf_counter()
    with click.progressbar(length=total, label="pushing graphs", file=sys.stderr) as bar:
        try:
            stats = push_graphs(dataset, url, default_graph, progress=bar.update, client=client)
        except PushError as exc:
            raise click.ClickException(_push_failed(str(exc), exc.done, total)) from None
    retried = f", {stats.retries} retried request(s)" if stats.retries else ""
    click.echo(f"pushed {stats.graphs} graph(s), {stats.triples} triples to {redact_url(url)} "
               f"in {time.perf_counter() - started:.1f} s{retried}", err=True)


def _push_failed(message: str, done: list[str], total: int) -> str:
    """The error, which graphs the server already has from this push, and what to do."""
    if not done:
        return f"{message}; no graph was changed on the server"
    names = ", ".join(done) if len(done) <= 5 else f"{', '.join(done[:2])}, …, {done[-1]}"
    return (f"{message}; {len(done)} of {total} graph(s) were already replaced ({names}), the "
            "others are as they were; running the same kg push again is safe: each PUT replaces "
            "a whole graph")
