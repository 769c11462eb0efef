"""`dossier` (or `python -m generator`): start, build, serve, bundle and check a dossier.

Build and serve are MkDocs itself (the hook runs the pipeline); this module adds the
offline bundle's zip and a `check` that validates the seeds without building.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import NoReturn

from generator.errors import UnsafeToPublish
from generator.extract.ner import ClusterUnavailable, cache_dir, shared_recogniser
from generator.ingest.registry import REGISTRY_FILE, load_registry
from generator.pipeline import build_dossier
from generator.protect.audit import AuditMemory, leaks_in_file
from generator.protect.near_miss import near_misses
from generator.protect.redact import Redactor, protect, redactor_for
from generator.render.review import review_html, review_sections
from generator.site.checksums import MANIFEST, NotVerifiable, verify
from generator.site.new_dossier import FolderNotEmpty, new_dossier
from generator.stage_cache import StageCache

SITE_CONFIG = "mkdocs.yml"
OFFLINE_CONFIG = "mkdocs.offline.yml"
SITE_DIR = Path("build/site")  # as `site_dir` in mkdocs.yml
OFFLINE_DIR = Path("build/offline")  # as `site_dir` in mkdocs.offline.yml
BUNDLE_PATH = Path("dist/dossier-offline.zip")
REVIEW_PAGE = Path("build/review.html")  # beside the site, never in it
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)  # fixed, so the same site gives the same zip


def main(argv: list[str] | None = None) -> int:
    command = invocation()
    parser = _parser(command)
    args = parser.parse_args(argv)
    if args.command == "new":
        return start_dossier(args.path, args.title, args.description)
    if args.command == "verify":
        return verify_copy(args.path, args.sources)
    config = OFFLINE_CONFIG if args.command == "bundle" else SITE_CONFIG
    if args.command in ("build", "serve", "bundle") and not Path(config).is_file():
        print(f"ERROR: no {config} in {Path.cwd()}: run `{command} {args.command}` in a dossier's folder "
              f"(`{command} new NAME --title \"…\"` makes one).", file=sys.stderr)
        return 2
    if args.command in ("check", "review") and not args.seeds.is_dir() and not Path(SITE_CONFIG).is_file():
        # in a dossier's folder, a missing seeds folder is the pipeline's own error, with what to do
        print(f"ERROR: no seeds folder at {args.seeds}: run `{command} {args.command}` in a dossier's folder, "
              f"or name the folder with --seeds (`{command} new NAME --title \"…\"` makes a dossier).",
              file=sys.stderr)
        return 2
    if args.command == "build":
        return build_then_swap(SITE_CONFIG, SITE_DIR, args.strict)
    if args.command == "serve":
        # MkDocs takes this process over: stopping `python -m generator serve` stops the server itself.
        # --dirty: an edit rebuilds only the pages it changes; the hook keeps the rest right (generator.site.preview)
        _exec_mkdocs("serve", "--dirty", "-f", SITE_CONFIG, "--dev-addr", args.dev_addr)
    if args.command == "bundle":
        return build_then_swap(OFFLINE_CONFIG, OFFLINE_DIR, args.strict, then=_zip_bundle)
    if args.command == "review":
        if args.html:
            return write_review_page(args.seeds, args.html)
        return review_names(args.seeds, args.examples)
    return check_seeds(args.seeds, strict=args.strict)


def _parser(command: str) -> argparse.ArgumentParser:
    """The `dossier` command line: each command with its options and help."""
    parser = argparse.ArgumentParser(
        prog=_program_name(), description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"Start here:\n  {command} new my-dossier --title \"What it documents\"\n  cd my-dossier\n"
               "  (put articles in seeds/: .txt files, saved .html pages, .md notes)\n"
               f"  {command} serve\n\n{command} COMMAND --help tells more about each command.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", help="start a new dossier in an empty folder",
                              description="Start a new dossier: a folder with mkdocs.yml, docs/ and an empty seeds/.")
    new.add_argument("path", type=Path, help="the folder to create")
    new.add_argument("--title", required=True, help="the dossier's name, shown on every page")
    new.add_argument("--description", default="", help="one sentence on what it documents")

    serve = commands.add_parser("serve", help="preview the site, rebuilding as seeds/ and docs/ change",
                                description="Preview the dossier in this folder at http://127.0.0.1:8000, "
                                            "rebuilt as seeds/, docs/ or mkdocs.yml change. Ctrl+C stops it.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)")

    build = commands.add_parser("build", help=f"build the hosted site into {SITE_DIR}",
                                description=f"Build the hosted site of the dossier in this folder into {SITE_DIR}; "
                                            "a failed build leaves the previous site in place.")
    build.add_argument("--strict", action="store_true", help="fail on any warning (bad article, broken link)")

    bundle = commands.add_parser("bundle", help=f"build the offline bundle into {BUNDLE_PATH}",
                                 description=f"Build the offline bundle into {BUNDLE_PATH}: a zip that works "
                                             "opened from disk, search included, with no network.")
    bundle.add_argument("--strict", action="store_true", help="fail on any warning")

    check = commands.add_parser("check", help="validate seeds/ without building; exit 1 on errors",
                                description="Read every article and the registry as a build would, and report "
                                            "what is wrong, file by file, without building.")
    check.add_argument("--seeds", type=Path, default=Path("seeds"), help="the seeds folder (default seeds/)")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")

    review = commands.add_parser("review", help="list names found that seeds/entities.yml does not register",
                                 description="The curator's to-do list: names the model found that the registry "
                                             "(seeds/entities.yml) does not hold, most mentioned first.")
    review.add_argument("--seeds", type=Path, default=Path("seeds"), help="the seeds folder (default seeds/)")
    review.add_argument("--examples", type=int, default=2, help="example sentences per name (default 2)")
    review.add_argument("--html", nargs="?", const=REVIEW_PAGE, type=Path, metavar="PATH",
                        help=f"write everything to check before publishing as a page (default {REVIEW_PAGE}), "
                             "never part of the site")

    verify = commands.add_parser("verify", help="check a copy of the site or bundle against its SHA256SUMS",
                                 description="Check that a site folder, an unzipped bundle or the bundle's zip holds "
                                             "exactly the files its build wrote (SHA256SUMS), naming every file "
                                             "changed, missing or added; exit 1 if any. With --sources, check the "
                                             "source files too.")
    verify.add_argument("path", type=Path, help="the site's folder, the bundle's folder or the bundle's .zip")
    verify.add_argument("--sources", type=Path, metavar="DIR",
                        help="the seeds folder the site was built from, to check each source file as received")
    return parser


def _mkdocs(*args: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], env=_mkdocs_env())


def _mkdocs_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def _exec_mkdocs(*args: str) -> NoReturn:
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, "-m", "mkdocs", *args], _mkdocs_env())


def build_then_swap(config: str, site_dir: Path, strict: bool, then=None) -> int:
    """Build into a fresh folder beside `site_dir` and put it in place only when the build succeeded:
    a failed or interrupted build leaves the previous site (and bundle) as they were."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; a web server must be able to read the site
    try:
        status = _mkdocs("build", "-f", config, "-d", str(staging), *(["--strict"] if strict else []))
        if status == 0 and then is not None:
            status = then(staging)
        if status != 0:
            print(f"The build failed; {site_dir} is left as it was.", file=sys.stderr)
            return status
        previous = site_dir.with_name(f".{site_dir.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(previous)
        staging.rename(site_dir)
        shutil.rmtree(previous, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _zip_bundle(built: Path) -> int:
    staging = BUNDLE_PATH.with_name(f".{BUNDLE_PATH.name}.partial")
    count = zip_folder(built, staging)
    redactor = _redactor(OFFLINE_CONFIG)
    leaked = leaks_in_file(redactor, staging, AuditMemory(cache_dir(Path.cwd()), redactor))
    if leaked:  # the built folder was audited; the archive made of it is read again before it is published
        staging.unlink(missing_ok=True)
        print(f"ERROR: the bundle's zip holds the name of {', '.join(leaked)}; it is not published.", file=sys.stderr)
        return 1
    staging.replace(BUNDLE_PATH)
    print(f"Offline bundle: {BUNDLE_PATH} ({count} files, {BUNDLE_PATH.stat().st_size:,} bytes). "
          f"Unzip it and open index.html.")
    return 0


def _redactor(config: str) -> Redactor:
    """The protected names of the dossier a MkDocs configuration builds (its plugin's seeds folder)."""
    try:
        return protect(load_registry(_seeds_folder(config)).registry)[1]
    except UnsafeToPublish as error:
        raise SystemExit(error.report()) from None


def _build_dossier(seeds: Path):
    """The dossier as the site would have it: the project's caches, and the cluster named by
    DOSSIER_SCHEDULER if any (the hook reads the same through mkdocs.yml)."""
    cache = cache_dir(Path.cwd())
    try:
        recogniser = shared_recogniser(cache, os.environ.get("DOSSIER_SCHEDULER", ""))
    except ClusterUnavailable as error:
        raise SystemExit(f"{error}. Set DOSSIER_SCHEDULER to a reachable scheduler, or leave it empty.") from None
    try:
        return build_dossier(seeds, recogniser, StageCache(cache / "stages"))
    except UnsafeToPublish as error:
        raise SystemExit(error.report()) from None


def check_seeds(seeds: Path, strict: bool = False) -> int:
    dossier = _build_dossier(seeds)
    for problem in dossier.problems:
        print(f"{problem.severity.upper()}: {problem}", file=sys.stderr)
    misses = near_misses(dossier)
    for miss in misses:
        print(f"REVIEW: {miss}", file=sys.stderr)
    errors = sum(problem.severity == "error" for problem in dossier.problems)
    warnings = len(dossier.problems) - errors
    close = f"; {len(misses)} words close to a protected name to review" if misses else ""
    print(f"{len(dossier.articles)} articles ready; {errors} errors, {warnings} warnings{close}.")
    return 1 if errors or (strict and warnings) else 0


def review_names(seeds: Path, examples: int) -> int:
    """The curator's to-do list: unregistered names, most mentioned first, with where they occur."""
    dossier = _build_dossier(seeds)
    titles = {article.metadata.article_id: article.source.name for article in dossier.articles}
    unreviewed = sorted((e for e in dossier.entities if not e.reviewed), key=lambda e: (-len(e.mentions), e.name))
    if not unreviewed:
        print(f"Every name found is registered in {seeds / REGISTRY_FILE}.")
        return 0
    print(f"{len(unreviewed)} names found by the model are not in {seeds / REGISTRY_FILE}.\n"
          "Add each to `entities:` (to keep it, with its kind and role), as an alias of an entry (to merge it),\n"
          "or to `ignore:` (to drop it).\n")
    for entity in unreviewed:
        print(f"{entity.name}  [{entity.kind.value}]  {len(entity.mentions)} mentions in {len(entity.article_ids)} articles")
        for mention in entity.mentions[:examples]:
            print(f"    {titles[mention.article_id]} ¶{mention.paragraph}: {mention.sentence}")
        print()
    return 0


def start_dossier(path: Path, title: str, description: str) -> int:
    if not title.strip():
        print("ERROR: --title is empty; give the dossier a name.", file=sys.stderr)
        return 2
    try:
        written = new_dossier(path, title.strip(), description.strip())
    except (FolderNotEmpty, OSError) as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    command = invocation()
    print(f"A new dossier in {path} ({len(written)} files). Next:\n"
          f"  cd {shlex.quote(str(path))}\n"
          "  put articles (.txt, saved .html pages, .md notes) in seeds/\n"
          f"  {command} serve     preview at http://127.0.0.1:8000, updating as seeds/ changes\n"
          f"  {command} build     the site, in build/site\n"
          f"  {command} bundle    the offline bundle, in dist/\n"
          "Write what the dossier documents in docs/index.md.")
    return 0


def verify_copy(path: Path, sources: Path | None) -> int:
    """`dossier verify`: every file named that differs from what the build wrote."""
    try:
        verdict = verify(path, sources, _seeds_folder(SITE_CONFIG).name if Path(SITE_CONFIG).is_file() else "seeds")
    except NotVerifiable as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 2
    for label, names in (("changed", verdict.changed), ("missing", verdict.missing), ("added", verdict.added)):
        for name in names:
            print(f"{label}: {name}")
    if verdict.ok:
        print(f"Verified: all {verdict.checked} files are as the build wrote them ({MANIFEST} in {path}).")
        return 0
    count = len(verdict.changed) + len(verdict.missing) + len(verdict.added)
    print(f"NOT VERIFIED: {count} of {verdict.checked} files differ from {MANIFEST} (listed above).", file=sys.stderr)
    return 1


def _program_name() -> str:
    """How usage lines name this program: as it was typed, without its folder."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "dossier" if program.startswith("dossier") else "python -m generator"


def invocation() -> str:
    """The command as the user can type it next: `dossier` when that is on the PATH and is this program,
    else this program by its full path (`/…/venv/bin/dossier`, or `/…/python -m generator`)."""
    program = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if program is not None and program.name == "dossier":
        found = shutil.which("dossier")
        if found and Path(found).resolve() == program.resolve():
            return "dossier"
        return shlex.quote(str(program.resolve()))
    return f"{shlex.quote(sys.executable)} -m generator"


def write_review_page(seeds: Path, target: Path) -> int:
    dossier = _build_dossier(seeds)
    site = os.path.relpath(SITE_DIR.resolve(), target.resolve().parent).replace(os.sep, "/") + "/"
    target.parent.mkdir(parents=True, exist_ok=True)
    redactor = redactor_for(dossier.protected)
    title = redactor.redact(_site_name())
    sections = review_sections(dossier)
    page = review_html(sections, site, title)
    if named := redactor.pseudonyms_in(page):
        print(f"ERROR: the review page would hold the name of {', '.join(named)}; it is not written.", file=sys.stderr)
        return 1
    target.write_text(page, encoding="utf-8")
    print(f"Review page: {target} ({', '.join(f'{len(s.items)} {s.key}' for s in sections)}).")
    return 0


def _site_config(config: str = SITE_CONFIG) -> dict:
    """A MkDocs configuration as plain data (its tags, such as !ENV, read as nothing)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    try:
        data = yaml.load(Path(config).read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 -- safe
    except (OSError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _site_name() -> str:
    return str(_site_config().get("site_name") or "Dossier")


def _seeds_folder(config: str) -> Path:
    """The seeds folder the dossier plugin of `config` reads (`seeds:` under `- dossier:`), beside it."""
    for plugin in _site_config(config).get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("dossier"), dict):
            return Path(config).parent / str(plugin["dossier"].get("seeds") or "seeds")
    return Path(config).parent / "seeds"


def zip_folder(folder: Path, target: Path) -> int:
    """Zip a folder with sorted entries and fixed timestamps: same files, same bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    paths = sorted(path for path in folder.rglob("*") if path.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=ZIP_TIMESTAMP)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return len(paths)
