"""The notebook's documented headless run, word for word, works in the project environment."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CORPUS = ROOT.parent / "shared" / "corpus" / "seeds"
COMMAND = re.compile(r"`(jupyter nbconvert [^`]+)`")


def documented() -> str:
    """The command as the notebook's first cell gives it (and the README repeats it)."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    text = "".join(cells[0]["source"])
    found = COMMAND.findall(text)
    assert found, "the notebook no longer says how to run it headless"
    return found[0]


def test_readme_documents_the_same_command():
    assert documented() in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"sample corpus not found at {CORPUS}")
def test_documented_nbconvert_command_runs(tmp_path):
    command = shlex.split(documented())
    assert command[:2] == ["jupyter", "nbconvert"]
    written = NOTEBOOK.with_suffix(".nbconvert.ipynb")  # nbconvert's own output name
    saved = tmp_path / written.name
    if written.exists():  # someone's earlier run: put it back afterwards
        shutil.move(written, saved)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    try:
        proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        cells = json.loads(written.read_text(encoding="utf-8"))["cells"]
        outputs = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", [])]
        assert outputs and not [o for o in outputs if o["output_type"] == "error"]
    finally:
        written.unlink(missing_ok=True)
        if saved.exists():
            shutil.move(saved, written)
