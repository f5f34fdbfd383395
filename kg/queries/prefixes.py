"""Short IRIs in query tables that can be pasted back into a query.

``res:role/chu-tich`` is not SPARQL: a prefixed name cannot hold "/" (and rdflib does not
read the ``\\/`` escape). So a resource IRI is printed with a prefix named after its path,
``res.role:chu-tich``, ``res.org.ninh-binh:Tỉnh_ủy`` (IRI ``res:`` + ``org/ninh-binh/`` + name),
and every such ``res.…:`` prefix a query uses is declared for it before it runs. Anything
that has no valid short form is printed whole, as ``<iri>``.
"""
from __future__ import annotations

import re

from rdflib import BNode, URIRef
from rdflib.term import Node

from kg.store import PREFIX_MAP, split_prefixed

RES = PREFIX_MAP["res"]
# SPARQL's PN_CHARS_U and PN_CHARS: the characters of a prefixed name
_BASE = ("A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_CHARS = f"[{_BASE}0-9\\-\u00B7\u0300-\u036F\u203F-\u2040]"
_SEGMENT = re.compile(rf"{_CHARS}+")
_PLX = r"%[0-9A-Fa-f]{2}"
_LOCAL = re.compile(rf"(?:[{_BASE}0-9:]|{_PLX})(?:(?:{_CHARS}|[.:]|{_PLX})*(?:{_CHARS}|:|{_PLX}))?")
_USED = re.compile(rf"(?<![\w.:?$-])(res(?:\.{_CHARS}+)+):")
_DECLARED = re.compile(r"PREFIX\s+([^\s:]*):", re.IGNORECASE)


def path_prefix(iri: str) -> tuple[str, str] | None:
    """``(prefix, local)`` for an IRI under ``res:`` whose path has folders, else None."""
    if not iri.startswith(RES):
        return None
    *folders, local = iri[len(RES):].split("/")
    if not folders or not all(_SEGMENT.fullmatch(f) for f in folders):
        return None
    return "res." + ".".join(folders), local


def prefix_iri(prefix: str) -> str:
    """The namespace of a ``res.a.b`` prefix: ``res:`` + ``a/b/``."""
    return RES + "/".join(prefix.split(".")[1:]) + "/"


def _valid_local(local: str) -> bool:
    return local == "" or _LOCAL.fullmatch(local) is not None


def compact(term: Node | None) -> str:
    """A short form of a term that reads back as the same term in a ``kg query``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        split = path_prefix(iri)
        if split is not None and _valid_local(split[1]):
            return f"{split[0]}:{split[1]}"
        split = split_prefixed(iri)
        if split is not None and _valid_local(split[1]):
            return f"{split[0]}:{split[1]}"
        return f"<{iri}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def declare(text: str) -> tuple[str, int]:
    """``text`` with a PREFIX line for each ``res.…:`` prefix it uses and does not declare,
    and how many lines were put before it (0 or 1), to correct error positions."""
    declared = set(_DECLARED.findall(text))
    wanted = sorted(set(_USED.findall(text)) - declared)
    if not wanted:
        return text, 0
    return " ".join(f"PREFIX {p}: <{prefix_iri(p)}>" for p in wanted) + "\n" + text, 1


def known_prefixes(text: str) -> set[str]:
    """Every prefix a query may use: the contract's, its own and the ``res.…`` ones."""
    return set(PREFIX_MAP) | set(_DECLARED.findall(text)) | set(_USED.findall(text))
