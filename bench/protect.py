"""What protecting names costs: the seeds' build with one protected person, then with 10,000.

Redaction and the audit read each text once through one automaton (`generator.protect.spelling`), so the
number of protected names should barely change the build. Prints the build times, their ratio,
and the audit alone over the built site; the target is a ratio under 2.

With --corpus N it also builds N real corpus articles (from ../shared/corpora, copied to a temporary
folder) with nobody protected and then with one much-named person protected, and times the audit
of that site alone: what protection costs a dossier of realistic size.

    python bench/protect.py [--names 10000] [--runs 2] [--corpus 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "bench"))

from generator.ingest.registry import load_registry  # noqa: E402
from generator.protect.audit import leaks  # noqa: E402
from generator.protect.redact import protect  # noqa: E402

SYLLABLES = ["ka", "ri", "mo", "sa", "lu", "na", "de", "zo", "ha", "bi", "tu", "fe", "ya", "go", "shi", "ra", "qu"]


def _made_up_name(rng: random.Random) -> str:
    """A two-word name no article holds (the cost measured is the automaton's, not that of redacting)."""
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
    return f"{word()} {word()}zx"


def _project(folder: Path, extra_names: int) -> Path:
    for name in ("mkdocs.yml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, folder / name)
    for name in ("docs", "seeds", "overrides", "generator"):
        shutil.copytree(PROJECT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    registry_path = folder / "seeds" / "entities.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    for entry in registry["entities"]:
        if entry["name"] == "Fawzia Koofi":
            entry["protect"] = True
    rng = random.Random(22)
    names: dict[str, None] = {}
    while len(names) < extra_names:
        names[_made_up_name(rng)] = None
    registry["entities"] += [{"name": name, "kind": "person", "protect": True} for name in names]
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    return folder


def _build(project: Path, cache: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
                            cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", DOSSIER_CACHE=str(cache)))
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def corpus_cost(count: int, runs: int) -> None:
    from scale import build_project, corpus_files

    with tempfile.TemporaryDirectory() as work:
        project = build_project(corpus_files(count), Path(work))
        cache = Path(work) / "cache"
        registry = project / "seeds" / "entities.yml"
        figures = {}
        for label, text in (("nobody protected", "entities: []\n"),
                            ("one person protected", "entities:\n  - {name: James Baker, kind: person, "
                                                     "aliases: [Baker], protect: true}\n")):
            registry.write_text(text, encoding="utf-8")
            _build(project, cache)
            figures[label] = min(_build(project, cache) for _ in range(runs))
        redactor = protect(load_registry(project / "seeds").registry)[1]
        started = time.perf_counter()
        found = leaks(redactor, project / "site")
        audit = time.perf_counter() - started
        size = sum(path.stat().st_size for path in (project / "site").rglob("*") if path.is_file())
        named = sum(bool(redactor.names_in(path.read_text(encoding="utf-8", errors="replace")))
                    for path in (project / "seeds").glob("*.txt"))
        print(f"{count:,} corpus articles, {named} of which name the protected person:")
        for label, seconds in figures.items():
            print(f"{label:>24}: warm build {seconds:6.1f} s")
        print(f"{'audit alone':>24}: {audit:6.1f} s over {size / 1e6:.0f} MB ({len(found)} leaks)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=10_000, help="protected names of the large registry")
    parser.add_argument("--runs", type=int, default=2, help="builds of each, the best kept")
    parser.add_argument("--corpus", type=int, default=0, help="also this many corpus articles, with and without")
    args = parser.parse_args()
    if args.corpus:
        corpus_cost(args.corpus, args.runs)
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        figures = {}
        for label, extra in (("1 protected name", 0), (f"{args.names + 1:,} protected names", args.names)):
            folder = work / label.split()[0].replace(",", "")
            folder.mkdir()
            project = _project(folder, extra)
            cache = work / "cache"  # one model cache for both: the stage caches are forgotten on each change
            _build(project, cache)  # the model's cache warmed, and the stage caches
            figures[label] = min(_build(project, cache) for _ in range(args.runs))
            redactor = protect(load_registry(project / "seeds").registry)[1]
            started = time.perf_counter()
            found = leaks(redactor, project / "site")
            audit = time.perf_counter() - started
            size = sum(path.stat().st_size for path in (project / "site").rglob("*") if path.is_file())
            print(f"{label:>24}: build {figures[label]:6.2f} s; audit alone {audit:5.2f} s over {size / 1e6:.1f} MB"
                  f" ({len(found)} leaks); automaton of {redactor._names.size:,} keys")
        one, many = figures.values()
        print(f"{'ratio':>24}: {many / one:.2f}x (target under 2x)")


if __name__ == "__main__":
    main()
