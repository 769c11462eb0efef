"""What MkDocs prints, filtered: never a protected name; no stale-navigation warning from the preview."""

from __future__ import annotations

import logging

from generator.protect.redact import Redactor


class DirtyWarningFilter(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be stale; `preview` keeps it right."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


class RedactingFilter(logging.Filter):
    """Every message MkDocs or a plugin logs (a file name, a warning quoting a page) is redacted
    before it is printed: a message must never name a protected person."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        if self.redactor:
            message = record.getMessage()
            redacted = self.redactor.redact(message)
            if redacted != message:
                record.msg, record.args = redacted, ()
        return True


def redact_every_log_message(redactor: Redactor) -> None:
    """This build's protected names redact every handler's messages, in place of the previous build's."""
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in logger.handlers:
            for old in [f for f in handler.filters if isinstance(f, RedactingFilter)]:
                handler.removeFilter(old)
            handler.addFilter(RedactingFilter(redactor))


def quiet_dirty_warning() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyWarningFilter) for f in logger.filters):
        logger.addFilter(DirtyWarningFilter())
