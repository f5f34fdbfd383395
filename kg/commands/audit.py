"""``kg audit``: the identity checks an analyst runs before trusting a graph."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--top", type=click.IntRange(1), default=20, show_default=True,
              help="How many split names and aliased bodies to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the audit as JSON.")
def audit(graph: Path, top: int, as_json: bool) -> None:
    """Identity audit: nodes with several labels, names split into several people (with
    the evidence score of each split), and the bodies known under the most names."""
    from rich.console import Console

    from kg.identity.audit import audit as run_audit
    from kg.store import StoreError, open_store

    try:
        store = open_store(graph)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    result = run_audit(store, top)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    _print(Console(highlight=False), result)


def _print(console: Any, r: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    def table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
        t = Table(title=title, title_justify="left")
        for col in columns:
            t.add_column(col, justify="right" if col in ("articles", "score", "names") else "left")
        for row in rows:
            t.add_row(*(Text("" if cell is None else str(cell)) for cell in row))
        return t

    console.print(table("Nodes", ["type", "count"], [[k, v] for k, v in sorted(r["counts"].items())]))
    multi = r["multi_label"]
    console.print(f"Nodes with more than one label: {len(multi)}", markup=False)
    if multi:
        console.print(table("", ["type", "node", "labels"], [[m["kind"], m["node"], " | ".join(m["labels"])] for m in multi[:50]]))
    console.print(f"Names split into several people: {r['split_names']}", markup=False)
    rows = [[label if i == 0 else "", n["node"].rsplit("/", 1)[-1], n["articles"], n["score"], n["reason"] or "largest: keeps the name"]
            for label, nodes in r["split"].items() for i, n in enumerate(nodes)]
    if rows:
        console.print(table("Split names (score: how likely a split-off is the largest one after all)",
                            ["name", "node", "articles", "score", "why"], rows))
    if r["aliases"]:
        console.print(table("Bodies known under most names", ["body", "names", "also written"],
                            [[a["label"], a["aliases"], " | ".join(a["names"][:6])] for a in r["aliases"]]))
