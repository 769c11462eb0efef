"""The cycle collector is off during a build, and back on after it: at once, or once a preview is idle."""

import gc
import time

import pytest

from generator.site import collector


@pytest.fixture(autouse=True)
def _collector_on(monkeypatch):
    monkeypatch.setattr(collector, "IDLE_SECONDS", 0.05)
    yield
    gc.enable()
    collector._state["paused"] = False


def _wait_until(condition, seconds=2.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


def test_a_one_off_build_turns_the_collector_back_on_at_once():
    collector.pause()
    assert not gc.isenabled()
    collector.resume(preview=False)
    assert gc.isenabled()


def test_a_preview_turns_it_back_on_only_when_idle():
    collector.pause()
    collector.resume(preview=True)
    assert not gc.isenabled()  # the browser reloads first
    assert _wait_until(gc.isenabled)


def test_a_build_that_begins_before_the_idle_collection_keeps_it_off():
    collector.pause()
    collector.resume(preview=True)
    collector.pause()  # the next edit, before the timer fires
    time.sleep(0.2)
    assert not gc.isenabled()
    collector.resume(preview=False)
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    collector.pause()
    collector.resume(preview=False)
    assert not gc.isenabled()
