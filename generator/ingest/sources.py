"""Read the seeds folder: article files become `SourceFile`s, every refusal a `Problem`.

Decoding is strict UTF-8 on purpose: a Windows-1256 Dari text "decodes" as
Windows-1252 into mojibake, so guessing would publish garbage as fact.
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import InputError, input_error
from generator.ingest.curator_yaml import load_curator_yaml
from generator.ingest.formats import HTML_SUFFIXES, MARKDOWN_SUFFIXES, Converted, read_html, read_markdown
from generator.ingest.page_encoding import PageEncodingError, decode_page
from generator.ingest.registry import REGISTRY_NAMES
from generator.ingest.seedfiles import read_seed_file, seed_file_exists
from generator.ingest.sidecar import SIDECAR_SUFFIXES, curator_values, read_sidecar, sidecar_name
from generator.model import CuratorValues, Problem, SourceFile
from generator.text.fold import BIDI_CONTROLS, INVISIBLE_CONTROLS

ARTICLE_SUFFIXES = (".txt", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
IGNORED_NAMES = ("README.md", "README.txt", ".gitkeep", ".DS_Store")

MAX_FILE_BYTES = 2_000_000
MAX_HTML_BYTES = 10_000_000  # a saved page carries its scripts and styles; its text is held to MAX_FILE_BYTES
MAX_LINE_CHARS = 20_000


BINARY_SIGNATURES = (
    (b"%PDF", "a PDF", "Save its text as UTF-8 plain text (.txt) first."),
    (b"PK\x03\x04", "a ZIP archive or a Word/OpenDocument file (DOCX, ODT)",
     "Open it and save the text as UTF-8 plain text (.txt)."),
    (b"{\\rtf", "an RTF document", "Save it as UTF-8 plain text (.txt)."),
    (b"\xd0\xcf\x11\xe0", "an old Word/Office document (DOC)", "Save it as UTF-8 plain text (.txt)."),
)


@dataclass(frozen=True)
class Ingested:
    sources: tuple[SourceFile, ...]
    problems: tuple[Problem, ...]


def ingest(seeds_dir: Path) -> Ingested:
    """Read every article in `seeds_dir`, in name order, with its sidecar."""
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        problem = Problem(str(seeds_dir), "the seeds folder does not exist.",
                          "Create it and put one article per .txt file in it.")
        return Ingested((), (problem,))

    names = sorted(entry.name for entry in seeds_dir.iterdir())
    reads = _Reads(_LAST_READS.pop(seeds_dir.resolve(), {}))
    sources: list[SourceFile] = []
    first_by_hash: dict[str, SourceFile] = {}
    first_by_stem: dict[str, str] = {}
    for name in names:
        path = seeds_dir / name
        if name in REGISTRY_NAMES or name in IGNORED_NAMES:
            continue
        if name.startswith("."):
            problems.append(Problem(name, "is a hidden file (its name starts with '.'), not read.",
                                    "Rename it without the leading dot if it is an article.", severity="warning"))
            continue
        if path.is_dir() and not path.is_symlink():
            problems.append(Problem(name, "is a folder; files in sub-folders are not read.",
                                    "Move its articles into the seeds folder itself.", severity="warning"))
            continue
        if path.suffix in SIDECAR_SUFFIXES:
            problems.extend(_sidecar_problems(seeds_dir, path))
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(Problem(name, f"unknown file type '{path.suffix or name}', not read.",
                                    "Articles are UTF-8 text (.txt), saved web pages (.html, .htm) or Markdown (.md).", severity="warning"))
            continue
        if path.stem in first_by_stem:  # "a.txt" and "a.html": one sidecar, one page name, one id for two
            problems.append(Problem(name, f"has the same name as {first_by_stem[path.stem]} but for its ending; only "
                                          f"{first_by_stem[path.stem]} is read.", "Rename one of the two."))
            continue
        first_by_stem[path.stem] = name
        try:
            source, source_problems = reads.read(seeds_dir, name)
        except InputError as error:
            problems.append(error.problem)
            continue
        problems.extend(source_problems)
        text_hash = _text_hash(source.text)  # a CRLF, BOM, NFD or re-saved (.md, .html) copy is the same article
        if text_hash in first_by_hash:
            first = first_by_hash[text_hash]
            how = ("identical sha256" if first.sha256 == source.sha256 else
                   "only spacing, line ends, a byte-order mark, Unicode composition or the file's format differ")
            problems.append(Problem(name, f"same text as {first.name} ({how}); not published twice.",
                                    "Remove one of the two files."))
            continue
        first_by_hash[text_hash] = source
        sources.append(source)

    _LAST_READS[seeds_dir.resolve()] = reads.now
    while len(_LAST_READS) > KEPT_FOLDERS:
        del _LAST_READS[next(iter(_LAST_READS))]
    if not sources and not any(p.severity == "error" for p in problems):
        problems.append(Problem(str(seeds_dir), "the seeds folder holds no article.",
                                "Add one article per file: UTF-8 text (.txt), a saved web page (.html) or Markdown (.md)."))
    return Ingested(tuple(sources), tuple(problems))


#: What the last `ingest` of each seeds folder read: a preview re-reads only the files an edit touched.
_LAST_READS: dict[Path, dict[str, tuple[tuple, tuple[SourceFile, list[Problem]]]]] = {}
KEPT_FOLDERS = 4
#: A file changed less than this long before it was read may change again with the same size and time
#: stamp (file systems stamp in steps of milliseconds): it is read again next time, as git does.
RACY_NS = 2_000_000_000


class _Reads:
    """`read_source`, or its result of the last build when the article and its sidecars are, by their
    file status (size, times, inode, through a link or not), the files read then."""

    def __init__(self, last: dict[str, tuple[tuple, tuple[SourceFile, list[Problem]]]]) -> None:
        self.last, self.now = last, {}

    def read(self, seeds_dir: Path, name: str) -> tuple[SourceFile, list[Problem]]:
        stem = Path(name).stem
        state = tuple(_status(seeds_dir / file) for file in (name, *(stem + s for s in SIDECAR_SUFFIXES)))
        kept = self.last.get(name)
        if kept is not None and kept[0] == state:
            self.now[name] = kept
            return kept[1]
        result = read_source(seeds_dir, name)
        if time.time_ns() - max((item[0] for item in state if item), default=0) > RACY_NS:
            self.now[name] = (state, result)
        return result


def _status(path: Path) -> tuple | None:
    try:
        link, target = path.lstat(), path.stat()
    except OSError:
        return None
    return (max(target.st_mtime_ns, target.st_ctime_ns, link.st_mtime_ns, link.st_ctime_ns),
            target.st_size, target.st_ino, link.st_ino, link.st_mode)


def _text_hash(text: str) -> str:
    """The same words in the same order, however spaced and marked up: a .txt re-saved as .md or .html (trailing
    spaces, lines joined or split, a byline's "- " read as a list's) is the same article, not a second one."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()




def _sidecar_problems(seeds_dir: Path, path: Path) -> list[Problem]:
    """A sidecar nobody will read: no article beside it, or a second one for the same article."""
    if not any(seed_file_exists(seeds_dir, f"{path.stem}{suffix}") for suffix in ARTICLE_SUFFIXES):
        return [Problem(path.name, "sidecar has no article beside it.",
                        f"Rename it to match an article (<stem>{path.suffix} for <stem>.txt) or remove it.",
                        severity="warning")]
    first = sidecar_name(seeds_dir, path.stem)
    if first != path.name:
        return [Problem(path.name, f"is a second sidecar for {path.stem}.txt; only {first} is read, so nothing in "
                                   f"{path.name} is used.", f"Merge the two into {first} and remove {path.name}.")]
    return []


def read_source(seeds_dir: Path, name: str) -> tuple[SourceFile, list[Problem]]:
    """One article and its sidecar. A bad sidecar key is reported and left out; the article is kept."""
    path = seeds_dir / name
    html = path.suffix.lower() in HTML_SUFFIXES
    data = read_seed_file(seeds_dir, name, MAX_HTML_BYTES if html else MAX_FILE_BYTES,
                          "saved web page" if html else "UTF-8 text file")
    converted, problems = _converted(name, path.suffix.lower(), data)
    text = converted.text
    problems += text_warnings(name, text)
    text = INVISIBLE_CONTROLS.sub("", text)
    sidecar, where = CuratorValues(), ""
    if converted.front_matter is not None:
        try:
            front, front_problems = curator_values(name, load_curator_yaml(
                converted.front_matter.encode("utf-8"), name, "Fix the front matter's YAML syntax (quote values "
                "that contain ': ' or start with a symbol); the article is published without it until then."),
                "front matter")
        except InputError as error:  # the article goes on without its front matter, as without a bad sidecar
            front, front_problems = CuratorValues(), [replace(error.problem, line=error.problem.line + 1)  # the opening ---
                                         if error.problem.line else error.problem]
        sidecar, where = front, f"front matter of {name}"
        problems += front_problems
    try:
        own, sidecar_problems = read_sidecar(seeds_dir, path.stem)
    except InputError as error:  # the whole sidecar is unreadable: the article goes on without it
        own, sidecar_problems = CuratorValues(), [error.problem]
    if own:
        sidecar, where = own.over(sidecar), (f"sidecar {path.stem}.yml" + (f" and front matter of {name}" if sidecar else ""))
    source = SourceFile(path=path, name=name, stem=path.stem, text=unicodedata.normalize("NFC", text),
                        sha256=hashlib.sha256(data).hexdigest(), sidecar=sidecar, sidecar_source=where,
                        stated={key: (stated.value, stated.evidence) for key, stated in converted.stated.items()})
    return source, problems + sidecar_problems


def _converted(name: str, suffix: str, data: bytes) -> tuple[Converted, list[Problem]]:
    """The file as plain article text: decoded and checked, a web page's main text or a note's Markdown read."""
    problems: list[Problem] = []
    if suffix in HTML_SUFFIXES:
        for signature, what, hint in BINARY_SIGNATURES:
            if data.startswith(signature):
                raise input_error(name, f"looks like {what}, not a saved web page.", hint)
        if not re.search(rb"(?i)<(?:!doctype\s+html|html|head|body|p|div|article)\b", data[:200_000]):
            raise input_error(name, "is named like a web page but holds no HTML.",
                              "Save the page again from the browser (Save page as…, HTML only), or rename it .txt.")
        try:
            decoded = decode_page(data)
        except PageEncodingError as error:
            raise input_error(name, str(error), "Save the page again from the browser as UTF-8 (Save page as…, "
                                                "HTML only), or paste its text into a .txt file.") from None
        for repair in decoded.repairs:
            problems.append(Problem(name, f"byte {repair.offset} (0x{repair.byte:02x}) is not UTF-8, in a page that "
                                          f"otherwise is: it is read as the Windows-1252 character “{repair.read_as}”.",
                                    "Check the word on the article's page; re-save the page as UTF-8 to be sure.",
                                    line=repair.line, severity="warning"))
        converted = read_html(name, decoded.text)
        problems.extend(Problem(name, note + "; check its page for navigation or other furniture that got in.",
                                "Nothing to do if the text reads right; else paste the article into a .txt file.",
                                severity="warning") for note in converted.notes)
        if not converted.text.strip():
            raise input_error(name, "is a web page with no article text in it (nothing but navigation, scripts or "
                                    "an empty body); not published.",
                              "Save the article's own page, or paste its text into a .txt file.")
        converted.text = decode_article(name, converted.text.encode("utf-8"))
        return converted, problems
    text = decode_article(name, data)
    if suffix in MARKDOWN_SUFFIXES:
        converted = read_markdown(text)
        if converted.dropped:
            problems.append(Problem(name, f"holds raw HTML ({', '.join(converted.dropped[:3])}); it is left out: "
                                          "an article's text is shown as text.",
                                    "Write the passage as Markdown or plain text.", severity="warning"))
        if not converted.text.strip():
            raise input_error(name, "has front matter but no article text under it.",
                              "Write the article's text below the closing --- line.")
        return converted, problems
    return Converted(text=text), problems


def text_warnings(name: str, text: str) -> list[Problem]:
    """What is odd about a decoded text but does not stop it: decomposed Unicode, bidi controls."""
    problems = []
    if unicodedata.normalize("NFC", text) != text:
        problems.append(Problem(name, "is in decomposed Unicode (NFD); it is read as composed (NFC), which looks "
                                      "the same.", "Nothing to do, unless letters look wrong on the page.",
                                severity="warning"))
    for number, line in enumerate(text.split("\n"), start=1):
        invisible = INVISIBLE_CONTROLS.search(line)
        if invisible:
            problems.append(Problem(name, f"contains the invisible character U+{ord(invisible.group()):04X} (a control "
                                          "character or noncharacter), which no feed or export can carry; such "
                                          "characters are removed.",
                                    "Nothing to do, unless text is missing around it.", line=number,
                                    severity="warning"))
            break
    for number, line in enumerate(text.split("\n"), start=1):
        control = next((char for char in line if char in BIDI_CONTROLS), None)
        if control:
            problems.append(Problem(name, f"contains the invisible bidi control U+{ord(control):04X}, which "
                                          "can make text display in a misleading order; it is kept in the text and "
                                          "removed from page names and matching keys.",
                                    "Remove it unless the text needs it.", line=number, severity="warning"))
            break
    return problems


def decode_article(name: str, data: bytes) -> str:
    """Bytes to text, refusing what is not UTF-8 text; accepts a BOM and CRLF."""
    if len(data) > MAX_FILE_BYTES:
        raise input_error(name, f"is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}.",
                          "Split it into separate articles or remove material that is not the article.")
    for signature, what, hint in BINARY_SIGNATURES:
        if data.startswith(signature):
            raise input_error(name, f"looks like {what}, not plain text.", hint)
    if b"\x00" in data:
        first_nul = data.index(b"\x00")
        raise input_error(name, f"contains NUL bytes (first at byte {first_nul}); it looks binary.",
                          "Save the article as UTF-8 plain text.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(Problem(
            name, f"is not valid UTF-8 (byte {error.start}, value 0x{data[error.start]:02x}).",
            "It is probably in a legacy code page (Windows-1252, Windows-1256): re-save it as UTF-8.",
            line=line)) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise input_error(name, "is empty.", "Paste the article text into it, or remove the file.")
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise input_error(name, f"has a line of {len(line):,} characters; the limit is {MAX_LINE_CHARS:,}.",
                              "Put a blank line between paragraphs.", line=number)
    return text
