"""Pages whose inputs have not changed since the last build, reused without rendering them.

A page is a pure function of its template, its own context (the article, the entity, the
entries of a timeline month) and the answers the dossier's index gives it while it renders. So
while it renders, the index it reads is a `TracedIndex` that writes down every question asked
(`index.target_of(name)`, `index.articles[id]`) with its answer. On the next build, the page is
reused when its template and context are equal to last time's and the new index gives every
recorded question the recorded answer: by induction the template would ask the same questions,
get the same answers and write the same page. Nothing is rendered to find that out.

Comparisons are `==` on the pipeline's frozen dataclasses; an article or entity unchanged since
the last build is mostly made of the very objects it was made of then (the stage cache keeps
them), so comparing it is mostly a comparison of references. A page that asks for a whole entity
is rendered again whenever anything about that entity changes; pages that only link to one ask
for its address (`target_of`), so they stay as they were.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: The answer recorded for a key that the index did not have.
_ABSENT = object()
_SCALARS = frozenset({str, int, float, bool, bytes, type(None)})


class _Comparison:
    """`==` for one check of a build, remembering the pairs found equal (an entity linked from a
    thousand pages is compared once)."""

    def __init__(self) -> None:
        self._equal: set[tuple[int, int]] = set()
        self._alive: list[object] = []  # the pairs compared stay alive, so their ids are not reused

    def __call__(self, old: object, new: object) -> bool:
        if old is new:
            return True
        kind = type(old)
        if kind is not type(new):
            return False
        if kind in _SCALARS:  # cheaper to compare than to look up
            return old == new
        pair = (id(old), id(new))
        if pair in self._equal:
            return True
        if old != new:
            return False
        self._equal.add(pair)
        self._alive.append((old, new))
        return True


@dataclass
class Trace:
    """The questions one page asked the index while it rendered, each with its answer."""

    asked: list[tuple[str, str, tuple, object]] = field(default_factory=list)  # (how, name, arguments, answer)

    def holds(self, index: object, same: Callable[[object, object], bool], answers: dict) -> bool:
        """Whether `index` gives every recorded question the recorded answer; `answers` are the ones it gave
        this build (a thousand pages ask where one country's page is: it is looked up once)."""
        for question in self.asked:
            how, name, arguments, answer = question
            # an argument that is not a name is keyed by the object: hashing an entity would cost more than
            # asking again, and the trace keeps it alive (so its id is its own) until the build is over
            asked = (id(index), how, name, tuple(a if type(a) is str else (_ABSENT, id(a)) for a in arguments))
            now = answers.get(asked, _ABSENT)
            if now is _ABSENT:
                if how == "call":
                    now = getattr(index, name)(*arguments)
                elif how == "item":
                    now = getattr(index, name).get(arguments[0], _ABSENT)
                else:
                    now = getattr(index, name)
                answers[asked] = now
            if not same(answer, now):
                return False
        return True


class TracedIndex:
    """The index as one page reads it: what it is asked, and its answers, go into the page's `Trace`."""

    def __init__(self, index: object, trace: Trace) -> None:
        self._index, self._trace = index, trace

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self._index, name)
        if isinstance(value, Mapping):
            return _TracedMapping(name, value, self._trace)
        if callable(value):
            return _TracedMethod(name, value, self._trace)
        self._trace.asked.append(("attribute", name, (), value))
        return value


@dataclass(frozen=True)
class _TracedMethod:
    name: str
    method: Callable
    trace: Trace

    def __call__(self, *arguments: object) -> object:
        answer = self.method(*arguments)
        self.trace.asked.append(("call", self.name, arguments, answer))
        return answer


@dataclass(frozen=True)
class _TracedMapping:
    name: str
    mapping: Mapping
    trace: Trace

    def __getitem__(self, key: object) -> object:
        answer = self.mapping.get(key, _ABSENT)
        self.trace.asked.append(("item", self.name, (key,), answer))
        if answer is _ABSENT:
            raise KeyError(key)
        return answer

    def get(self, key: object, default: object = None) -> object:
        answer = self.mapping.get(key, _ABSENT)
        self.trace.asked.append(("item", self.name, (key,), answer))
        return default if answer is _ABSENT else answer

    def __contains__(self, key: object) -> bool:
        return self.get(key, _ABSENT) is not _ABSENT


@dataclass(frozen=True)
class _Rendered:
    context: dict[str, object]  # without the index
    trace: Trace
    output: object


class PageMemo:
    """The pages of the last build, each with what it was rendered from; `render` reuses a page whose
    inputs are unchanged. Kept by a preview server between builds; a one-off build has none."""

    def __init__(self) -> None:
        self._last: dict[tuple[str, str], _Rendered] = {}  # (template, page) -> how it was rendered
        self._next: dict[tuple[str, str], _Rendered] = {}
        self._same = _Comparison()
        self._answers: dict = {}  # (how, name, arguments) -> this build's index's answer
        self.reused = self.rendered = 0

    def start(self) -> None:
        """A new build: what the last one rendered is what this one may reuse."""
        self._last, self._next = {**self._last, **self._next}, {}
        self._same, self._answers = _Comparison(), {}
        self.reused = self.rendered = 0

    def finish(self) -> None:
        """The build rendered every page it has: pages it no longer has are forgotten."""
        self._last, self._next = self._next, {}
        self._same, self._answers = _Comparison(), {}

    def forget(self) -> None:
        self._last, self._next = {}, {}

    def render(self, template: str, page: str, context: dict[str, object],
               render: Callable[[str, str, dict[str, object]], object]) -> object:
        index = context.get("index")
        own = {key: value for key, value in context.items() if key != "index"}
        last = self._last.get((template, page))
        if (last is not None and last.context.keys() == own.keys()
                and all(self._same(last.context[key], value) for key, value in own.items())
                and last.trace.holds(index, self._same, self._answers)):
            self._next[template, page] = last
            self.reused += 1
            return last.output
        trace = Trace()
        output = render(template, page, {**own, "index": TracedIndex(index, trace)} if index is not None else own)
        self._next[template, page] = _Rendered(own, trace, output)
        self.rendered += 1
        return output
