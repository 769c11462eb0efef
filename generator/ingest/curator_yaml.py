"""The curator's YAML (sidecars and the registry), read so that no value can stop the build.

`yaml.safe_load` is safe against code execution but not against values it cannot build or
documents that explode: `2025-02-31` raises ValueError, a 5,000-digit number exceeds Python's
integer-string limit, 3,000 nested brackets exhaust the recursion limit, and a few hundred
bytes of anchors and aliases expand into gigabytes. Here anchors and aliases are refused (a
curator's file never needs them), nesting is capped, and a date or number YAML cannot build
stays the text it was written as, for the caller's own checks to judge.
"""

from __future__ import annotations

import yaml

from generator.errors import input_error, shorten

MAX_DEPTH = 20


class CuratorYamlError(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


class _CuratorLoader(yaml.SafeLoader):
    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent) or getattr(self.peek_event(), "anchor", None):
            mark = self.peek_event().start_mark
            raise CuratorYamlError("uses YAML anchors or aliases (& and *), which are not allowed here; "
                                   "write each value out", mark.line + 1)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise CuratorYamlError(f"nests lists or mappings more than {MAX_DEPTH} levels deep", mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _as_written_on_failure(constructor):
    """A scalar YAML recognises (a date, an integer) but cannot build is kept as its text."""
    def construct(loader, node):
        try:
            return constructor(loader, node)
        except (ValueError, OverflowError):
            return node.value
    return construct


#: libyaml's parser, when PyYAML was built with it: a 10,000-entry registry parses in a tenth of the time.
_FAST = getattr(yaml, "CSafeLoader", None)


class _FastCuratorLoader(_FAST or yaml.SafeLoader):  # type: ignore[misc]
    """The same document as `_CuratorLoader`, parsed and composed in C once `_refusals` has passed its events."""


for _loader in (_CuratorLoader, _FastCuratorLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp",
                            _as_written_on_failure(yaml.SafeLoader.construct_yaml_timestamp))
    _loader.add_constructor("tag:yaml.org,2002:int", _as_written_on_failure(yaml.SafeLoader.construct_yaml_int))
    _loader.add_constructor("tag:yaml.org,2002:float", _as_written_on_failure(yaml.SafeLoader.construct_yaml_float))


def _refusals(text: str) -> None:
    """What `_CuratorLoader.compose_node` refuses (anchors and aliases, nesting too deep), found in the
    C parser's events before anything is composed."""
    try:
        _refuse_events(text)
    except yaml.YAMLError as error:  # libyaml's own nesting limit, met while it reads ahead of our count
        if "nesting depth" not in str(error):
            raise
        mark = getattr(error, "problem_mark", None)
        raise CuratorYamlError(f"nests lists or mappings more than {MAX_DEPTH} levels deep",
                               mark.line + 1 if mark else None) from None


def _refuse_events(text: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_FastCuratorLoader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise CuratorYamlError("uses YAML anchors or aliases (& and *), which are not allowed here; "
                                   "write each value out", event.start_mark.line + 1)
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if depth + 1 > MAX_DEPTH:
                raise CuratorYamlError(f"nests lists or mappings more than {MAX_DEPTH} levels deep",
                                       event.start_mark.line + 1)
            depth += not isinstance(event, yaml.ScalarEvent)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load_curator_yaml(data: bytes, name: str, hint: str) -> object:
    """The document in `data`, or an `InputError` naming the file, the line and what is wrong."""
    return _load(data, name, hint, with_lines=False)[0]


def load_curator_yaml_with_lines(data: bytes, name: str, hint: str) -> tuple[object, dict[str, int]]:
    """The document, and the line of each key and item by its path (`entities[3].kind`), so that a
    message can say where to look without quoting what is written there."""
    return _load(data, name, hint, with_lines=True)


def _load(data: bytes, name: str, hint: str, with_lines: bool) -> tuple[object, dict[str, int]]:
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise input_error(name, f"is not valid UTF-8 (byte {error.start}).", "Re-save it as UTF-8.",
                          line=data[:error.start].count(b"\n") + 1) from None
    try:
        if _FAST is not None:
            _refusals(text)
        loader = (_FastCuratorLoader if _FAST is not None else _CuratorLoader)(text)
        try:
            node = loader.get_single_node()
            document = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
        lines: dict[str, int] = {}
        if node is not None and with_lines:
            _lines(node, "", lines)
        return document, lines
    except CuratorYamlError as error:
        raise input_error(name, f"{error.message}.", hint, line=error.line) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or "invalid YAML"
        raise input_error(name, f"is not valid YAML ({shorten(str(reason))}).", hint,
                          line=mark.line + 1 if mark else None) from None
    except (RecursionError, MemoryError):
        raise input_error(name, "is too deeply nested or too large to read as YAML.", hint) from None


def _lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            sub = f"{path}.{key.value}" if path else str(key.value)
            lines[sub] = key.start_mark.line + 1
            _lines(value, sub, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _lines(item, f"{path}[{index}]", lines)



