"""Reading one file of the seeds folder without trusting what the folder holds.

Articles, sidecars and the registry are all read here, so every one of them gets the same
refusals: a link that points out of the folder, is broken or loops; anything that is not a
regular file (a FIFO would block the build, `/dev/zero` would fill memory); a file over its
size limit (checked before reading, and the read itself is capped); a name the file system
cannot open. Each refusal is an `InputError` naming the file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.errors import InputError, input_error


def read_seed_file(seeds_dir: Path, name: str, limit: int, what: str = "file") -> bytes:
    """The bytes of `seeds_dir/name`, refused unless it is a regular file inside the folder within `limit` bytes."""
    path = seeds_dir / name
    try:
        target = _checked_target(seeds_dir, path, name)
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            raise input_error(name, f"is {_file_type(info.st_mode)}, not a regular file; not read.",
                              f"Replace it with a plain {what}.")
        if info.st_size > limit:
            raise input_error(name, f"is {info.st_size:,} bytes; the limit is {limit:,}.",
                              "Split it or remove material that is not the article.")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
        descriptor = os.open(target, flags)
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)  # a file growing while read still cannot exceed the limit
    except InputError:
        raise
    except OSError as error:
        raise input_error(name, f"cannot be read: {_reason(error)}.",
                          "Check the file's name and permissions, or remove it.") from None
    if len(data) > limit:
        raise input_error(name, f"is over {limit:,} bytes (it grew while being read); not read.",
                          "Split it or remove material that is not the article.")
    return data


def seed_file_exists(seeds_dir: Path, name: str) -> bool:
    """Whether a name is present at all (a broken link counts), without raising on odd names."""
    try:
        return os.path.lexists(seeds_dir / name)
    except (OSError, ValueError):
        return False


def _checked_target(seeds_dir: Path, path: Path, name: str) -> Path:
    """The file a name stands for; a link must resolve, without a loop, to a file inside the folder."""
    if not path.is_symlink():
        return path
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        raise input_error(name, "is a link to a file that does not exist (a broken link); not read.",
                          "Remove the link, or copy the article itself into the seeds folder.") from None
    except (RuntimeError, OSError) as error:  # RuntimeError: a symlink loop, on Python 3.11
        if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
            raise input_error(name, "is a link that points to itself (a link loop); not read.",
                              "Remove the link.") from None
        raise
    folder = seeds_dir.resolve()
    if target != folder and folder not in target.parents:
        raise input_error(name, "is a link to a file outside the seeds folder; refused.",
                          "Copy the file into the seeds folder instead of linking to it.")
    return target


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a special file"


def _reason(error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        return "its name is too long for the file system"
    return (error.strerror or str(error)).lower()
