"""``kg build`` and ``kg validate``."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.vocab import RES


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Output file; the extension picks the format: .ttl .nt .jsonld .trig .nq")
@click.option("--base", default=str(RES), show_default=True, help="Namespace for the graph's resources.")
@click.option("--max-bytes", default=20_000_000, show_default=True, help="Skip input files larger than this.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--strict", is_flag=True, help="Exit with status 1 when any file was skipped.")
def build(paths: tuple[Path, ...], out: Path, base: str, max_bytes: int, progress: bool | None, strict: bool) -> None:
    """Build a knowledge graph from article text files (or folders of them)."""
    from rich.console import Console
    from rich.progress import Progress

    from kg.build import build_dataset
    from kg.reader import iter_paths
    from kg.serialize import format_for, write_dataset

    try:
        format_for(out)
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    err = Console(stderr=True)
    show = sys.stderr.isatty() if progress is None else progress
    files = list(iter_paths(list(paths)))
    if show:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("building", total=len(files))
            ds, report = build_dataset(files, base, max_bytes, progress=lambda _: bar.advance(task))
    else:
        ds, report = build_dataset(files, base, max_bytes)
    for name, reason in report.skipped + report.warnings:
        click.secho(f"warning: {name}: {reason}", err=True, fg="yellow")
    write_dataset(ds, out)
    click.echo(f"{report.summary()}; {len(ds)} triples → {out}", err=True)
    if strict and report.skipped:
        sys.exit(1)


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="SHACL shapes (default: the project's ontology/shapes.ttl).")
def validate(graph: Path, shapes: Path | None) -> None:
    """Check a built graph against the SHACL shapes; exit 1 when it does not conform."""
    from kg.validate import validate_file

    conforms, text = validate_file(graph, shapes)
    click.echo(text)
    if not conforms:
        sys.exit(1)


@click.command()
@click.option("--out", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--base", default=str(RES), show_default=True)
def gazetteer(out: Path, base: str) -> None:
    """Write the reference graph of provinces (63 before July 2025, 34 after, with replaced-by links)."""
    from kg.rdf import gazetteer_graph
    from kg.serialize import format_for

    g = gazetteer_graph(base)
    g.serialize(destination=out, format=format_for(out) if format_for(out) not in ("trig", "nquads") else "turtle")
    click.echo(f"{len(g)} triples → {out}", err=True)
