"""Every ``kg`` command, given the usual mistakes, exits non-zero with one ``Error:`` line and
no traceback: missing files, wrong extensions, broken input, outputs that cannot be written."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.commands import COMMANDS

FIXTURE = Path(__file__).parent / "fixtures" / "mini.trig"
KG = Path(sys.executable).parent / "kg"
ARTICLE = """Hội nghị sơ kết công tác dân vận

17:10 12/08/2020
Chiều 12/8, Ban Dân vận Tỉnh ủy Hậu Giang tổ chức Hội nghị sơ kết công tác dân vận.
"""
# the commands this file answers for (kg serve has its own tests; newer commands theirs)
ALL = ["build", "remove", "validate", "gazetteer", "query", "push", "viz", "stats", "export"]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with the usual suspects: an article, an empty folder, a file where a folder is
    expected, a broken graph, a binary file, a graph with a wrong extension, /dev/full links."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "broken.ttl").write_text("@prefix x: <http://x/> .\nx:a x:b ", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "graph.txt").write_text("not a graph")
    if Path("/dev/full").exists():
        for name in ("full.nt", "full.ttl"):
            (tmp_path / name).symlink_to("/dev/full")
    return tmp_path


def invoke(work: Path, *args: str):
    old = os.getcwd()
    os.chdir(work)
    try:
        return CliRunner().invoke(cli, [str(a) for a in args])
    finally:
        os.chdir(old)


def assert_one_error(result, *expected: str) -> str:
    """Non-zero exit, no traceback, the output ends on the only ``Error:`` line."""
    out = result.output
    assert result.exit_code != 0, out
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in out
    lines = out.rstrip("\n").splitlines()
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1 and lines[-1] == errors[0], out
    for text in expected:
        assert text in errors[0], out
    return errors[0]


@pytest.mark.parametrize("command", ALL)
def test_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and f"Usage: cli {command}" in result.output.replace("kg ", "cli ")


def test_every_command_is_covered():
    covered = {(case.values if hasattr(case, "values") else case)[0] for case in CASES}
    assert covered == set(ALL) and set(ALL) <= {n for names in COMMANDS.values() for n in names}


needs_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
needs_proc = pytest.mark.skipif(not Path("/proc").is_dir(), reason="no /proc")

CASES = [
    # build
    ("build", ["build", "missing.txt", "-o", "g.ttl"], ["does not exist"]),
    ("build", ["build", "corpus", "-o", "g.xyz"], ["unknown output format '.xyz'", ".ttl"]),
    ("build", ["build", "corpus", "-o", "g"], ["unknown output format of g (no extension)"]),
    ("build", ["build", "empty", "-o", "g.ttl"], ["no articles found under empty"]),
    ("build", ["build", "empty", "-o", "g.ttl", "--strict"], ["no articles found under empty"]),
    ("build", ["build", "corpus", "-o", "afile/g.ttl"], ["afile is a file, not a folder"]),
    ("build", ["build", "corpus", "-o", "afile/deeper/g.ttl"], ["afile is a file, not a folder"]),
    ("build", ["build", "corpus", "-o", "corpus"], ["corpus"]),
    ("build", ["build", "binary.txt", "-o", "g.ttl", "--strict"], ["1 file(s) skipped (--strict)"]),
    ("build", ["build", "corpus", "--store", "afile"], ["afile"]),
    ("build", ["build", "corpus", "--store", "corpus"], ["not a store directory"]),
    pytest.param("build", ["build", "corpus", "-o", "/proc/kg-test.ttl"], ["cannot write /proc/kg-test.ttl"],
                 marks=needs_proc),
    pytest.param("build", ["build", "corpus", "-o", "full.nt"], ["cannot write full.nt", "No space left"],
                 marks=needs_full),
    # remove
    ("remove", ["remove", "a.txt", "--store", "nowhere"], ["does not exist"]),
    ("remove", ["remove", "a.txt", "--store", "empty"], ["not a store directory"]),
    ("remove", ["remove", "a.txt", "--store", "afile"], ["afile"]),
    # validate
    ("validate", ["validate", "missing.ttl"], ["does not exist"]),
    ("validate", ["validate", "graph.txt"], ["unknown graph format '.txt'", ".ttl"]),
    ("validate", ["validate", "broken.ttl"], ["broken.ttl: not valid turtle: line 2"]),
    ("validate", ["validate", str(FIXTURE), "--shapes", "broken.ttl"], ["broken.ttl: not valid turtle"]),
    # gazetteer
    ("gazetteer", ["gazetteer"], ["Missing option"]),
    ("gazetteer", ["gazetteer", "-o", "g.txt"], ["unknown output format '.txt'"]),
    ("gazetteer", ["gazetteer", "-o", "afile/g.ttl"], ["afile is a file, not a folder"]),
    pytest.param("gazetteer", ["gazetteer", "-o", "/proc/kg-test.ttl"], ["cannot write /proc/kg-test.ttl"],
                 marks=needs_proc),
    pytest.param("gazetteer", ["gazetteer", "-o", "full.ttl"], ["No space left"], marks=needs_full),
    # query
    ("query", ["query", "missing.trig", "ASK {}"], ["does not exist"]),
    ("query", ["query", "graph.txt", "ASK {}"], ["unknown graph format"]),
    ("query", ["query", "broken.ttl", "ASK {}"], ["broken.ttl: cannot load"]),
    ("query", ["query", "broken.ttl", "ASK {}", "--backend", "rdflib"], ["broken.ttl: cannot load"]),
    ("query", ["query", str(FIXTURE)], ["give exactly one of SPARQL, --file or --name"]),
    ("query", ["query", str(FIXTURE), "--name", "nope"], ["no saved query 'nope'"]),
    ("query", ["query", str(FIXTURE), "--name", "article"], ["missing parameter(s) article"]),
    ("query", ["query", str(FIXTURE), "-f", "missing.rq"], ["No such file"]),
    # push
    ("push", ["push", str(FIXTURE)], ["Missing option '--endpoint'"]),
    ("push", ["push", "missing.trig", "--endpoint", "http://127.0.0.1:9/store"], ["does not exist"]),
    ("push", ["push", "broken.ttl", "--endpoint", "http://127.0.0.1:9/store"], ["broken.ttl: cannot load"]),
    ("push", ["push", str(FIXTURE), "--endpoint", "ftp://example.org/store"], ["not an http(s) URL"]),
    ("push", ["push", str(FIXTURE), "--endpoint", "http://127.0.0.1:9/store", "--retries", "0"],
     ["Connection refused", "no graph was changed"]),
    # viz
    ("viz", ["viz", "missing.ttl"], ["does not exist"]),
    ("viz", ["viz", "graph.txt"], ["unknown graph format"]),
    ("viz", ["viz", "broken.ttl"], ["broken.ttl: cannot load: line 2"]),
    ("viz", ["viz", str(FIXTURE), "-o", "afile/g.html"], ["afile is a file, not a folder"]),
    ("viz", ["viz", str(FIXTURE), "--focus", "Nobody At All"], ["no node named"]),
    pytest.param("viz", ["viz", str(FIXTURE), "-o", "/proc/kg-test.html"], ["/proc/kg-test.html"],
                 marks=needs_proc),
    # stats
    ("stats", ["stats", "missing.ttl"], ["does not exist"]),
    ("stats", ["stats", "graph.txt"], ["unknown graph format"]),
    ("stats", ["stats", "broken.ttl"], ["broken.ttl: cannot load: line 2"]),
    ("stats", ["stats", str(FIXTURE), "--types", "Planets"], ["unknown type"]),
    # export
    ("export", ["export", "broken.ttl"], ["broken.ttl: cannot load: line 2"]),
    ("export", ["export", str(FIXTURE), "-o", "g.xyz"], ["cannot tell the format", ".graphml", ".gexf"]),
    ("export", ["export", str(FIXTURE), "-f", "gexf", "-o", "g.graphml"], ["names graphml, not gexf"]),
    ("export", ["export", str(FIXTURE), "-o", "afile/g.graphml"], ["afile is a file, not a folder"]),
    pytest.param("export", ["export", str(FIXTURE), "-f", "graphml", "-o", "/dev/full"],
                 ["cannot write /dev/full", "No space left"], marks=needs_full),
]


@pytest.mark.parametrize("command,args,expected", CASES)
def test_mistakes_are_one_line_errors(work, command, args, expected):
    message = assert_one_error(invoke(work, *args), *expected)
    assert ".kg-test" not in message and "/.g.ttl." not in message  # never the temporary file


def test_a_refused_output_leaves_nothing_behind(work):
    assert_one_error(invoke(work, "build", "corpus", "-o", "afile/g.ttl"))
    assert (work / "afile").read_text() == "not a folder"
    if Path("/dev/full").exists():
        assert_one_error(invoke(work, "build", "corpus", "-o", "full.nt"))
        assert (work / "full.nt").is_symlink()  # the link was not replaced by a file
        assert not [p for p in work.iterdir() if p.name.startswith(".")]


def test_a_symlinked_output_is_written_through(work):
    (work / "real.ttl").write_text("")
    (work / "link.ttl").symlink_to(work / "real.ttl")
    result = invoke(work, "build", "corpus", "-o", "link.ttl")
    assert result.exit_code == 0, result.output
    assert (work / "link.ttl").is_symlink() and (work / "real.ttl").stat().st_size > 0


def test_an_output_file_is_readable_by_others_as_the_umask_says(work):
    assert invoke(work, "build", "corpus", "-o", "g.ttl").exit_code == 0
    mask = os.umask(0o022)
    os.umask(mask)
    assert (work / "g.ttl").stat().st_mode & 0o777 == 0o666 & ~mask


@needs_full
@pytest.mark.parametrize("args", [
    ["query", "--list"],
    ["query", str(FIXTURE), "--name", "article", "-p", "article=ninh-binh-2024.txt", "--format", "csv"],
    ["query", str(FIXTURE), "SELECT ?s WHERE { ?s ?p ?o }"],
    ["stats", str(FIXTURE)],
    ["stats", str(FIXTURE), "--json"],
    ["export", str(FIXTURE)],
    ["validate", str(FIXTURE)],
])
def test_standard_output_to_a_full_disk(args):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([str(KG), *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == \
        "Error: cannot write standard output: No space left on device", proc.stderr


def test_a_closed_pipe_ends_quietly(tmp_path):
    big = tmp_path / "big.nt"  # more than a pipe's buffer of output
    big.write_text("".join(f'<http://x/{i}> <http://x/p> "{"v" * 80}" .\n' for i in range(5000)))
    proc = subprocess.Popen([str(KG), "query", str(big), "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
                             "--format", "csv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "Exception ignored" not in err, err
