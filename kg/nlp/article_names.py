"""What an article sets up for all its sentences: the names it uses for places ("đường Trần Phú",
"tỉnh Hồ Bắc"), which are not people where it repeats them, its full names, which its short
references ("bà Quỳnh Anh", "ông Bruno Rodriguez") stand for, and the one ministry it names, which a
bare "Thứ trưởng" holds office in."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.model import OrgRef, PersonRef, PostRef
from kg.naming import foreign_word
from kg.nlp.grammar import Grammar
from kg.nlp.sentences import sentences as _sentences


def place_names(g: Grammar, doc: Doc) -> tuple[set[str], set[str]]:
    """Names the article uses for streets, schools, bridges ...: after "đường", "Trường THPT" once,
    a person's name is that place wherever the article repeats it uncued ("nút giao Mai Chí Thọ").
    Also, apart, those it writes after a level word ("tỉnh Hồ Bắc", "huyện Trần Văn Thời")."""
    out: set[str] = set()
    levelled: set[str] = set()
    after = g.lex.not_person_after
    for _, _, toks in _sentences(doc):
        for k in [x for x in range(1, len(toks)) if toks[x].is_cap]:
            prev = toks[k - 1].text
            level = g.level_at(toks, k - 1) if prev.lower() in g.lex.levels.longest else None
            if prev in after or k > 1 and f"{toks[k - 2].text} {prev}" in after or level and level[0] == k:
                e = g.capital_run(toks, k)
                if level and level[0] == k and e - k >= 2 and k > 1 and (
                        toks[k - 2].low in g.lex.place_cues or k > 2 and f"{toks[k - 3].low} {toks[k - 2].low}" in g.lex.place_cues):
                    levelled.add(" ".join(t.text for t in toks[k:e]))
                start = k
                while e - start >= 2:  # "đường Nguyễn Thị Định - Đồng Văn Cống": the list goes on
                    out.add(" ".join(t.text for t in toks[start:e]))
                    if e + 1 < len(toks) and toks[e].text in ("-", "–", ",", "và") and toks[e + 1].is_cap:
                        start, e = e + 1, g.capital_run(toks, e + 1)
                    else:
                        break
    return out, levelled


def full_names_for_short_ones(g: Grammar, persons: list[PersonRef], posts: list[PostRef]) -> None:
    """'bà Quỳnh Anh', 'VĐV Hằng Nga' after 'Trần Vũ Quỳnh Anh', 'Nguyễn Thị Hằng Nga': a name without
    a family name that ends exactly one full name of the article is that person. A foreign name is
    shortened at its end instead: 'ông Bruno Rodriguez' after 'Bruno Rodriguez Parrilla'."""
    surnames = g.lex.surnames
    full = {p.name for p in persons if p.name.split()[0].lower() in surnames and len(p.name.split()) >= 3}
    foreign = {p.name for p in persons if foreign_word(p.name.split()[0])}
    rename: dict[str, str] = {}
    for p in persons:
        words = p.name.split()
        if p.name in foreign:
            longer = [f for f in foreign if f.startswith(p.name + " ")]
        elif words[0].lower() in surnames or p.name in full:
            continue
        else:
            longer = [f for f in full if f.endswith(" " + p.name)]
        if len(longer) == 1:
            rename[p.name] = longer[0]
    for p in persons:
        p.name = rename.get(p.name, p.name)
    for post in posts:
        post.person = rename.get(post.person, post.person)


def bodies_for_bare_titles(g: Grammar, orgs: list[OrgRef], posts: list[PostRef]) -> list[PostRef]:
    """Posts whose title the sentence left without its body. A title of ``ministry_bare_roles``
    ('Bộ trưởng Bộ Công Thương ra quyết định ... Thứ trưởng Trần Quốc Khánh') holds it in the one
    ministry the article names; a deputy's ('Các Phó Chủ tịch gồm: ...' after 'Chủ tịch Hội Luật gia
    tỉnh là ông A') in the body of the last post before it held by the role it deputises for. With
    none, or several ministries, the post is dropped."""
    ministries = {o.label: o for o in orgs if o.kind == "national" and _is_ministry(g, o.label)}
    one = next(iter(ministries.values())) if len(ministries) == 1 else None
    held = {(p.person, role) for p in posts if p.org is not None for role in (p.role, *p.parts)}
    out: list[PostRef] = []
    for p in posts:
        if p.org is not None:
            out.append(p)
            continue
        if (p.person, p.role) in held:  # "Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng", then "Bộ trưởng Dũng"
            continue
        if p.role in g.lex.ministry_bare_roles:
            if one is not None and not any(foreign_word(w) for w in p.person.split()):  # a foreign minister holds no office of ours
                out.append(replace(p, org=one))
            continue
        head = _deputised(p, out)
        if head is not None:
            out.append(replace(p, org=head))
    return out


def _deputised(post: PostRef, before: list[PostRef]) -> OrgRef | None:
    """The body of the last post before ``post`` held by the role a deputy title ('Phó Chủ tịch',
    'Phó Giám đốc') deputises for, in the article's order; not across a ';' of the same sentence
    ('A, Chủ tịch Liên đoàn X; B, Phó Chủ tịch, Tổng Thư ký Y'), and not for a former title or a
    person who holds the head's role or a longer deputy's title ('Phó Chủ tịch Thường trực UBND')."""
    if not post.role.startswith("Phó ") or post.span is None or post.former:
        return None
    base, role = post.role[4:].lower(), post.role.lower()
    if any(q.person == post.person and any(r == base or r.startswith(role) for r in _roles_of(q)) for q in before):
        return None
    for q in reversed(before):
        if base not in _roles_of(q) or q.span is None or q.span.start >= post.span.start or q.former:
            continue
        if q.span.sentence == post.span.sentence and ";" in _between(q.span, post.span):
            return None
        return q.org
    return None


def _roles_of(post: PostRef) -> list[str]:
    """A post's role and, of a combined title ('Bộ trưởng, Chủ nhiệm'), each role it joins; lower case."""
    return [r.lower() for r in (post.role, *post.parts)]


def _between(a, b) -> str:
    """The sentence's words between two spans of it."""
    s = a.sentence
    i, j = s.find(a.text), s.find(b.text)
    return s[i + len(a.text):j] if 0 <= i < j else ""


def _is_ministry(g: Grammar, label: str) -> bool:
    words = label.split()
    field = g.lex.ministry_fields.match(words[1:], 0) if words[0] == "Bộ" else None
    return field is not None and field[0] == len(words) - 1
