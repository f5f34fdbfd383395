"""Saved SPARQL questions shipped with the package (``kg/queries/*.rq``).

Each file documents itself in its leading comment block, so ``kg query --list`` and a
reader of the file see the same text::

    # Title on the first line.
    #
    # Free description, as many lines as needed.
    #
    # @param province label = Ninh Bình  -- what the parameter means

A parameter's type says how a value given on the command line becomes an RDF term
(``kg.sparql.PARAM_TYPES``); the value is bound, never spliced into the query text.
The query must project every parameter variable (pyoxigraph substitutes only those).
The value after ``=`` is an example, shown by ``kg query --list``: ``kg query`` requires
every parameter (``kg.queries.match.missing``), since an answer about the example province
looks just like an answer about the one meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

_PARAM = re.compile(r"@param\s+(?P<name>\w+)\s+(?P<type>\w+)"
                    r"(?:\s*=\s*(?P<default>.*?))?(?:\s+--\s+(?P<doc>.*))?\s*$")


class QueryNotFound(KeyError):
    """No saved query has that name."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # the header's example value (the name is kept for library callers)
    doc: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse(text: str, name: str = "") -> SavedQuery:
    """Read the comment header of a query (also used for ``--file`` queries)."""
    title, lines, params = "", [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped.lstrip("#").strip()
        match = _PARAM.match(body)
        if match:
            params.append(Param(match["name"], match["type"], match["default"] or None,
                                (match["doc"] or "").strip()))
        elif body.startswith("@"):
            continue
        elif not title:
            title = body.rstrip(".")
        else:
            lines.append(body)
    description = " ".join(" ".join(lines).split())
    return SavedQuery(name, title, description, tuple(params), text)


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved query by name (the file name without ``.rq``)."""
    found = {}
    for entry in resources.files(__name__).iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse(entry.read_text(encoding="utf-8"), name)
    return dict(sorted(found.items()))


def get(name: str) -> SavedQuery:
    queries = saved_queries()
    try:
        return queries[name]
    except KeyError:
        raise QueryNotFound(f"no saved query {name!r}; known: {', '.join(queries)}") from None
