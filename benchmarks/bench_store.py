"""Incremental builds at scale: a synthetic corpus into a project store, then 1% of it changed.

    python benchmarks/bench_store.py [--n 10000] [--workers 1 2] [--no-store-build]

For each worker count, in fresh processes: the full build into an empty store, a rebuild
with nothing changed, a rebuild after editing 1% of the articles, and the export of the whole
store to N-Quads. Optionally (``--no-store-build``) the plain in-memory ``kg build --out``.
Prints one JSON object per measurement: wall-clock and CPU seconds (the CPU time says how
fast one core is even when other work shares the machine), and peak memory, the largest
resident set in the process tree sampled every 50 ms (forked workers share pages, so the
sum overstates it).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_corpus import generate  # noqa: E402

KG = str(Path(sys.executable).parent / "kg")


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return pids


def _rss_mb(pids: list[int]) -> tuple[float, float]:
    """(largest, sum) resident set in MB."""
    sizes = []
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            pass
    return (max(sizes), sum(sizes)) if sizes else (0.0, 0.0)


def _cpu() -> float:
    """CPU seconds of finished child processes and theirs (forked workers are reaped by kg)."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def measure(label: str, args: list[str], **extra: object) -> dict:
    cpu = _cpu()
    t = time.perf_counter()
    proc = subprocess.Popen([KG, *args, "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    largest = total = 0.0
    while proc.poll() is None:
        one, all_ = _rss_mb(_tree(proc.pid))
        largest, total = max(largest, one), max(total, all_)
        time.sleep(0.05)
    seconds = time.perf_counter() - t
    summary = proc.stderr.read().strip().splitlines()[-1]
    if proc.returncode:
        raise SystemExit(f"{label} failed: {summary}")
    row = {"step": label, "seconds": round(seconds, 1), "cpu_seconds": round(_cpu() - cpu, 1), "peak_rss_mb": round(largest),
           "peak_rss_sum_mb": round(total), "summary": summary, **extra}
    print(json.dumps(row, ensure_ascii=False), flush=True)
    return row


def touch_one_percent(corpus: Path, n: int) -> int:
    """Edit every 100th article (a sentence added): 1% of the corpus changes."""
    changed = 0
    for i in range(0, n, 100):
        p = corpus / f"synth_{i:05d}.txt"
        p.write_text(p.read_text(encoding="utf-8") + "\nBài viết được cập nhật lại.\n", encoding="utf-8")
        changed += 1
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-store-build", action="store_true", help="also time kg build --out without a store")
    ap.add_argument("--dir", type=Path, default=None, help="work here instead of a temporary folder")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=a.dir) as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, a.n)
        print(json.dumps({"articles": a.n, "cpus": os.cpu_count(), "load_average": os.getloadavg()}), flush=True)
        for w in a.workers:
            corpus_w = Path(tmp) / f"corpus-{w}"
            subprocess.run(["cp", "-r", str(corpus), str(corpus_w)], check=True)
            store = Path(tmp) / f"store-{w}"
            j = ["--workers", str(w)]
            full = measure("full", ["build", str(corpus_w), "--store", str(store), *j], workers=w)
            full["articles_per_second"] = round(a.n / full["seconds"], 1)
            full["articles_per_cpu_second"] = round(a.n / full["cpu_seconds"], 1)
            measure("unchanged", ["build", str(corpus_w), "--store", str(store), *j], workers=w)
            changed = touch_one_percent(corpus_w, a.n)
            inc = measure("changed 1%", ["build", str(corpus_w), "--store", str(store), *j], workers=w, changed=changed)
            print(json.dumps({"workers": w, "full_articles_per_second": full["articles_per_second"],
                              "full_articles_per_cpu_second": full["articles_per_cpu_second"],
                              "incremental_share_of_full": round(inc["seconds"] / full["seconds"], 3)}), flush=True)
            out = Path(tmp) / f"all-{w}.nq"
            measure("export", ["build", "--store", str(store), "--out", str(out)], workers=w)
            print(json.dumps({"export_mb": round(out.stat().st_size / 1e6, 1)}), flush=True)
            if a.no_store_build:
                measure("no store", ["build", str(corpus_w), "--out", str(Path(tmp) / f"g-{w}.trig"), *j], workers=w)
        print(json.dumps({"load_average_end": os.getloadavg()}), flush=True)


if __name__ == "__main__":
    main()
