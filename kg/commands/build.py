"""``kg build``, ``kg remove``, ``kg validate`` and ``kg gazetteer``."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

import click

from kg.commands.output import check_out, one_line, stdout_errors
from kg.parallel import DEFAULT_TIMEOUT
from kg.vocab import RES


def _rdf_out(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """An output path whose extension names an RDF format, in a place that can be written."""
    from kg.serialize import format_for

    if value is not None:
        try:
            format_for(value)
        except ValueError as e:
            raise click.BadParameter(str(e), param=param) from None
        check_out(value, param)
    return value


def _rdf_in(_ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """An input graph in a format it can be read in (by its extension)."""
    from kg.serialize import FORMATS

    if value.suffix.lower() not in FORMATS:
        raise click.BadParameter(f"{value}: unknown graph format '{value.suffix}': use one of "
                                 f"{', '.join(sorted(FORMATS))}", param=param)
    return value


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), callback=_rdf_out,
              help="Output file; the extension picks the format: .ttl .nt .jsonld .trig .nq "
                   "(with --store: the whole store, exported after the update)")
@click.option("--store", "store_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Project store directory (Oxigraph), updated incrementally: only new and changed articles are extracted.")
@click.option("--prune", is_flag=True, help="With --store: drop the articles not among PATHS.")
@click.option("--workers", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Worker processes for extraction; the output is the same for any number.")
@click.option("--timeout", default=DEFAULT_TIMEOUT, show_default=True, type=click.FloatRange(min=0),
              help="Skip an article whose extraction takes longer than this many seconds (0: no limit).")
@click.option("--base", default=str(RES), show_default=True, help="Namespace for the graph's resources.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Skip input files larger than this.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file was skipped.")
@click.option("--field", "field_options", multiple=True, metavar="ROLE=NAME",
              help="JSONL/CSV records: the field holding ROLE (body, title, url, published, author, section, id), "
                   "e.g. --field body=content; NAME empty turns the role off. Default names: body/content/text, title, "
                   "url/link, published/date/publish_date, author, category/section, id.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="X",
              help="Leave out facts scored under X (vnkg:confidence: the precision of the rule that found them "
                   "on the real dev gold; see README 'Confidence'). Not with --store, which keeps every fact.")
def build(paths: tuple[Path, ...], out: Path | None, store_dir: Path | None, prune: bool, workers: int,
          timeout: float, base: str, max_bytes: int, progress: bool | None, strict: bool,
          field_options: tuple[str, ...], min_confidence: float | None) -> None:
    """Build a knowledge graph from articles: text files, saved pages (.html), records files
    (.jsonl, .jsonl.gz, .csv: one article per record), or folders of them.

    Without --store the graph is built in memory and written to --out. With --store DIR the
    project store is brought up to date (and exported to --out when given).
    """
    from kg.build import build_dataset, build_store
    from kg.build_report import BuildReport
    from kg.inputs.records import field_map, is_records
    from kg.project_store import ProjectStoreError
    from kg.reader import iter_sources
    from kg.serialize import OutputError, write_dataset

    if store_dir is None and (not paths or out is None):
        raise click.UsageError("give input files or folders and --out FILE (or --store DIR)")
    if store_dir is not None and min_confidence is not None:
        raise click.UsageError("--min-confidence is for a graph built in memory; a store keeps every fact "
                               "(filter with kg viz --min-confidence or a query on vnkg:confidence)")
    try:
        fields = field_map(field_options)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    files = list(iter_sources(list(paths)))
    if prune and (store_dir is None or not files):
        raise click.UsageError("--prune needs --store and input files to keep (it drops every other article)")
    if paths and not files:
        raise click.BadParameter(f"no articles found under {', '.join(map(str, paths))} "
                                 "(looked for .txt, .html, .htm, .jsonl, .jsonl.gz and .csv files)", param_hint="PATHS")
    options = dict(base=base, max_bytes=max_bytes, workers=workers, timeout=timeout, fields=fields)
    total = None if any(is_records(f.path) for f in files) else len(files)  # records are counted as they come
    try:
        with _progress(progress, total) as advance:
            if store_dir is None:
                ds, report = build_dataset(files, progress=advance, **options)
            elif files:
                report = build_store(files, store_dir, progress=advance, prune=prune, **options)
            else:
                report = BuildReport()  # export only
        for line in report.messages():
            click.secho(f"warning: {line}", err=True, fg="yellow")
        if store_dir is None:
            if min_confidence is not None:
                from kg.confidence import drop_below

                dropped = drop_below(ds, min_confidence)
                click.echo(f"{dropped} statements of facts scored under {min_confidence} left out", err=True)
            write_dataset(ds, out)
            click.echo(f"{report.summary()}; {len(ds)} triples → {out}", err=True)
        else:
            click.echo(f"{report.summary()}; {_store_state(store_dir, out)}", err=True)
    except ProjectStoreError as e:
        raise click.ClickException(str(e)) from None
    except OutputError as e:
        raise click.ClickException(str(e)) from None
    except BrokenProcessPool:
        raise click.ClickException("a worker process died (out of memory?); the store, if any, is consistent: "
                                   "run the build again, with --workers 1 to find the article") from None
    if strict and report.skipped:
        raise click.ClickException(f"{len(report.skipped)} file(s) skipped (--strict)")


@contextmanager
def _progress(option: bool | None, total: int | None) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar's advance callback (default: when stderr is a terminal), else None."""
    if not (sys.stderr.isatty() if option is None else option):
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("building", total=total)
        yield lambda _: bar.advance(task)


def _store_state(store_dir: Path, out: Path | None) -> str:
    """How many articles the store holds, after exporting it to ``out`` when asked."""
    from kg.project_store import ProjectStore

    with ProjectStore(store_dir, create=False) as store:
        state = f"{len(store)} article(s) in {store_dir}"
        if out is not None:
            state += f"; {store.export(out)} statements → {out}"
    return state


@click.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--store", "store_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Project store directory made by kg build --store.")
def remove(articles: tuple[str, ...], store_dir: Path) -> None:
    """Drop articles from a project store, named by file (path or name) or article IRI."""
    from kg.build import remove_articles
    from kg.project_store import ProjectStoreError

    try:
        removed, missing = remove_articles(store_dir, articles)
    except ProjectStoreError as e:
        raise click.ClickException(str(e)) from None
    for name in missing:
        click.secho(f"warning: {name}: no such article in {store_dir}", err=True, fg="yellow")
    click.echo(f"{len(removed)} article(s) removed from {store_dir}", err=True)
    if missing:
        raise click.ClickException(f"{len(missing)} article(s) not found in {store_dir}")


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path), callback=_rdf_in)
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes in Turtle (default: the project's ontology/shapes.ttl).")
def validate(graph: Path, shapes: Path | None) -> None:
    """Check a built graph against the SHACL shapes; exit 1 when it does not conform."""
    from kg.store import StoreError
    from kg.validate import validate_file

    try:
        conforms, text = validate_file(graph, shapes)
    except StoreError as e:
        raise click.ClickException(one_line(str(e))) from None
    with stdout_errors():
        click.echo(text)
    if not conforms:
        sys.exit(1)


@click.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path), callback=_rdf_out,
              help="Output file; the extension picks the format.")
@click.option("--base", default=str(RES), show_default=True)
def gazetteer(out: Path, base: str) -> None:
    """Write the reference graph of provinces (63 before July 2025, 34 after, with replaced-by links)."""
    from kg.rdf import gazetteer_graph
    from kg.serialize import OutputError, atomic_output, format_for

    g = gazetteer_graph(base)
    fmt = format_for(out)
    try:
        with atomic_output(out) as tmp:
            # one graph: Turtle is valid TriG, N-Triples valid N-Quads
            g.serialize(destination=tmp, format={"trig": "turtle", "nquads": "nt"}.get(fmt, fmt),
                        encoding="utf-8")
    except OutputError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"{len(g)} triples → {out}", err=True)
