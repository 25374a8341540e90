"""The code stays ruff- and mypy --strict-clean (both are installed by `make test` with the dev extra)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("tool,args", [("ruff", ["check", "communique", "tests"]), ("mypy", ["communique"])])
def test_code_is_clean(tool: str, args: list[str]) -> None:
    exe = shutil.which(tool, path=str(Path(sys.executable).parent)) or shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} is not installed: pip install -e .[dev]")
    res = subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, check=False, timeout=600)
    assert res.returncode == 0, res.stdout + res.stderr
