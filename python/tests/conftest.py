"""Shared fixtures: the CLI on the same jar the in-process API runs, for side-by-side checks."""

import json
import os
import subprocess

import pytest

import nrmt
from nrmt import _jvm


def _java_cli(*args: str) -> subprocess.CompletedProcess:
    cp = os.pathsep.join(_jvm.classpath())
    env = dict(os.environ, OPENBLAS_NUM_THREADS=os.environ.get("OPENBLAS_NUM_THREADS", "1"))
    return subprocess.run(
        ["java", "-Xss8m", "-cp", cp, "org.nrmt.cli.Main", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def cli():
    """Runs `nrmt ARGS --format json` and returns the parsed JSON, decimals kept as strings."""

    def run(*args: str):
        r = _java_cli(*args, "--format", "json")
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout, parse_float=str, parse_int=str)

    return run


@pytest.fixture(scope="session")
def cli_raw():
    """Runs the CLI as typed: (exit code, stdout, stderr)."""
    return _java_cli


@pytest.fixture(scope="session", autouse=True)
def jvm():
    nrmt.start()
