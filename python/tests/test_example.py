"""The notebook-style example runs as a script and draws the three-activation figure with at most
five lines of nrmt calls."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "three_activations.py"


def test_the_figure_is_at_most_five_lines_of_nrmt_calls():
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    calls = [l for l in lines if re.search(r"\bnrmt\.\w+\(|\blaw\.\w+\(", l) and not l.lstrip().startswith("#")]
    assert 1 <= len(calls) <= 5, calls


def test_the_example_runs_and_writes_the_figure(tmp_path):
    pytest.importorskip("matplotlib")
    out = tmp_path / "three.pdf"
    env = dict(os.environ, MPLBACKEND="Agg")
    r = subprocess.run([sys.executable, str(EXAMPLE), str(out)], capture_output=True, text=True, env=env, timeout=900)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
