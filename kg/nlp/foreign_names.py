"""Foreign personal names ("Donald Tusk", "Jean-Claude Juncker", "Raus bin Sharif"): they have no
family name of ours to go by, so they are read only where the sentence expects a person: after a
title in the same clause ("Chủ tịch Hội đồng châu Âu Donald Tusk"), or before a comma or dash and
a title ("Maurice Thorez - Bí thư Đảng Cộng sản Pháp"; "...; Souphanh Keomixay, Bộ trưởng ...")."""
from __future__ import annotations

from kg.lexicon import data
from kg.model import OrgRef
from kg.naming import foreign_word
from kg.nlp.titles import Title
from kg.nlp.tokens import Tok

_DATA = data("orgs.json")["foreign_name_context"]
# words of foreign companies, places and events that a capitalised run of foreign words may be
# ("Singapore Airlines", "Park Hyatt", "New City"): such a run is no one's name
_NOT_NAME_WORDS = frozenset(w.lower() for w in _DATA["not_name_words"])
# lower-case words after which a capitalised run is a place or a thing ("tại New York")
_PLACE_BEFORE = frozenset(_DATA["place_before"])
_NOT_PLACE_BEFORE = frozenset(_DATA["not_place_before"])
# words at which the search for a title before the name stops: what comes before them is another clause
_CLAUSE_WORDS = frozenset(_DATA["clause_words"])
# how far back in its clause a title may stand from the name it introduces
_TITLE_REACH = 10


def foreign_run_end(g, toks: list[Tok], k: int) -> int | None:
    """The end of two to four capitalised words spelt as no Vietnamese syllable is, starting at
    ``k``: name-shaped (one capital each: not "FrieslandCampina"), joined by spaces, by hyphens
    ("Jean-Claude") or by particles ("Raus bin Sharif"). None where there is none."""
    n, j, words = len(toks), k, 0
    if k > 1 and toks[k - 1].text in ("-", "–") and (toks[k - 1].start == toks[k - 2].end or _name_shaped(toks[k - 2])):
        return None  # the second half of "Rheinland-Pfalz" or of "Díaz - Canel"
    if k and toks[k - 1].is_cap and toks[k - 1].is_name_word and toks[k - 1].end + 1 == toks[k].start \
            and not _place_ends(g, toks, k) and not toks[k - 1].is_acronym \
            and not (k > 2 and toks[k - 2].text == "-" and toks[k - 2].start == toks[k - 3].end):
        return None  # inside a longer run of capitals ("Beverly Hills ..."): a name starts where the run
        # does, or after a country or an acronym or a hyphened place ("bang Rheinland-Pfalz Volker Wissing")
    while j < n and words < 4 and _name_shaped(toks[j]):
        if j > k and toks[j].start > toks[j - 1].end + 1:
            break
        j += 1
        words += 1
        if j + 1 < n and toks[j].text == "-" and toks[j].start == toks[j - 1].end and toks[j + 1].start == toks[j].end \
                and _name_shaped(toks[j + 1]):
            j += 1  # "Jean-Claude": the hyphen joins two capitalised halves of one given name
            words -= 1
        elif j + 1 < n and toks[j].text in g.lex.name_particles and _name_shaped(toks[j + 1]):
            j += 1  # "bin", "von": a particle between two capitalised words
    run = [t for t in toks[k:j] if _name_shaped(t)]
    foreign = sum(1 for t in run if foreign_word(t.text))
    if (words < 2 or 2 * foreign < len(run) or not foreign_word(run[-1].text)
            or not (foreign_word(run[0].text) or len(run) >= 3) or run[0].low in _PLACE_BEFORE):
        return None  # most words, the last and the first spelt as none of ours, or the first of three
        # ("No Kwang Chol"); not "Fulbright Huỳnh Thế Du", a body's word before a name of ours
    if j < n and toks[j].is_cap and toks[j].is_name_word:
        return None  # the run goes on: part of a longer name, not a name of its own
    if any(t.low in _NOT_NAME_WORDS for t in run):
        return None
    if g.is_place_name(toks, k, j) or _in_place(g, toks, k, j):
        return None  # "Cuba Raul Castro", "Sri Lanka Maithripala ...", "công ty Dana Úc": a country's name
    return j


def foreign_name_expected(g, toks: list[Tok], k: int, end: int) -> bool:
    """A person is expected at [k, end): a title earlier in the clause, with nothing but a body's
    words and a country between ("Thủ tướng Cộng hòa Belarus Andrei Kobyakov"), or a comma or dash
    and a title right after it ("Maurice Thorez - Bí thư ...")."""
    words = g.words(toks)
    pair = f"{words[k - 2]} {words[k - 1]}" if k > 1 else ""
    if k and (words[k - 1] in _PLACE_BEFORE and pair not in _NOT_PLACE_BEFORE or pair in _PLACE_BEFORE):
        return False
    if end + 1 < len(toks) and toks[end].text in (",", "-", "–") and g.role_at(toks, end + 1) is not None:
        return True
    return _title_before(g, toks, k) is not None


def title_before(g, toks: list[Tok], k: int) -> Title | None:
    """The title of a foreign name at ``k`` whose body, written between the role and the name, the
    grammar of our bodies does not read ("Chánh án Tòa liên bang Raus bin Sharif"): the body as
    written, when it opens with a body's head or a state body's ('Tòa'). None otherwise."""
    x = _title_before(g, toks, k)
    r = g.role_at(toks, x) if x is not None else None
    if r is None or r[2] >= k or not toks[r[2]].is_cap or (g.lex.open_heads.match(g.words(toks), r[2]) is None
                                                          and toks[r[2]].low not in g.lex.holder_heads):
        return None
    label = "".join((" " if i > r[2] and toks[i].start > toks[i - 1].end else "") + toks[i].text for i in range(r[2], k))
    return Title(r[0], OrgRef(label, label, "national", kind="open"), x, k)


def _title_before(g, toks: list[Tok], k: int) -> int | None:
    """Where a title starts earlier in the clause of a name at ``k``, with only words between."""
    words = g.words(toks)
    for x in range(k - 1, max(-1, k - 1 - _TITLE_REACH), -1):
        t = toks[x]
        if not t.is_word and t.text not in ("-", "&") or words[x] in _CLAUSE_WORDS:
            return None
        if t.is_cap and words[x] in g.lex.roles.longest and g.lex.roles.match(words, x) is not None:
            return x
    return None


def _in_place(g, toks: list[Tok], k: int, j: int) -> bool:
    """A country inside [k, j), or a country or region that began before ``k`` and goes on into it
    ("châu Âu Donald Tusk", whatever the case of its first word)."""
    words = g.words(toks)
    if any(g.lex.countries.match(words, x) for x in range(k + 1, j)):
        return True
    return any(end > k for end in _place_ends_from_before(g, words, k, (g.lex.countries, g.lex.regions), 2))


def _place_ends(g, toks: list[Tok], k: int) -> bool:
    """A country, region or province ends just before ``k`` ("Tổng thống Belarus Alexander ...")."""
    tables = (g.lex.countries, g.lex.regions, g.lex.provinces)
    return any(end == k for end in _place_ends_from_before(g, g.words(toks), k, tables, 3))


def _place_ends_from_before(g, words, k: int, tables, reach: int):
    """Where the places of ``tables`` that start one to ``reach`` words before ``k`` end."""
    for back in range(1, min(reach, k) + 1):
        for table in tables:
            m = table.match(words, k - back)
            if m is not None:
                yield m[0]


def _name_shaped(t: Tok) -> bool:
    """A capitalised word with no capital after its first letter ('Kobyakov', not 'VorobievIu')."""
    return t.is_cap and t.is_name_word and t.text[1:] == t.text[1:].lower()
