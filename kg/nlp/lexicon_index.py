"""Phrase tables built from the data files, keyed by lower-cased syllable tuples.

Phrases are tokenized with the pipeline's own tokenizer, so "Bà Rịa - Vũng Tàu" in a data
file matches however the text spaces its dash. Abbreviated variants ("UBND", "Ủy ban MTTQ")
are generated from the abbreviation table instead of being listed by hand.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from kg.lexicon import data, word_list, word_sections

_END = None  # a trie node's key for the canonical phrase of the entry ending there (words are strings)


@dataclass
class PhraseTable:
    """lower-cased token tuple → canonical phrase; longest match wins."""
    entries: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: dict[str, int] = field(default_factory=dict)  # first word → longest entry it starts
    # the entries as a word trie: a match walks the words once, where trying every length from the
    # longest down would build and look up a tuple per length (the grammar matches ~2,000 times an article)
    trie: dict = field(default_factory=dict)

    def add(self, tokens: list[str], canonical: str) -> None:
        key = tuple(_fold(t) for t in tokens)
        if key and key not in self.entries:
            self.entries[key] = canonical
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))
            node = self.trie
            for word in key:
                node = node.setdefault(word, {})
            node[_END] = canonical

    def match(self, words: list[str], i: int) -> tuple[int, str] | None:
        """Longest entry starting at word ``i`` (>= 0): (end index, canonical). ``words`` may be
        lower-cased already (``LowerWords``), which the grammar does once per sentence."""
        if i >= len(words):
            return None
        lower = words if isinstance(words, LowerWords) else LowerWords(words)
        node = self.trie.get(lower[i])
        best = None
        k = i + 1
        n = len(lower)
        while node is not None:
            hit = node.get(_END)
            if hit is not None:
                best = k, hit
            if k >= n:
                break
            node = node.get(lower[k])
            k += 1
        return best


_DASHES = str.maketrans({"–": "-", "—": "-"})


def _fold(word: str) -> str:
    """Lower case, one kind of dash: 'Thừa Thiên – Huế' matches 'Thừa Thiên - Huế'."""
    return word.lower().translate(_DASHES)


class LowerWords(list):
    """A sentence's words, lower-cased once."""

    def __init__(self, words) -> None:
        super().__init__(_fold(w) for w in words)

    @classmethod
    def of(cls, toks) -> "LowerWords":
        """The words of tokens that carry their own matching form (``Tok.low``)."""
        out = list.__new__(cls)
        list.__init__(out, (t.low for t in toks))
        return out


def abbreviated_variants(phrase: str) -> set[str]:
    """Every way of writing ``phrase`` with the abbreviations of ``abbreviations.json``."""
    expansions = data("abbreviations.json")["expansions"]
    variants = {phrase}
    for abbr, full in sorted(expansions.items(), key=lambda kv: -len(kv[1])):
        pattern = re.compile(r"(?<!\w)" + re.escape(full) + r"(?!\w)")
        for v in list(variants):
            if pattern.search(v):
                variants.update(pattern.sub(lambda _, a=a: a, v) for a in separator_variants(abbr))
    return variants


def separator_variants(abbr: str) -> set[str]:
    """'NN&PTNT' as papers also write it: 'NN-PTNT', 'NNPTNT', 'NN và PTNT'; 'LĐ-TB&XH' as 'LĐ-TB-XH',
    'LĐTBXH'. An abbreviation without '&' or '-' has only itself."""
    if "&" not in abbr and "-" not in abbr:
        return {abbr}
    parts = re.split(r"[&-]", abbr)
    last = abbr.rfind("&") if "&" in abbr else abbr.rfind("-")
    return {abbr, "-".join(parts), "".join(parts), abbr[:last] + " và " + abbr[last + 1:]}


def joiner_variants(names: list[str]) -> list[str]:
    """'Tài nguyên và Môi trường' is also written 'Tài nguyên - Môi trường', 'Tài nguyên Môi trường',
    'Tài nguyên & Môi trường'; 'Văn hóa, Thể thao và Du lịch' also without its comma; 'Quy hoạch - Kiến trúc'
    with an en dash."""
    out = list(names)
    for n in names:
        for old, new in ((" và ", " - "), (" và ", " "), (" và ", " & "), (", ", " "), (", ", " - "), (" - ", " "), (" - ", " – ")):
            if old in n:
                out.append(n.replace(old, new))
    return list(dict.fromkeys(out))


_JOIN = re.compile(r"([&-])")


def _spaced_joins(tokens: list[str]) -> list[str]:
    """'Bộ GD&ĐT' as some papers space it: 'Bộ GD & ĐT', 'Sở LĐ - TB&XH' (an abbreviation's '&' and
    '-' standing apart)."""
    out: list[str] = []
    for t in tokens:
        if len(t) > 2 and ("&" in t or "-" in t) and t.replace("&", "").replace("-", "").isupper():
            out.extend(p for p in _JOIN.split(t) if p)
        else:
            out.append(t)
    return out


class LexiconIndex:
    """All phrase tables the grammar needs, tokenized with ``tokenize``."""

    def __init__(self, tokenize) -> None:
        self._tok = tokenize
        orgs = data("orgs.json")
        roles = data("roles.json")
        self.national = self._table((o["name"], joiner_variants([o["name"], *o.get("aliases", []), *o.get("short_aliases", [])]))
                                    for o in orgs["national"])
        self.short_aliases = {tuple(t.lower() for t in self._tok(v))
                              for o in orgs["national"] for a in o.get("short_aliases", []) for v in abbreviated_variants(a)}
        self.units = self._table((u, [u]) for u in orgs["units"])
        self.committee_units = set(orgs["committee_units"])
        self.composites = {tuple(t.lower() for t in self._tok(k)): v for k, v in orgs["composites"].items()}
        self.committees = self._table((c, [c]) for c in orgs["committees"])
        self.committee_kind = orgs["committees"]
        self.bodies = self._table((b, [b]) for b in orgs["bodies"])
        self.departments = self._table((d, joiner_variants([d])) for d in orgs["departments"])
        self.steering = self._table([("Ban Chỉ đạo", orgs["steering"])])
        self.delegations = self._table((d, [d]) for d in orgs["delegations"])
        self.levels = self._table((lv, [lv]) for lv in orgs["levels"])
        self.level_kind = {k.lower(): v for k, v in orgs["levels"].items()}
        self.generic_levels = self._table((g, [g]) for g in orgs["generic_levels"])
        self.central = self._table([("Trung ương", ["Trung ương", "TW", "TƯ", "T.Ư"])])
        self.stop_words = set(orgs["stop_words"])
        self.topic_words = self._table((w, [w]) for w in orgs["topic_words"])
        self.topic_phrases = self._table((w, [w]) for w in orgs["topic_phrases"])
        self.name_phrases = self._table((w, [w]) for w in orgs["name_phrases"])
        self.steering_openers = self._table((w, [w]) for w in orgs["steering_openers"])
        self.roles = self._table((r, [r]) for r in roles["roles"])
        self.head_roles = {h["role"].lower(): h for h in roles["head_roles"]}
        for h in roles["head_roles"]:
            self.roles.add(self._tok(h["role"]), h["role"])
        self.role_implies = {k.lower(): v for k, v in roles["implies"].items()}
        self.generic_roles = set(roles.get("generic_roles", []))
        self.generic_roles_before_body = frozenset(roles["generic_roles_before_body"])
        self.ministry_bare_roles = frozenset(roles["ministry_bare_roles"])
        self.not_person_after = set(roles.get("not_person_after", []))
        self.not_province_after = frozenset(roles["not_province_after"])
        self.place_cues = set(roles["place_cues"])
        self.name_particles = frozenset(roles["name_particles"])
        self.baptismal_names = frozenset(roles["baptismal_names"])
        self.state_forms = self._table((w, [w]) for w in roles["state_forms"])
        self.middle_names = frozenset(roles["middle_names"])
        self.pronouns: dict[str, str] = roles["pronouns"]  # pronoun → the middle name it rules out
        self.role_units = {k.lower(): v for k, v in roles.get("role_units", {}).items()}
        self.unit_heads = {k.lower(): {"role": k, "unit": unit} for k, unit in roles["unit_heads"].items()}
        assembly = roles["assembly_roles"]  # "Đại biểu X": a deputy of the assembly named before
        self.assembly_roles = frozenset(assembly["roles"])
        self.assemblies: dict[str, str] = assembly["assemblies"]  # assembly → the role of its deputies
        self.national_assembly: str = assembly["national"]
        self.head_words = {h["role"].lower(): len(self._tok(h["head"])) for h in roles["head_roles"]}
        self.head_roles_by_word: dict[str, list[tuple[list[str], int]]] = {}  # the head's first word → roles ending so
        for role, n_head in self.head_words.items():
            parts = role.split()
            self.head_roles_by_word.setdefault(parts[len(parts) - n_head], []).append((parts, n_head))
        self.appointments = self._table((a, [a]) for a in roles.get("appointment_phrases", []))
        self.copulas = self._plain((kind, [c]) for kind, phrases in roles["copula_phrases"].items() for c in phrases)
        self.role_heads = {k.lower(): v for k, v in roles["role_heads"].items()}
        self.former_words = {w.lower() for w in roles["former_words"]}
        self.level_bodies = {k.lower(): v for k, v in roles["level_bodies"].items()}
        self.committee_of_level = roles["committee_of_level"]
        self.not_name_start = set(roles.get("not_name_start", []))
        self.pen_names = frozenset(roles["pen_names"])
        self.person_place_cues = frozenset(roles["person_place_cues"])
        self.numbered_bodies = set(orgs.get("numbered_bodies", []))
        self.after_unit_number = set(orgs["after_unit_number"])
        self.field_list_heads = {h.lower() for h in orgs["field_list_heads"]}
        self.commands_of_units = set(orgs["commands_of_units"])
        self.generic_heads = self._table((h, [h]) for h in orgs.get("generic_heads", []))
        self.open_scope = {h.lower(): scope for scope, heads in orgs["open_heads"].items() for h in heads}
        self.open_heads = self._plain((h, [h]) for h in self.open_scope)
        for short, head in orgs["open_head_abbreviations"].items():  # "Trường ĐH" is "Trường Đại học"
            self.open_heads.add(self._tok(short), head)
        self.short_heads = {short for short in orgs["open_head_abbreviations"] if " " not in short}  # "ĐH"
        # "Hải quan" for "Cục Hải quan": after another head it is that head's name ("Chi cục Hải quan Móng Cái")
        self.heads_in_full = {tuple(w.lower() for w in self._tok(short)) for short in orgs["heads_in_full"]}
        # one spelling per legal form or school type, whatever the case written ("cổ phần" → "Cổ phần")
        self.open_forms = self._plain((f[:1].upper() + f[1:], [f]) for f in orgs["open_forms"])
        self.open_needs_two = {h.lower() for h in orgs["open_needs_two"]}
        self.open_numbered = {h.lower() for h in orgs["open_numbered"]}
        self.roman_numbered = {h.lower() for h in orgs["roman_numbered"]}
        self.named_after_heads = frozenset(h.lower() for h in orgs["named_after_heads"])
        self.headless_boards = tuple(b.lower() + " " for b in orgs["headless_boards"])
        self.association_heads = frozenset(h.lower() for h in orgs["association_heads"])
        self.term_numbered = {h.lower() for h in orgs["term_numbered"]}
        self.editor_marks = frozenset(orgs["editor_marks"])
        self.verbs_before_body = frozenset(tuple(v.split()) for v in orgs["verbs_before_body"])
        self.numeral_name_words = frozenset(orgs["numeral_name_words"])
        self.verbs_on_documents = self._table((v, [v]) for v in orgs["verbs_on_documents"])
        self.document_words = self._table((w, [w]) for w in orgs["document_words"])
        self.not_field_words = self._table((w, [w]) for w in orgs["not_field_words"])
        self.trade_fields = self._table((w, [w]) for w in orgs["trade_fields"])
        self.issue_heads = frozenset(h.lower() for h in orgs["issue_heads"])
        # heads whose name may open with a lower-case field: of business, or of a local service and its place
        self.open_field_first = {h.lower() for h in orgs["open_field_first"]}
        self.open_field_then_place = {h.lower() for h in orgs["open_field_then_place"]}
        self.open_fielded = self.open_field_first | self.open_field_then_place
        self.holder_heads = {h.lower() for h in orgs["holder_heads"]}
        self.not_last_in_name = frozenset(orgs["not_last_in_name"])
        self.not_service_fields = tuple(orgs["not_service_fields"])
        self.open_needs_name = {h.lower() for h in orgs["open_needs_name"]}
        self.foreign_heads = {h.lower() for h in orgs["foreign_heads"]}
        self.lower_name_heads = {h.lower() for h in orgs["lower_name_heads"]}
        self.lower_name_ends = frozenset(orgs["lower_name_ends"])
        self.not_lower_names = tuple(q.split() for q in orgs["not_lower_names"])
        self.party_units = frozenset(orgs["party_units"])
        self.party_bodies = tuple(orgs["party_bodies"])
        self.level_governments = tuple(orgs["level_governments"])
        self.units_of_any_body = frozenset(orgs["units_of_any_body"])
        self.lower_heads = self._plain((h, [h]) for h in orgs["lower_heads"])
        self.party_committee_of = orgs["party_committee_of"]
        self.org_starts = frozenset().union(*(t.longest for t in (
            self.national, self.units, self.committees, self.bodies, self.steering, self.delegations, self.generic_heads,
            self.open_heads, self.lower_heads))) | {k[0] for k in self.composites} | {"sở"}
        self.lower_head_not_after = set(orgs["lower_head_not_after"])
        self.open_named_after = {w.lower() for h in orgs["open_named_after"] for w in [self._tok(h)[-1]]}
        self.open_named_after |= {self._tok(short)[-1].lower() for short, head in orgs["open_head_abbreviations"].items()
                                  if self._tok(head)[-1].lower() in self.open_named_after}  # "Trường ĐH Tôn Đức Thắng"
        self.lone_head_words = self._plain((w, [w]) for w in orgs["lone_head_words"])
        self.not_org_names = {tuple(t.lower() for t in self._tok(n)) for n in orgs["not_org_names"]}
        self.countries = self._plain((c, [c]) for c in word_list("countries.txt"))
        self.regions = self._plain((r, [r]) for r in word_list("regions.txt"))
        sections = word_sections("name_stops.txt")
        function = [tuple(t.lower() for t in self._tok(w)) for w in sections["function words"]]
        content = [tuple(t.lower() for t in self._tok(w)) for w in sections["content words"]]
        self.function_stops = {w[0] for w in function if len(w) == 1}
        self.name_stops = self.function_stops | {w[0] for w in content if len(w) == 1}
        self.name_stop_pairs = {w for w in function + content if len(w) == 2}
        self.name_compounds = {tuple(t.lower() for t in self._tok(w)) for w in word_list("name_compounds.txt")}
        self.level_compounds = {tuple(c.split()) for c in orgs.get("level_compounds", [])}
        self.level_word_ends = [tuple(c.split()) for c in orgs["level_word_ends"]]
        for k in roles.get("role_units", {}):
            self.roles.add(self._tok(k), k)
        self.honorifics = {tuple(t.lower() for t in self._tok(h)) for h in roles["honorifics"]}
        self.family_name_cues = {tuple(t.lower() for t in self._tok(h)) for h in roles["family_name_cues"]}
        self.honorific_words = frozenset(w for h in self.honorifics for w in h)
        self.clause_verbs = self._table((v, [v]) for v in roles["clause_verbs"])
        self.not_name_end = set(roles["not_name_end"])
        self.not_name_end_pairs = {tuple(p.split()) for p in roles["not_name_end_pairs"]}
        self.foreign_roles = {r.lower() for r in roles["foreign_roles"]}
        for r in roles["foreign_roles"]:
            self.roles.add(self._tok(r), r)
        self.surnames = {s.lower() for s in word_list("surnames.txt")}
        prov = data("provinces.json")
        self.province_kind: dict[str, str] = {}
        table = PhraseTable()
        for unit in itertools.chain(prov["units_2008"], prov["units_2025"]):
            self.province_kind.setdefault(unit["name"], unit.get("kind", "province"))
            for form in [unit["name"], *unit.get("aliases", [])]:
                table.add(self._tok(form), unit["name"])
        self.provinces = table
        self.former_provinces = self._plain((u, [u]) for u in prov["former_units"])
        self.needs_prefix = {u["name"] for u in itertools.chain(prov["units_2008"], prov["units_2025"]) if u.get("needs_prefix")}
        self.doc_types = data("abbreviations.json")["document_types"]
        self.place_starts = frozenset(self.levels.longest) | frozenset(self.provinces.longest)
        # ministries by their field alone, as lists write them ("các Bộ: Công an, Quốc phòng, Y tế")
        # (and as lists write them short: "Văn hoá Thể thao và Du lịch", "Kế hoạch Đầu tư")
        self.ministry_fields = self._plain((o["name"], sorted(_field_forms(o["name"].split(" ", 1)[1]))) for o in orgs["national"]
                                           if o["name"].startswith("Bộ ") and o["name"] not in ("Bộ Chính trị", "Bộ Tổng Tham mưu"))

    def opens_with_head(self, role: str, label: str) -> bool:
        """The body named ``label`` opens with the head word of ``role`` ('Ban Chỉ đạo' and the 'Ban' of
        'Trưởng ban') and names more than the head alone."""
        head = self.head_roles.get(role.lower())
        return head is not None and label.lower().startswith(head["head"].lower() + " ")

    def _plain(self, items) -> PhraseTable:
        """A table of the phrases as written (no abbreviated variants)."""
        table = PhraseTable()
        for canonical, forms in items:
            for form in forms:
                table.add(self._tok(form), canonical)
        return table

    def _table(self, items) -> PhraseTable:
        table = PhraseTable()
        for canonical, forms in items:
            for form in forms:
                for variant in abbreviated_variants(form):
                    tokens = self._tok(variant)
                    table.add(tokens, canonical)
                    spaced = _spaced_joins(tokens)
                    if spaced != tokens:
                        table.add(spaced, canonical)
        return table


def _field_forms(field: str) -> set[str]:
    """A ministry's field as written in full and with its commas or its 'và' left out."""
    bare = field.replace(",", "")
    return {field, bare, bare.replace(" và ", " ")}
