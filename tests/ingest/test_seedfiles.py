"""Reading a seeds file: anything but a regular file inside the folder is refused, by name, without blocking."""

from __future__ import annotations

import os

import pytest

from generator.errors import InputError
from generator.ingest.seedfiles import read_seed_file


def _refusal(folder, name, limit=1000) -> str:
    with pytest.raises(InputError) as raised:
        read_seed_file(folder, name, limit)
    assert raised.value.problem.path == name
    return raised.value.problem.message


def test_a_regular_file_and_a_link_inside_the_folder_are_read(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"text")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert read_seed_file(tmp_path, "a.txt", 10) == read_seed_file(tmp_path, "b.txt", 10) == b"text"


def test_special_files_are_refused_without_reading_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it to read would block until a writer came
    assert "named pipe (FIFO)" in _refusal(tmp_path, "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    assert "outside the seeds folder" in _refusal(tmp_path, "zero.txt")


def test_broken_and_looping_links_are_named_as_such(tmp_path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    assert "broken link" in _refusal(tmp_path, "broken.txt")
    assert "link loop" in _refusal(tmp_path, "loop.txt")


def test_the_size_limit_holds_before_reading(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    assert "2,000 bytes; the limit is 1,000" in _refusal(tmp_path, "big.txt")


def test_a_name_the_file_system_cannot_open_is_a_problem_not_a_crash(tmp_path):
    assert "name is too long" in _refusal(tmp_path, "n" * 300 + ".yml")
