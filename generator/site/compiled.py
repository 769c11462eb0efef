"""The theme's templates compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build, and Jinja compiles a template once per
environment: a preview compiled Material's forty-odd templates again on every edit (a fifth of a
second). Jinja's bytecode cache is the documented way to keep compiled templates between
environments; this one keeps them in memory. Jinja checks each against its source's checksum, so
an edited override is compiled again, never served stale.
"""

from __future__ import annotations

import threading

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def load_bytecode(self, bucket: Bucket) -> None:
        with self._lock:
            code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = bucket.bytecode_to_string()
        with self._lock:
            self._code[bucket.key] = code


THEME_TEMPLATES = CompiledTemplates()
