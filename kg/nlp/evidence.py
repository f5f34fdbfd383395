"""Which rule of the names component gave a post: the evidence its confidence is scored on
(``kg/confidence.py``, calibrated in ``benchmarks/calibrate_confidence.py``)."""
from __future__ import annotations

from kg.nlp.tokens import Tok


def post_rule(toks: list[Tok], title, name_end: int, appointed: list) -> str:
    """``appointment-phrase`` ('A được bầu giữ chức B'), ``appositive-title`` (after the name:
    'ông A, Chủ tịch ...'), ``lower-case-title`` ('phó chủ tịch UBND tỉnh A'), else ``title-chain``
    (a capitalised title right before the name)."""
    if any(title is t for t in appointed):
        return "appointment-phrase"
    if title.i >= name_end:
        return "appositive-title"
    return "title-chain" if toks[title.i].is_cap else "lower-case-title"
