"""Bilateral meetings reported with their host as subject ("A hội đàm với B", "A đã hội kiến B",
"A tiếp xã giao B"): a visit brings several, one per host, and each is an event of its own. A report
whose host the event in hand has not named is another meeting, not a later word on the same one."""
from __future__ import annotations

from bisect import bisect_right

from kg.model import PersonRef

_WORDS = ("hội đàm", "hội kiến", "điện đàm", "tiếp xã giao")  # one side meeting another
_GAP = 24  # characters between a host and the verb: "sáng nay", "chiều 2/2", "đã"


class PeopleBySentence:
    """The article's people, sentence by sentence, for the hosts of bilateral meetings."""

    def __init__(self, persons: list[PersonRef], starts: list[int]) -> None:
        self.by_sentence: dict[int, list[PersonRef]] = {}
        for p in persons:
            if p.span is not None and not p.author:
                self.by_sentence.setdefault(bisect_right(starts, p.span.start) - 1, []).append(p)

    def host(self, idx: int, at: int, text: str, offset: int) -> str | None:
        """The person named right before offset ``at`` of sentence ``idx`` (``text``, starting at
        ``offset``), with at most a few words of time between and no punctuation: the verb's subject
        ("Bộ trưởng B sáng nay hội đàm với ...")."""
        before = [p for p in self.by_sentence.get(idx, []) if p.span.end <= at]
        if not before:
            return None
        gap = text[before[-1].span.end - offset:at - offset]
        return before[-1].name if len(gap) <= _GAP and not any(c in gap for c in ",;:()") else None

    def names(self, sentences: list[int]) -> set[str]:
        return {p.name for i in sentences for p in self.by_sentence.get(i, [])}


def another_meeting(people: PeopleBySentence, mention: str, idx: int, at: int, text: str, offset: int,
                    sentences: list[int]) -> bool:
    """A bilateral meeting (``mention``: as written at offset ``at`` of sentence ``idx``) reported with
    its host as subject, whose host the event found for it (in ``sentences``) never names."""
    if not mention.lower().startswith(_WORDS) or idx in sentences:
        return False
    host = people.host(idx, at, text, offset)
    return host is not None and host not in people.names(sentences)
