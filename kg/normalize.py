"""Vietnamese text normalisation.

Every rewrite here keeps the text's length, so character offsets found on the normalised
text stay valid for it: NFC first (which may change length, once), then one-for-one
character and tone-placement repairs.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Old-style ("uỷ", "hoà") → new-style ("ủy", "hòa") tone placement: the tone moves from the
# last vowel to the first of o+a, o+e, u+y when nothing follows in the syllable.
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot
_OLD_PAIR = re.compile(r"(?<![qQ])([oOuU])([aAeEyY][" + _TONES + r"])(?![^\W\d_])")
_CHAR_FIXES = str.maketrans({
    "\u00d0": "\u0110",  # Ð (Icelandic eth) → Đ
    "\u00f0": "\u0111",  # ð → đ
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
    "\u2013": "–", "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n",
    # control characters (C0 but newline, DEL, C1) and bidirectional overrides carry no text and
    # can drive a terminal or hide a name: each becomes a space, so that offsets stay valid
    **{c: " " for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0),
                        *range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
})
# the same rewrite as a search for the few characters it changes: ``str.translate`` with a dict looks
# up every character of the text (~0.45 ms an article), where most articles have a handful to fix
_FIXES = {chr(k): v for k, v in _CHAR_FIXES.items()}
_FIXABLE = re.compile("[" + "".join(re.escape(c) for c in _FIXES) + "]")


def _fix_chars(text: str) -> str:
    return _FIXABLE.sub(lambda m: _FIXES[m.group()], text)


def _move_tone(m: re.Match) -> str:
    first, second = m.group(1), m.group(2)
    base, tone = second[0], second[1]
    pair = (first.lower(), base.lower())
    if pair not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return m.group(0)
    return unicodedata.normalize("NFC", first + tone) + base


def normalize_text(text: str) -> str:
    """NFC, Ð→Đ, odd spaces → space, old tone placement → new. Offsets stay valid afterwards."""
    text = _fix_chars(unicodedata.normalize("NFC", text))
    decomposed_pairs = _OLD_PAIR.sub(_move_tone, unicodedata.normalize("NFD", text))
    out = unicodedata.normalize("NFC", decomposed_pairs)
    # NFD→NFC round trip can only change length if the pair rewrite failed; guard anyway.
    return out if len(out) == len(text) else text


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """A matching key: normalised, casefolded, dashes and spaces folded."""
    s = normalize_text(text).casefold()
    s = re.sub(r"\s*[-–—]\s*", "-", s)
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .,;:'\"“”‘’()")


def ascii_fold(text: str) -> str:
    """Strip diacritics (đ → d) for IRIs and search."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def slugify(text: str) -> str:
    """A stable, readable IRI segment: ascii, lower case, hyphen-separated."""
    s = ascii_fold(normalize_text(text)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"
