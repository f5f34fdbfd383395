"""Bodies a title writes in its own words: 'Tổng Thanh tra Chính phủ' (of 'Thanh tra Chính phủ'),
'Chánh Thanh tra tỉnh Nam Định', 'Thường trực Ban Bí thư', 'Bộ trưởng Ngoại giao'. The scan for
organisations skips a role's words, so when no name holds the title ('Tổng Thanh tra Chính phủ
giao Vụ I ...') the body the text names would be lost."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from kg.model import OrgRef
from kg.nlp.lexicon_index import LowerWords
from kg.nlp.sentences import make_span
from kg.nlp.tokens import Tok


def bodies_named_in_titles(g, doc: Doc, sent_text: str, toks: list[Tok], chains, covered: set[int],
                           orgs: list[OrgRef]) -> None:
    """Append to ``orgs`` each title's body that the title writes word for word and no organisation
    found in the sentence already covers. A body the role only implies ('Thủ tướng': Chính phủ;
    'Ủy viên Thường vụ Tỉnh ủy': its Ban Thường vụ; 'Bộ trưởng Nội vụ': Bộ Nội vụ, read from a
    head the role lends, which runs on into whatever follows when no name ends it) is not named here."""
    words = g.words(toks)
    for _, _, chain in chains:
        for t in chain:
            o = t.org
            if o is None or o.bare or o.scope == "generic" or any(x in covered for x in range(t.i, t.j)):
                continue
            if not _written_in(LowerWords(o.label.split()), words[t.i:t.j]):
                continue
            orgs.append(replace(o, span=make_span(doc, toks[t.i].start, toks[t.j - 1].end, sent_text)))


def _written_in(name: list[str], words: list[str]) -> bool:
    """The body's name is a run of the title's words."""
    n = len(name)
    return any(words[k:k + n] == name for k in range(len(words) - n + 1))


# what may follow a title that writes no body: punctuation, a joiner, a copula
_AFTER_A_BARE_TITLE = frozenset({",", ".", ";", ":", ")", "(", "-", "–", "và", "là", "kiêm"})


def body_of_a_bare_head(g, title, orgs: list[OrgRef], toks: list[Tok]):
    """'Ban Chỉ đạo ... do Phó Thủ tướng A làm Trưởng ban': a title that ends with its body's head
    ('Trưởng ban', 'Trưởng đoàn') but writes no body holds it in the last body of that head the
    sentence named before it."""
    if title.org is not None:
        return title
    if title.role.lower() not in g.lex.head_roles or title.j < len(toks) and toks[title.j].text not in _AFTER_A_BARE_TITLE:
        return title  # ("Trưởng ban chỉ đạo": a body written after it, in lower case)
    start, at = toks[0].start, toks[title.i].start  # the sentence's first word, the title's
    for o in reversed(orgs):
        if o.span is None or o.span.start >= at:
            continue
        if o.span.start < start:
            break
        if g.lex.opens_with_head(title.role, o.label) and not (o.label.lower() + " ").startswith(g.lex.headless_boards):
            # ('Ban Chỉ đạo' too, the article's own; not 'Ban Bí thư', which no 'Trưởng ban' heads)
            return replace(title, org=o)
    return title
