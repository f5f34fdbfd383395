"""Extraction on real text: every article of a corpus folder (default ``../shared/corpus/dev``)
through the builder's own per-article work (read → extract → article graph), in worker processes.

Reports articles/s, CPU seconds per article, peak memory, crashes and time-outs, and the ten
slowest articles with their times. The time limit per article is a safety net: on the dev
corpus it must never fire.

    python benchmarks/bench_real.py [CORPUS] [--workers 2] [--limit N] [--every K] [--timeout 60] [--json out.json]

``--every 15 --workers 1`` is the fixed 299-article sample of the dev corpus (every 15th file in
path order, from the first) that the README's per-article figures are measured on.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.build import Task, process
from kg.nlp.pipeline import make_nlp
from kg.reader import iter_paths

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev"


def one(args: tuple[str, str, float]) -> dict:
    path, root, timeout = args
    c0, t0 = time.process_time(), time.perf_counter()
    outcome = process(Task(Path(path), "https://w3id.org/vnkg/resource/", os.path.relpath(path, root), timeout=timeout))
    return {"path": os.path.relpath(path, root), "status": outcome.status, "reason": outcome.reason,
            "cpu": time.process_time() - c0, "wall": time.perf_counter() - t0, "bytes": os.path.getsize(path),
            "triples": outcome.ntriples.count("\n") if outcome.ntriples else 0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--every", type=int, default=1, help="only every K-th article (path order, from the first)")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--json", type=Path, help="write every article's figures here")
    a = ap.parse_args()
    paths = sorted(str(p) for p in iter_paths([a.corpus]))[::a.every]
    if a.limit:
        paths = paths[:a.limit]
    make_nlp()  # forked workers inherit the loaded pipeline
    t0 = time.perf_counter()
    with ProcessPoolExecutor(a.workers) as pool:
        rows = list(pool.map(one, [(p, str(a.corpus), a.timeout) for p in paths], chunksize=8))
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cpu = sum(r["cpu"] for r in rows)
    built = [r for r in rows if r["status"] == "built"]
    failed = [r for r in rows if r["status"] != "built"]
    summary = {
        "articles": len(rows), "built": len(built), "skipped": len(failed),
        "timeouts": sum(1 for r in failed if "timeout" in (r["reason"] or "")),
        "crashes": sum(1 for r in failed if "failed" in (r["reason"] or "")),
        "workers": a.workers, "wall_s": round(wall, 1), "articles_per_s": round(len(rows) / wall, 1),
        "cpu_s": round(cpu, 1), "articles_per_cpu_s": round(len(rows) / cpu, 1),
        "cpu_ms_per_article": round(1000 * cpu / len(rows), 1), "peak_worker_rss_mb": round(peak),
        "mb": round(sum(r["bytes"] for r in rows) / 1e6, 1),
        "slowest": [(r["path"], round(r["cpu"], 2), r["bytes"]) for r in sorted(rows, key=lambda r: -r["cpu"])[:10]],
        "skipped_reasons": [(r["path"], r["reason"]) for r in failed][:20],
    }
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    if a.json:
        a.json.write_text(json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False, indent=0), encoding="utf-8")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
