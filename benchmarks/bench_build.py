"""Build throughput and peak memory: N synthetic articles → one TriG file, in a fresh process.

    python benchmarks/bench_build.py [--n 1000]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_corpus import generate  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, a.n)
        out = Path(tmp) / "out.trig"
        kg = Path(sys.executable).parent / "kg"
        t = time.perf_counter()
        subprocess.run([str(kg), "build", str(corpus), "--out", str(out), "--no-progress"], check=True,
                       stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - t
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(json.dumps({"articles": a.n, "seconds": round(seconds, 1), "articles_per_second": round(a.n / seconds, 1),
                          "peak_memory_mb": round(peak_mb), "output_mb": round(out.stat().st_size / 1e6, 1)}))


if __name__ == "__main__":
    main()
