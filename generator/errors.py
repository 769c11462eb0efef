"""One error type for bad input, carrying a `Problem` a person can act on.

Stages raise `InputError` for a single bad file; the pipeline catches it, records the
problem and goes on with the other files, so one bad article never stops the site.
"""

from __future__ import annotations

from generator.model import Problem


class InputError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def shorten(text: str, limit: int = 80) -> str:
    """A value quoted in a message, cut so that no input can make the message itself huge."""
    return text if len(text) <= limit else text[:limit] + f"… ({len(text):,} characters)"


def input_error(path: str, message: str, hint: str = "", *, line: int | None = None,
                key: str | None = None) -> InputError:
    return InputError(Problem(path=path, message=message, hint=hint, line=line, key=key))


class UnsafeToPublish(Exception):
    """Publishing anything would risk a protected name: the registry that says who is protected has an
    error (it is read whole or not at all), or a built file still holds a protected name."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
        self.problem = problems[0]

    def report(self) -> str:
        """Every problem, one a line, and what follows from them."""
        lines = [f"ERROR: {problem}" for problem in self.problems]
        return "\n".join([*lines, "Nothing was built or published, so that no protected name can be: fix the "
                                   "registry and build again (the previous site is left as it was)."])
