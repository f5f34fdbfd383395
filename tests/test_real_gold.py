"""The real dev gold (80 articles of ``../shared/corpus/dev``, annotated by reading) must not fall
below the targets of the issues "Real news" and "Meetings and events" (a regression guard; the
rules are tested on sentences of our own elsewhere)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
SCORER = ROOT.parent / "shared" / "tools" / "kgscore.py"

# kind -> (precision, recall, F1) floors; None where the issues set none
FLOORS = {
    "Person": (0.95, None, None),
    "Organization": (None, 0.90, None),
    "Meeting": (None, None, 0.85),
    "Attendee": (None, None, 0.90),
    "Organizer": (None, None, 0.80),
    "About": (None, None, 0.80),
}


@pytest.fixture(scope="module")
def table() -> dict:
    if not (CORPUS.is_dir() and SCORER.exists()):
        pytest.skip("../shared/corpus/dev and ../shared/tools/kgscore.py are not beside the repository")
    # one hash seed: the shared scorer pairs undated meetings in its graph's iteration order
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "score.py"), "--gold", str(ROOT / "devset_real" / "gold.json"),
                           "--corpus", str(CORPUS)], capture_output=True, text=True, timeout=900, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    counts = {m[1]: tuple(map(int, m.groups()[1:])) for m in re.finditer(
        r"^(\w+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(\d+)\s+(\d+)\s+(\d+)$", proc.stdout, re.M)}
    rows = {kind: _prf(*counts[kind]) for kind in FLOORS}  # from the counts: the printed figures are rounded
    rows["summary"] = tuple(_prf(*map(sum, zip(*(counts[k] for k in kinds))))[2]
                            for kinds in (("Person", "Organization", "Province", "Decision", "Meeting"),
                                          ("Post", "Attendee", "Organizer", "About")))
    return rows


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)  # as kgscore.py counts
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.mark.slow
def test_entity_and_relation_f1(table):
    entity, relation = table["summary"]
    assert entity >= 0.92 and relation >= 0.85, table["summary"]


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_kind_floors(table, kind):
    for got, floor in zip(table[kind], FLOORS[kind]):
        if floor is not None:
            assert got >= floor, (kind, table[kind])


# The held-out sets annotated in stops 17 (A, B), 18 (D, 59 articles), 21 (E, 30), 22-23 (F, 30), 26 (G, 26)
# and 27 (H, 30) and developed on since (devset_real/heldout*.json; heldout_c.json stays unread): the figures
# stop 27 reached (in-process scorer: A 0.921 / 0.878, B 0.902 / 0.831, D 0.927 / 0.890, E 0.901 / 0.852,
# F 0.873 / 0.845, G 0.905 / 0.949, H 0.879 / 0.831), less about a point, must hold.
HELD_OUT_FLOORS = {"heldout.json": (0.91, 0.865), "heldout_b.json": (0.89, 0.82), "heldout_d.json": (0.915, 0.88),
                   "heldout_e.json": (0.89, 0.84), "heldout_f.json": (0.86, 0.835), "heldout_g.json": (0.89, 0.935),
                   "heldout_h.json": (0.865, 0.81)}


@pytest.mark.slow
@pytest.mark.parametrize("gold", sorted(HELD_OUT_FLOORS))
def test_held_out_sets_developed_on_do_not_fall_back(gold):
    if not (CORPUS.is_dir() and SCORER.exists()):
        pytest.skip("../shared/corpus/dev and ../shared/tools/kgscore.py are not beside the repository")
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "score.py"), "--gold", str(ROOT / "devset_real" / gold),
                           "--corpus", str(CORPUS)], capture_output=True, text=True, timeout=900, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    m = re.search(r"entity F1 ([\d.]+), relation F1 ([\d.]+)", proc.stdout)
    entity, relation = float(m[1]), float(m[2])
    floor_entity, floor_relation = HELD_OUT_FLOORS[gold]
    assert entity >= floor_entity and relation >= floor_relation, (gold, entity, relation)
