"""``--workers``: the same bytes out for any number of workers, results in input order,
failures and time limits reported per article."""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

import kg.build
from build_helpers import KG, run, synth_corpus
from kg.parallel import TimeLimit, Workers, time_limit


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    synth_corpus(folder, 12, seed=3)
    return folder


@pytest.mark.parametrize("ext", [".trig", ".ttl"])
def test_one_or_two_workers_write_the_same_file(corpus, tmp_path, ext):
    one, two = tmp_path / f"1{ext}", tmp_path / f"2{ext}"
    run("build", str(corpus), "--out", str(one), "--workers", "1")
    run("build", str(corpus), "--out", str(two), "--workers", "2")
    assert one.read_bytes() == two.read_bytes()


def test_one_or_two_workers_fill_the_same_store(corpus, tmp_path):
    for n in ("1", "2"):
        run("build", str(corpus), "--store", str(tmp_path / f"s{n}"), "--workers", n, "--out", str(tmp_path / f"{n}.nq"))
    assert (tmp_path / "1.nq").read_bytes() == (tmp_path / "2.nq").read_bytes()


def _slow_square(x: int) -> int:
    time.sleep(0.02 * (5 - x))  # the first items finish last
    return x * x


def test_results_come_in_input_order():
    with Workers(_slow_square, 2, window=3) as pool:
        assert list(pool.map(range(6))) == [0, 1, 4, 9, 16, 25]
    with Workers(_slow_square, 1) as inline:
        assert list(inline.map(range(3))) == [0, 1, 4]


def test_time_limit_interrupts_and_restores():
    with pytest.raises(TimeLimit):
        with time_limit(0.05):
            time.sleep(1)
    with time_limit(0.5):
        time.sleep(0.01)
    time.sleep(0.6)  # the alarm was cancelled: nothing fires after the block


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_failing_or_slow_article_is_skipped_and_the_rest_built(corpus, tmp_path, monkeypatch, workers):
    real = kg.build.extract
    files = sorted(corpus.iterdir())

    def flaky(identifier: str, text: str, by_content: bool = False):
        name = identifier.rsplit("/", 1)[-1]
        if name == files[2].name:
            raise ValueError("broken rule")
        if name == files[5].name:
            time.sleep(60)  # interrupted by the time limit
        return real(identifier, text, by_content)
    monkeypatch.setattr(kg.build, "extract", flaky)  # forked workers inherit the patch
    result = run("build", str(corpus), "--out", str(tmp_path / "g.nq"), "--workers", workers, "--timeout", "2")
    assert "10 article(s) built, 2 skipped" in result.output
    assert "1 extraction failed" in result.output and "1 timed out" in result.output
    assert f"{files[5]}: skipped: extraction took longer than 2 s (--timeout)" in result.output


def test_same_bytes_across_processes(corpus, tmp_path):
    """In separate processes (different string hashing), not only within one."""
    outs = []
    for workers, seed in (("1", "1"), ("2", "2")):
        out = tmp_path / f"{workers}.trig"
        subprocess.run([KG, "build", str(corpus), "--out", str(out), "--workers", workers, "--no-progress"],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_a_worker_that_dies_stops_the_build_with_a_clear_message(corpus, tmp_path, monkeypatch):
    victim, real = sorted(corpus.iterdir())[4].name, kg.build.extract

    def dies(identifier: str, text: str, by_content: bool = False):
        if identifier.rsplit("/", 1)[-1] == victim:
            os._exit(9)
        return real(identifier, text, by_content)
    monkeypatch.setattr(kg.build, "extract", dies)
    result = run("build", str(corpus), "--store", str(tmp_path / "s"), "--workers", "2", ok=False)
    assert result.exit_code == 1 and "a worker process died" in result.output
