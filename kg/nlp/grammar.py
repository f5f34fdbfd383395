"""The grammar of Vietnamese official names over syllable tokens, in layers: places
(``places``), organisations (``orgs``), titles (``titles``) and people's names (here)."""
from __future__ import annotations

from kg.nlp.titles import Title, TitleGrammar
from kg.nlp.tokens import Found, Tok

__all__ = ["Found", "Grammar", "Title", "Tok"]


class Grammar(TitleGrammar):
    def name_at(self, toks: list[Tok], i: int, cued: bool) -> int | None:
        """End of a personal name starting at ``i``, or None. Uncued names need a family name and 3+ syllables."""
        j = self.capital_run(toks, i, limit=5)
        n = j - i
        if n < 2 or n > 4 or any(not t.is_name_word for t in toks[i:j]):
            return None
        if any(t.text.isupper() and len(t.text) > 1 for t in toks[i:j]):
            return None  # acronyms: "MTTQ", "UBND"
        before = {toks[i - 1].text, f"{toks[i - 2].text} {toks[i - 1].text}" if i > 1 else ""} if i else set()
        if before & self.lex.not_person_after or toks[i].text in self.lex.not_name_start:
            return None  # "đường Nguyễn Văn Cừ", "Trường THPT Lê Quý Đôn", "Vụ Địa phương"
        surname = toks[i].text.lower() in self.lex.surnames
        if surname and (cued or n >= 3):
            return j
        if cued and n >= 2:
            return j
        return None
