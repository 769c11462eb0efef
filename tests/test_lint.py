"""The code passes the project's lint rules (pyproject.toml): unused names, unsafe YAML, unescaped Jinja."""

import shutil
import subprocess
import sys

from tests.conftest import PROJECT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(PROJECT / ".venv" / "bin")) or shutil.which("ruff")
    command = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    result = subprocess.run([*command, "check", "generator", "tests", "bench"], cwd=PROJECT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
