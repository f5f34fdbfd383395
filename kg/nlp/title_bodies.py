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
