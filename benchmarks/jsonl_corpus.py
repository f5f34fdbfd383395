"""Dev corpus folders (``../shared/corpus/dev/<folder>/*.txt``) → one JSON Lines file, and the
time to build each.

One record per article: ``id`` (folder/stem), ``body`` (the text exactly as ``kg build`` reads
the .txt file), and with ``--metadata`` the title, date, URL and authors the builder reads off
that text, as a crawler would give them. Both builds then give the same facts; the test
``tests/test_inputs.py::test_jsonl_builds_the_same_facts_as_the_text_files`` checks it.

    python benchmarks/jsonl_corpus.py ../shared/corpus/dev/vietnews --limit 300 --out /tmp/dev.jsonl --metadata
    python benchmarks/jsonl_corpus.py ../shared/corpus/dev/vietnews --limit 300 --out /tmp/dev.jsonl --bench
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.metadata import extract_metadata
from kg.normalize import normalize_text
from kg.reader import read_input


def record(path: Path, folder: str, metadata: bool) -> dict | None:
    """The article at ``path`` as one record; None when the builder would skip the file."""
    item = read_input(path)
    if item.text is None:
        return None
    out: dict = {"id": f"{folder}/{path.stem}"}
    if metadata:
        meta = extract_metadata(normalize_text(item.text))
        out.update({k: v for k, v in (("title", meta.title), ("url", meta.url),
                                      ("published", meta.published.isoformat() if meta.published else None),
                                      ("author", [name for name, _, _ in meta.authors])) if v})
        if not str(out.get("url", "")).startswith(("http://", "https://")):
            out.pop("url", None)  # "www.…" without a scheme: the builder reads it off the text instead
    out["body"] = item.text
    return out


def convert(folders: list[Path], out: Path, limit: int | None = None, metadata: bool = False) -> int:
    """Write the .txt articles of ``folders`` (the first ``limit`` of each) to ``out``, streaming."""
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for folder in folders:
            for path in sorted(folder.glob("*.txt"))[:limit]:
                rec = record(path, folder.name, metadata)
                if rec is not None:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
    return n


def bench(folders: list[Path], out: Path, limit: int | None, workers: int, rounds: int = 2) -> None:
    """Build the same articles from .txt files and from the JSONL file, in turn; print each time."""
    from kg.build import build_dataset

    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for folder in folders:
            dest = Path(tmp) / folder.name
            dest.mkdir()
            for path in sorted(folder.glob("*.txt"))[:limit]:
                shutil.copy(path, dest / path.name)
            copies.append(dest)
        build_dataset(copies, workers=1)  # load the pipeline and fill the caches once, outside the timings
        for name, inputs in (("txt", copies), ("jsonl", [out])) * rounds:
            t = time.perf_counter()
            ds, report = build_dataset(inputs, workers=workers)
            seconds = time.perf_counter() - t
            print(f"{name:5s}: {report.built} articles, {len(ds)} triples, {seconds:.1f} s "
                  f"({1000 * seconds / max(report.built, 1):.1f} ms per article, {workers} worker(s))")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles per folder")
    ap.add_argument("--metadata", action="store_true", help="also give title, date, URL and authors as fields")
    ap.add_argument("--bench", action="store_true", help="then time kg's build of both")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    n = convert(args.folders, args.out, args.limit, args.metadata)
    print(f"{n} records → {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    if args.bench:
        bench(args.folders, args.out, args.limit, args.workers)


if __name__ == "__main__":
    main()
