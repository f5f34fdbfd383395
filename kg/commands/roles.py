"""``kg roles``: the role scheme (``ontology/roles.ttl``), browsable as a tree or written out.

Why a command: the scheme is generated from the title lexicon, so the lexicon is the only place
to read the roles from; this prints what the builder can put on a post, each role under the
role it is a kind of, with its English name and the other spellings it is read from.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import click

from kg.commands.build import _rdf_out
from kg.commands.output import stdout_errors
from kg.vocab import RES


def _sort_key(label: str) -> tuple[str, str]:
    """Vietnamese alphabetical enough for browsing: marks folded, 'đ' after 'd'."""
    folded = unicodedata.normalize("NFD", label.lower().replace("đ", "dz"))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)), label


def scheme_json(base: str = str(RES)) -> dict[str, Any]:
    """The scheme as plain data: one entry per role, with IRIs, labels and links by role."""
    from kg.roles_scheme import SCHEME_LABELS, role_concepts, role_iri, scheme_iri

    concepts = sorted(role_concepts(), key=lambda c: _sort_key(c.role))
    narrower: dict[str, list[str]] = {}
    for c in concepts:
        for b in c.broader:
            narrower.setdefault(b, []).append(c.role)
    return {
        "scheme": str(scheme_iri(base)),
        "labels": SCHEME_LABELS,
        "top": [c.role for c in concepts if not c.broader],
        "roles": [{"role": c.role, "iri": str(role_iri(c.role, base)), "en": c.en, "alt": list(c.alt),
                   "broader": list(c.broader), "narrower": narrower.get(c.role, []), "exactMatch": list(c.exact)}
                  for c in concepts],
    }


def _print_tree(data: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    by_role = {r["role"]: r for r in data["roles"]}

    def line(r: dict[str, Any]) -> str:
        text = f"[bold]{escape(r['role'])}[/bold] — {escape(r['en'] or '?')}"
        if r["alt"]:
            text += f" [dim](also {escape(', '.join(r['alt']))})[/dim]"
        if r["exactMatch"]:
            text += f" [dim](= {escape(', '.join(r['exactMatch']))})[/dim]"
        return text

    def grow(node: Tree, role: str, path: tuple[str, ...]) -> None:
        for child in by_role[role]["narrower"]:
            if child not in path:  # the lexicon makes no cycles; a tree must not loop if it ever did
                grow(node.add(line(by_role[child])), child, (*path, child))

    root = Tree(f"[bold]{escape(data['labels']['vi'])}[/bold] / {escape(data['labels']['en'])} "
                f"[dim]{escape(data['scheme'])} · {len(data['roles'])} roles[/dim]")
    for role in data["top"]:
        grow(root.add(line(by_role[role])), role, (role,))
    Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(root)  # a pipe gets whole lines


@click.command()
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), callback=_rdf_out,
              help="Write the scheme to this file; the extension picks the format: .ttl .nt .jsonld (.trig .nq: one graph).")
@click.option("--json", "as_json", is_flag=True, help="Print the scheme as JSON.")
@click.option("--base", default=str(RES), show_default=True, help="Namespace of the role IRIs (as kg build --base).")
def roles(out: Path | None, as_json: bool, base: str) -> None:
    """The roles a post can have, as a SKOS concept scheme: printed as a tree (each role under
    the one it is a kind of), as JSON, or written to --out (the shipped file is ontology/roles.ttl)."""
    if out is not None and as_json:
        raise click.UsageError("give either --out FILE or --json")
    if out is not None:
        from kg.roles_scheme import scheme_graph, serialize_scheme
        from kg.serialize import OutputError, atomic_output, format_for

        g = scheme_graph(base)
        try:
            with atomic_output(out) as tmp:
                Path(tmp).write_bytes(serialize_scheme(g, format_for(out)))
        except OutputError as e:
            raise click.ClickException(str(e)) from None
        click.echo(f"{len(g)} triples → {out}", err=True)
        return
    data = scheme_json(base)
    with stdout_errors():
        if as_json:
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            _print_tree(data)
