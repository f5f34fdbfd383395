"""Places in official names and on their own: provinces (from the gazetteer), level words
("tỉnh", "huyện", "TP") and the place they introduce ("huyện Nho Quan")."""
from __future__ import annotations

from kg.model import OrgRef, PlaceRef
from kg.nlp.lexicon_index import LexiconIndex, LowerWords
from kg.nlp.tokens import Found, Tok


class PlaceGrammar:
    """The base of the grammar: the lexicon, a sentence's lower-cased words, and places."""

    def __init__(self, lex: LexiconIndex) -> None:
        self.lex = lex
        self._toks: list[Tok] | None = None
        self._lower = LowerWords([])
        self.defined: dict[tuple[str, ...], OrgRef] = {}  # short forms defined by the article being read
        self._body_starts: dict[tuple[int, int], bool] = {}  # (sentence, token): does a body start here
        self._recent: dict[int, tuple] = {}  # id → (token list, its words, its body starts)

    # ------------------------------------------------------------------ helpers
    def _text(self, toks: list[Tok], i: int, j: int) -> str:
        out = ""
        for k in range(i, j):
            if k > i and (toks[k].start > toks[k - 1].end or toks[k - 1].start == toks[k - 1].end):
                out += " "  # a zero-width token is a word the text leaves out ("Bộ trưởng [Bộ] Ngoại giao")
            out += toks[k].text
        return out

    def words(self, toks: list[Tok]) -> LowerWords:
        """The sentence's lower-cased words, computed once per token list (the sentence's own and
        the few variants a rule reads it as are kept, so switching between them costs nothing)."""
        if toks is not self._toks:
            known = self._recent.get(id(toks))
            if known is not None and known[0] is toks:
                self._lower, self._body_starts = known[1], known[2]
            else:
                if len(self._recent) > 8:
                    self._recent.clear()
                self._lower, self._body_starts = LowerWords.of(toks), {}
                self._recent[id(toks)] = (toks, self._lower, self._body_starts)
            self._toks = toks
        return self._lower

    # ------------------------------------------------------------------ places
    def province_at(self, toks: list[Tok], i: int) -> Found | None:
        """A province name written in title case at ``i``."""
        m = self.lex.provinces.match(self.words(toks), i)
        if not m or not all(t.is_cap or not t.is_word or t.text in ("phố", "đô") for t in toks[i:m[0]]):  # "Thành phố Hồ Chí Minh", "Thủ đô Hà Nội"
            return None
        self_prefixed = toks[i].text.lower().startswith(("tp", "thành", "sài"))  # "TP.HCM", "Thành phố Hồ Chí Minh"
        if i >= 2 and toks[i - 1].text == "." and toks[i - 2].text.lower() == "tp":
            self_prefixed = True  # "TP. HCM", "Tp.HCM" tokenized "Tp" "." "HCM"
        if m[1] in self.lex.needs_prefix and m[0] - i <= 3 and not self_prefixed and not (
                i and (self.lex.level_kind.get(toks[i - 1].text.lower()) or self.lex.committees.match(self.words(toks), i - 1)
                       or toks[i - 1].text in ("ủy", "Ủy", "phố", "TP."))):
            return None  # "phong cách Hồ Chí Minh" is the man; "TP Hồ Chí Minh", "Thành ủy Hồ Chí Minh" the city
        return Found(i, m[0], m[1])

    def capital_run(self, toks: list[Tok], i: int, limit: int = 6) -> int:
        j = i
        while j < len(toks) and j - i < limit and toks[j].is_cap and toks[j].is_name_word:
            if j > i and toks[j].start > toks[j - 1].end + 1:
                break
            j += 1
        return j

    def place_after(self, toks: list[Tok], i: int, kind: str | None) -> Found | None:
        """The place named after a level word or a committee ("tỉnh Vĩnh Long", "Huyện ủy Nho Quan")."""
        if i >= len(toks):
            return None
        prov = self.province_at(toks, i)
        if prov:
            name = prov.value
            if kind in (None, "province") or (kind == "city" and self.lex.province_kind.get(name) == "city"):
                return Found(prov.i, prov.j, PlaceRef(name, "province"))
            if kind == "city":
                return Found(prov.i, prov.j, PlaceRef(name, "city", province=name))
            return Found(prov.i, prov.j, PlaceRef(name, kind, province=None))
        if kind in (None, "province"):
            return None
        if toks[i].text.isdigit() and kind in ("district", "commune"):
            return Found(i, i + 1, PlaceRef(toks[i].text, kind))
        j = self.capital_run(toks, i, limit=6)
        if j == i or self.level_at(toks, i):  # "Thành ủy TP.": the level again ("TP" is no city's name)
            return None
        if toks[i - 1].text == "." and (toks[i].text in self.lex.not_name_end or toks[i].low in self.lex.name_stops):
            return None  # "... Bí thư Thành ủy TP. Sắp tới, ...": the next sentence, not a city
        words = [t.text for t in toks[i:j]]
        if words[0].lower() in self.lex.surnames and len(words) >= 3:
            return None  # "Bí thư Huyện ủy Nguyễn Văn A": a person, not a place
        # "Nho Quan Đinh Văn Điệp": the place ends where a full name (family name + 1-3) begins
        cuts = [k for k in range(1, len(words)) if words[k].lower() in self.lex.surnames and 2 <= len(words) - k <= 4]
        if cuts:
            j = i + min(cuts, key=lambda k: ({3: 0, 4: 1, 2: 2}[len(words) - k], -k))
        j = min(j, i + 3)
        return Found(i, j, PlaceRef(self._text(toks, i, j), kind))

    def level_at(self, toks: list[Tok], i: int) -> tuple[int, str, str] | None:
        """A level word written as one ("tỉnh", "huyện", "TP"): (end, kind, word as spelled out)."""
        words = self.words(toks)
        lv = self.lex.levels.match(words, i)
        if not lv:
            return None
        # a capitalised level word is one when a province's name follows ("UBND Thành phố Hà Nội",
        # "Tỉnh Nam Định"); else it may start a name of its own
        if not (toks[i].text[:1].islower() or toks[i].text.startswith("TP") or self.province_at(toks, lv[0])):
            return None
        if tuple(words[i:i + 2]) in self.lex.level_compounds:  # "xã hội" is a word, not a commune
            return None
        if any(tuple(words[max(0, i + 1 - len(w)):i + 1]) == w for w in self.lex.level_word_ends):
            return None  # "hợp tác xã": nor is a cooperative
        return lv[0], self.lex.level_kind[lv[1].lower()], {"TP": "thành phố", "TP.": "thành phố"}.get(lv[1], lv[1])

