"""The ``vnkg_signatures`` component: who signed an official document an article reproduces, and in
what office. A document ends with its signature block, one item a line, in capitals:

    KT. BỘ TRƯỞNG            (the authority signed for: KT., TL., TM., TUQ.)
    THỨ TRƯỞNG               (the signer's own office)
    (đã ký)
    Đỗ Văn A                 (the signer)

and begins with its issuer's name in capitals ("BỘ TÀI CHÍNH / TỔNG CỤC THUẾ", "ỦY BAN NHÂN DÂN /
THÀNH PHỐ X / SỞ Y TẾ") above "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", or beside it in two columns. The signer holds the office in the
body the office line names ("VỤ TRƯỞNG VỤ CHÍNH SÁCH"), else in the one the authority line names ("TM.
CHÍNH PHỦ"), else in the issuer (the last body of the heading)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.metadata import SIGNED_MARK
from kg.model import OrgRef, PersonRef, PostRef, Span
from kg.nlp.sentences import doc_text, grammar_for
from kg.nlp.tokens import Tok

_AUTHORITY = re.compile(r"(?:KT|TL|TM|TUQ|Q)\s*\.\s*(\S.*)")
_REACH = 20  # lines from the authority to the office
_NUMBER_LINE = re.compile(r"Số\s*:?\s*\d")  # "Số: 3609/TCT-CS": the document's number, under its issuer
_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
_RULE = re.compile(r"[-–—_\\ ]+")  # a ruled line under a heading


@Language.factory("vnkg_signatures")
def make_signatures(nlp: Language, name: str):
    return SignaturesComponent(nlp)


class SignaturesComponent:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.grammar = grammar_for(nlp)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        if "\n" not in text:
            return doc
        lines = [(m.start(), m.group().strip()) for m in re.finditer(r"[^\n]+", text)]
        lines = [(a, s) for a, s in lines if s and not _RULE.fullmatch(s) and not SIGNED_MARK.fullmatch(s)]
        self._heading: list[OrgRef] | None = None
        used: set[int] = set()
        for k, (_, line) in enumerate(lines):
            if k in used or not line.isupper() or len(line) > 80:
                continue
            m = _AUTHORITY.fullmatch(line)
            # the signer's office: the next line in capitals that is one, maybe after the list of
            # recipients ('Nơi nhận: - Như trên; ...') that some layouts put between; or, with no
            # authority, this line when it names its body ('CHỦ TỊCH QUỐC HỘI')
            offices = range(k + 1, min(k + _REACH, len(lines) - 1)) if m else (k,)
            at, title = next(((x, t) for x in offices if lines[x][1].isupper() and (t := self._title(lines[x][1]))),
                             (None, None))
            if title is None or at + 1 >= len(lines) or not self._is_name(lines[at + 1][1]):
                continue
            if m is None and (title.org is None or title.org.bare):
                continue
            org = title.org if title.org is not None and not title.org.bare else self._signed_for(m.group(1), lines)
            if org is None:
                continue
            used.update((at, at + 1))
            name_at, name = lines[at + 1]
            span = Span(name_at, name_at + len(name), name, "\n".join(s for _, s in lines[k:k + 1] + lines[at:at + 2]))
            if org.span is None:
                org.span = span
            doc._.persons.append(PersonRef(name, span, rule="cued-name"))
            doc._.posts.append(PostRef(name, title.role, org, span, rule="signature-block"))
        return doc

    def _signed_for(self, authority: str, lines) -> OrgRef | None:
        """The body an authority line names ('TM. CHÍNH PHỦ', 'KT. VỤ TRƯỞNG VỤ CHÍNH SÁCH'), else the
        issuer's: the heading's body its head leads ('KT. BỘ TRƯỞNG' under 'BỘ TÀI CHÍNH / TỔNG CỤC
        THUẾ' signs for the ministry), or the heading's last."""
        title = self._title(authority)
        org = title.org if title is not None else self._body(authority)
        if org is not None and not org.bare:
            return org
        if self._heading is None:
            self._heading = self._issuers(lines)
        head = title.role.lower().removesuffix(" trưởng") if title is not None else ""
        led = [o for o in self._heading if head and o.label.lower().startswith(head + " ")]
        return (led or self._heading or [None])[-1]

    def _toks(self, text: str) -> list[Tok]:
        return [Tok(t.text, t.idx, t.idx + len(t.text)) for t in self.nlp.make_doc(text) if not t.is_space]

    def _cased(self, line: str) -> list[Tok]:
        """A line written in capitals, in title case ('Tổng Cục Thuế'): the grammar reads names so."""
        return self._toks(" ".join(w[:1] + w[1:].lower() for w in line.split()))

    def _title(self, office: str):
        toks = self._cased(office)
        title = self.grammar.title_at(toks, 0) if toks else None
        if title is None or title.j < len(toks):
            return None  # the whole line is one office
        if title.org is not None and title.org.kind == "open":
            title.org = _sentence_cased(title.org)
        return title

    def _is_name(self, line: str) -> bool:
        toks = self._toks(line)
        return bool(toks) and toks[0].is_cap and self.grammar.name_at(toks, 0, True) == len(toks)

    def _body(self, line: str) -> OrgRef | None:
        toks = self._cased(line)
        found = self.grammar.org_at(toks, 0) if toks else None
        if found is None or found.j < len(toks):
            return None
        return _sentence_cased(found.value) if found.value.kind == "open" else found.value

    def _issuers(self, lines: list[tuple[int, str]]) -> list[OrgRef]:
        """The bodies of the heading above the document's number or the nation's motto (the first of
        them), its issuer last, read with the line above it that names its level and place ('ỦY BAN
        NHÂN DÂN / THÀNH PHỐ HỒ CHÍ MINH / SỞ Y TẾ') or as one name in two lines ('ỦY BAN NHÂN DÂN /
        THÀNH PHỐ ĐÀ NẴNG')."""
        at = next((k for k, (_, s) in enumerate(lines) if _NUMBER_LINE.match(s)
                   or s.upper().replace("HOÀ", "HÒA").startswith(_NATION)), None)
        if at is None:
            return []
        heading = []
        for _, s in reversed(lines[max(0, at - 4):at]):
            if not s.isupper() or len(s) > 80:
                break
            heading.insert(0, s)
        for _, s in lines[at + 1:at + 3]:  # a heading in two columns: the issuer's last line beside the motto
            if not s.isupper() or len(s) > 80:
                break
            heading.append(s)
        if not heading:
            return []
        bodies = [o for o in map(self._body, heading[:-1]) if o is not None and not o.bare]
        above = self._cased(heading[-2]) if len(heading) > 1 else []
        tries = [f"{heading[-1]} {heading[-2]}"] if above and self.grammar.lex.levels.match(self.grammar.words(above), 0) else []
        first = self._body(heading[0])
        if len(heading) > 1 and first is not None and first.bare:
            tries.append(" ".join(heading))
        for tried in tries + [heading[-1]]:
            org = self._body(tried)
            if org is not None and not org.bare:
                return bodies + [org]
        return bodies


def _sentence_cased(org: OrgRef) -> OrgRef:
    """A name read from capitals as official style writes it: its head and first word capitalised,
    the rest in lower case ('Vụ Chính sách thuế')."""
    words = org.label.split()
    org.label = " ".join(w if k < 2 else w.lower() for k, w in enumerate(words))
    return org
