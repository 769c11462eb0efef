"""Python's cycle collector paused while a build runs, and run once the preview is idle.

A build makes millions of small objects (articles, mentions, events, pages) that live until the
next build. The collector, which wakes every few hundred allocations, would scan them again and
again: seconds of a 2,000-article build. Nothing the pipeline makes refers back to itself, so
reference counting frees it; what cycles there are (MkDocs' configuration and files of the last
build) wait for one collection after the build, while a preview server waits for the next edit.
"""

from __future__ import annotations

import gc
import threading

#: Seconds after a preview's build before the collection: the browser has reloaded by then.
IDLE_SECONDS = 1.0
_paused = threading.Event()


def pause() -> None:
    if gc.isenabled():
        gc.disable()
        _paused.set()


def resume(preview: bool) -> None:
    """The collector back on; in a preview, one collection shortly after (a build is over when it runs)."""
    if not _paused.is_set():
        return
    _paused.clear()
    gc.enable()
    if preview:
        timer = threading.Timer(IDLE_SECONDS, _collect_if_idle)
        timer.daemon = True
        timer.start()


def _collect_if_idle() -> None:
    if gc.isenabled():  # not in the middle of the next build
        gc.collect()
