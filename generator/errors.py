"""One error type for bad input, carrying a `Problem` a person can act on.

Stages raise `InputError` for a single bad file; the pipeline catches it, records the
problem and goes on with the other files, so one bad article never stops the site.
"""

from __future__ import annotations

from .model import Problem


class InputError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def input_error(path: str, message: str, hint: str = "", *, line: int | None = None,
                key: str | None = None) -> InputError:
    return InputError(Problem(path=path, message=message, hint=hint, line=line, key=key))


class UnsafeToPublish(Exception):
    """Publishing anything would risk a protected name (the registry that protects it is unreadable)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
