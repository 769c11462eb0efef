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


def test_the_generator_holds_no_name_of_the_seeds():
    """Heuristics must generalise: no seed's people or bodies are written into generator/, not even as
    examples. Two world-knowledge tables name bodies a seed names too, on purpose: the outlets that
    mark a byline as a publisher's (`metadata._OUTLET`) and the well-known names (`known_names`)."""
    import yaml

    registry = yaml.safe_load((PROJECT / "seeds" / "entities.yml").read_text(encoding="utf-8"))
    world_knowledge = {"Al Jazeera", "United States", "United States of America"}
    names = {name for entity in registry["entities"] for name in [entity["name"], *(entity.get("aliases") or [])]
             if len(name) >= 5 and name not in world_knowledge}
    sources = {path: path.read_text(encoding="utf-8").casefold()
               for path in (PROJECT / "generator").rglob("*") if path.suffix in (".py", ".j2")}
    assert len(names) > 30 and sources
    found = sorted((name, str(path.relative_to(PROJECT))) for name in names for path, text in sources.items()
                   if name.casefold() in text)
    assert found == []
