"""What a build did: counts, and every skipped file and warning with its reason.

Over a corpus of thousands of files the reasons matter more as counts ("3000 empty,
12 binary") than as lines, so the summary groups them and the per-file lines are capped.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

# (text in the message, name in the counts); first match wins
SKIP_KINDS = (("bad record", "bad record"), ("empty file", "empty"), ("binary", "binary"), ("MB is over", "too large"), ("cannot read", "unreadable"),
              ("no text left", "no text"), ("not valid UTF-8", "bad file name"), ("took longer", "timed out"),
              ("extraction failed", "extraction failed"), ("same article as", "duplicate article"), ("same text as", "duplicate text"),
              ("no body column", "no body column"), ("no records", "no records"))
WARNING_KINDS = (("not UTF-8", "not UTF-8"), ("HTML page", "HTML"), ("record at line", "record field ignored"))


def _kinds(messages: Iterable[str], table: tuple[tuple[str, str], ...], first_only: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    for message in messages:
        found = [name for text, name in table if text in message] or ["other"]
        counts.update(found[:1] if first_only else found)
    return counts


@dataclass
class BuildReport:
    built: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0          # store builds: articles whose file and builder did not change
    removed: int = 0            # store builds: graphs dropped by --prune
    resolved: int = 0           # article graphs whose person IRIs the corpus-level identity step changed

    def skip_counts(self) -> Counter[str]:
        return _kinds((r for _, r in self.skipped), SKIP_KINDS, first_only=True)

    def warning_counts(self) -> Counter[str]:
        return _kinds((w for _, w in self.warnings), WARNING_KINDS, first_only=False)

    def summary(self) -> str:
        text = f"{self.built} article(s) built, {len(self.skipped)} skipped, {len(self.warnings)} warning(s)"
        if self.unchanged or self.removed:
            text += f", {self.unchanged} unchanged, {self.removed} removed"
        details = [f"{label}: " + ", ".join(f"{n} {kind}" for kind, n in counts.most_common())
                   for label, counts in (("skipped", self.skip_counts()), ("warnings", self.warning_counts())) if counts]
        return text + (f" ({'; '.join(details)})" if details else "")

    def messages(self, per_kind: int = 20) -> list[str]:
        """One line per skipped file and warning, at most ``per_kind`` of each kind (a corpus of
        10,000 bad files should not print 10,000 lines), then how many more there were."""
        out: list[str] = []
        for items, table, counts in ((self.skipped, SKIP_KINDS, self.skip_counts()),
                                     (self.warnings, WARNING_KINDS, self.warning_counts())):
            shown: Counter[str] = Counter()
            for name, reason in items:
                kind = next(iter(_kinds([reason], table, first_only=True)))
                shown[kind] += 1
                if shown[kind] <= per_kind:
                    out.append(f"{name}: {reason}")
            out += [f"… and {counts[k] - per_kind} more: {k}" for k in counts if counts[k] > per_kind]
        return out
