"""Python's cycle collector paused while a build runs, and run once the preview is idle.

A build makes millions of small objects (articles, mentions, events, pages) that live until the
next build. The collector, which wakes every few hundred allocations, would scan them again and
again: seconds of a 2,000-article build. Nothing the pipeline makes refers back to itself, so
reference counting frees it; what cycles there are (MkDocs' configuration and files of the last
build) wait for one collection after the build, while a preview server waits for the next edit.

Turning the collector back on at once would not spare that collection: every object made while it
was off counts as new, so the first allocation after `gc.enable()` scans them all (a second at 2,000
articles, before the browser is told to reload). A preview turns it back on when idle instead.
"""

from __future__ import annotations

import gc
import threading

#: Seconds after a preview's build before the collection: the browser has reloaded by then.
IDLE_SECONDS = 1.0
_lock = threading.Lock()
_state = {"paused": False, "builds": 0}  # builds: bumped by each pause, so a late timer knows it is late


def pause() -> None:
    with _lock:
        if _state["paused"] or gc.isenabled():
            _state["paused"] = True
            _state["builds"] += 1
            gc.disable()


def resume(preview: bool) -> None:
    """The collector back on, and one collection: at once after a one-off build, shortly after in a
    preview (its build is over, and the next edit has not begun)."""
    with _lock:
        if not _state["paused"]:
            return
        if not preview:
            _state["paused"] = False
            gc.enable()
            return
        build = _state["builds"]
    timer = threading.Timer(IDLE_SECONDS, _collect_if_idle, args=(build,))
    timer.daemon = True
    timer.start()


def _collect_if_idle(build: int) -> None:
    with _lock:
        if _state["builds"] != build or not _state["paused"]:
            return  # the next build has begun; its own resume comes later
        gc.collect()
        _state["paused"] = False
        gc.enable()
