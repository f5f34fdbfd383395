"""A body written once for a list of places is that body of each place: 'UBND các tỉnh: Quảng Trị,
Bến Tre', 'Công an các tỉnh Hà Nam, Hà Nội và Ninh Bình', 'Tỉnh ủy các tỉnh Hà Giang, Hòa Bình',
'UBND các huyện: Phong Điền, Quảng Điền'. Without a list ('UBND các tỉnh ĐBSCL', 'các tỉnh' alone)
it stays a class of bodies, no node."""
from __future__ import annotations

from kg.model import OrgRef, PlaceRef
from kg.nlp.tokens import Found, Tok

# the levels a list may name, and the kind of place each names
_LEVELS = {"tỉnh": "province", "thành phố": "province", "huyện": "district", "quận": "district",
           "thị xã": "district", "xã": "commune", "phường": "commune"}


def bodies_of_listed_places(g, toks: list[Tok], found: Found) -> tuple[int, list[OrgRef]] | None:
    """(end of the list, one body per place) for a body at ``found`` followed by 'các' + level + a
    list of two places or more; None if no such list follows."""
    org = found.value
    words = g.words(toks)
    k = found.j
    if org.scope == "generic":  # "Ủy ban nhân dân các tỉnh": the level is the label's end
        head, sep, level = org.label.rpartition(" các ")
        committee = False
    elif org.kind == "committee" and org.place is None and not org.parent and words[k:k + 1] == ["các"]:
        head, level = org.label, next((lv for lv in _LEVELS if words[k + 1:k + 1 + len(lv.split())] == lv.split()), "")
        sep, committee = "các", True
        k += 1 + len(level.split())
    else:
        return None
    if not sep or level not in _LEVELS:
        return None
    if words[k:k + 3] == [",", "thành", "phố"]:  # "các tỉnh, thành phố: Hà Nội, Hà Nam"
        k += 3
    if k < len(toks) and toks[k].text == ":":
        k += 1
    places: list[PlaceRef] = []
    end = k
    while True:
        if places and (g.role_at(toks, k) or g.org_at(toks, k)):
            break  # "UBND các huyện: A, B và Chủ tịch UBND thị xã C": the list has ended
        p = g.place_after(toks, k, _LEVELS[level])
        if p is None:
            break
        places.append(p.value)
        end = k = p.j
        if k + 1 < len(toks) and toks[k].text in (",", "và"):
            k += 1
            continue
        break
    if len(places) < 2:
        return None
    return end, [_body_of(g, head, level, committee, org, p) for p in places]


def _body_of(g, head: str, level: str, committee: bool, org: OrgRef, place: PlaceRef) -> OrgRef:
    city = place.kind == "province" and g.lex.province_kind.get(place.name) == "city"
    if committee:  # "Tỉnh ủy các tỉnh A, B": each one's own committee ("Thành ủy Hà Nội" of a city)
        name = g.lex.committee_of_level["city" if city else "province"] if place.kind == "province" else head
        return OrgRef(f"{name} {place.name}", "", "province" if place.kind == "province" else place.kind,
                      place=place, kind="committee")
    word = ("thành phố" if city else "tỉnh") if place.kind == "province" else level
    scope = "province" if place.kind == "province" else place.kind
    return OrgRef(f"{head} {word} {place.name}", "", scope, place=place, kind=org.kind)
