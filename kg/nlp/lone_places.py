"""Places outside organisation names: "huyện Nho Quan", "tại tỉnh Vĩnh Long", "giúp Ninh Bình"."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.model import PlaceRef
from kg.nlp.grammar import Grammar
from kg.nlp.sentences import add_display_span as _add_display_span
from kg.nlp.sentences import make_span as _span
from kg.nlp.tokens import Found, Tok


def places_on_their_own(g: Grammar, doc: Doc, sent_text: str, toks: list[Tok], covered: set[int],
                        places: list[PlaceRef]) -> None:
    """The sentence's places outside ``covered`` tokens, appended to ``places`` (and covered)."""
    words = g.words(toks)
    after = 0
    for k in [x for x, w in enumerate(words) if w in g.lex.place_starts]:  # (most words start no place)
        if k < after or k in covered:
            continue
        found = None
        level = g.level_at(toks, k)
        if level and level[1] in ("district", "commune", "city"):
            f = g.place_after(toks, level[0], level[1])
            if f and not covered.intersection(range(f.i, f.j)):
                found = f
        if found is None:
            f = g.province_at(toks, k)
            before = g.lex.level_kind.get(words[k - 1]) if k else None
            if f and before not in ("district", "commune") and not _street_before(g, toks, k):
                city = before == "city" and g.lex.province_kind.get(f.value) != "city"
                f.value = PlaceRef(f.value, "city", province=f.value) if city else PlaceRef(f.value, "province")
                found = f
        if found is None:
            continue
        while found is not None:
            place = found.value
            place.span = _span(doc, toks[found.i].start, toks[found.j - 1].end, sent_text)
            places.append(place)
            _add_display_span(doc, place.span.start, place.span.end, "LOC")
            covered.update(range(found.i, found.j))
            after = end = found.j
            found = None
            if place.kind in ("district", "commune") and end + 1 < len(toks) and toks[end].text in (",", "và"):
                prov = g.province_at(toks, end + 1) if toks[end].text == "," and not _plural(words, k) else None
                if prov is not None:  # "tại quận Ba Đình, Hà Nội": the unit's province, not another unit
                    place.province = prov.value
                    found = Found(prov.i, prov.j, PlaceRef(prov.value, "province"))
                    continue
                found = g.place_after(toks, end + 1, place.kind)  # "các huyện Lệ Thủy, Quảng Ninh": the list goes on
                if found is not None and covered.intersection(range(found.i, found.j)):
                    found = None


def _plural(words, k: int) -> bool:
    """The level word at ``k`` is of several units ('các huyện', 'hai xã'): a list of them follows."""
    return k > 0 and (words[k - 1] in ("các", "những", "hai", "ba", "bốn", "năm") or words[k - 1].isdigit())


def _street_before(g: Grammar, toks: list[Tok], k: int) -> bool:
    """'phố Huế', 'ngã ba Huế': a street or a junction named after a province, not the province
    (but 'thành phố Huế' is the city)."""
    one = toks[k - 1].text if k else ""
    two = f"{toks[k - 2].text} {one}" if k > 1 else ""
    return two in g.lex.not_province_after or one in g.lex.not_province_after and not two.lower().startswith("thành ")
