"""IRI segments and canonical labels that keep the name.

In Vietnamese the marks are the name: "Thanh" and "Thành", "Tam" and "Tám" are different people,
so an IRI may not fold them away. Names are written as IRI segments the way DBpedia writes them:
case and letters kept, spaces as "_", every other character percent-encoded, so that no two
distinct names share a segment. A canonical label is chosen so that all spellings of one name
that the builder treats as one (case of a person's name, dashes and spaces of a body's) give
one label, and so one ``rdfs:label`` per node.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from kg.lexicon import data
from kg.normalize import normalize_text

_KEEP = "-.~"


@lru_cache(maxsize=65536)
def iri_name(text: str) -> str:
    """'Nguyễn Văn A' → 'Nguyễn_Văn_A'; 'Sở KH&ĐT' → 'Sở_KH%26ĐT'. Injective on normalised text."""
    s = " ".join(normalize_text(text).split())
    out = []
    for ch in s:
        if ch == " ":
            out.append("_")
        elif ch.isalnum() or ch in _KEEP:
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out) or "_"


@lru_cache(maxsize=65536)
def iri_path(path: str) -> str:
    """A relative file path as an IRI path: letters, digits, '/', '-', '.', '_' kept, the rest encoded."""
    return "".join(ch if ch.isalnum() or ch in "/-._~" else quote(ch, safe="") for ch in normalize_text(path))


@lru_cache(maxsize=65536)
def number_name(number: str) -> str:
    """A document number as an IRI segment: '290-QĐ/TW' → '290-QĐ_TW' (numbers hold no '_')."""
    return iri_name(normalize_text(number).replace("/", "_"))


_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
_PARTICLES = frozenset(data("roles.json")["name_particles"])  # "bin", "von": lower case inside a foreign name

# a syllable as Vietnamese spells one (tone marks set aside): onset, one to three vowels, coda
_VIET_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}"
                            r"(?:ch|ng|nh|[cmnptk])?")  # ("Đắk Lắk")
_TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))


@lru_cache(maxsize=65536)
def foreign_word(text: str) -> bool:
    """A word no Vietnamese syllable spells ('Sharif', 'Vigneswaran', 'Manet'): a foreign name's."""
    bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text.lower()).translate(_TONES))
    return bare.isalpha() and not _VIET_SYLLABLE.fullmatch(bare)


@lru_cache(maxsize=65536)
def person_label(name: str) -> str:
    """'NGUYỄN VĂN A', 'nguyễn văn a' → 'Nguyễn Văn A'; "H'LOAN" → "H'Loan": each syllable capitalised,
    but for those a hyphen attaches to the one before ('Xi-xu-lít', as Lao names are written)."""
    s = " ".join(normalize_text(name).split())
    words = s.split(" ")
    if len(words) > 2 and any(w in _PARTICLES for w in words[1:-1]):  # "Raus bin Sharif", as written in lower case
        return " ".join([person_label(words[0])] + [w if w in _PARTICLES else person_label(w)
                                                    for w in words[1:-1]] + [person_label(words[-1])])
    return _SYLLABLE.sub(lambda m: m.group(0).lower() if m.start() and s[m.start() - 1] == "-"
                         else m.group(0)[:1].upper() + m.group(0)[1:].lower(), s)


_DASH = re.compile(r"\s+[-–—]\s*|\s*[–—]\s*|\s*-\s+")  # a dash between words, not the hyphen of "GD-ĐT"
_WORDS_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_COMMA = re.compile(r"\s*,\s*")


@lru_cache(maxsize=65536)
def body_label(label: str) -> str:
    """One spelling of a body's name: spaces collapsed, dashes as ' - ', no space before a comma."""
    s = " ".join(normalize_text(label).split())
    s = _DASH.sub(" - ", s)
    # "Tài chính-Kế hoạch": a word in lower case, a hyphen, a capital is a dash between two words too
    s = _WORDS_HYPHEN.sub(lambda m: " - " if s[m.start() - 1].islower() and s[m.end()].isupper()
                          and not _foreign_around(s, m.start()) else "-", s)  # (not "Coca-Cola")
    return _COMMA.sub(", ", s).strip(" ,")


def _foreign_around(s: str, at: int) -> bool:
    """Whether a word of those the hyphen at ``at`` joins is spelt as no Vietnamese syllable is."""
    left = re.search(r"\w+$", s[:at])
    right = re.match(r"\w+", s[at + 1:])
    return bool(left and foreign_word(left.group()) or right and foreign_word(right.group()))
