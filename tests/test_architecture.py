"""The house: stage folders in the order data flows, no import cycle, no stage reaching into a later one.

Every import of `generator/` is read from the source (type-only and function-level imports included), so
a cycle or a backward dependency fails here before it confuses a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT

PACKAGE = PROJECT / "generator"
#: The order data flows in: a module may import its own stage, the stages before it and the shared floor.
LAYERS = (
    ("generator", "generator.resources", "generator.text"),
    ("generator.model",),
    ("generator.errors", "generator.stage_cache"),
    ("generator.ingest",),
    ("generator.protect",),
    ("generator.clean",),
    ("generator.extract",),
    ("generator.assemble",),
    ("generator.render",),
    ("generator.export",),
    ("generator.pipeline",),
    ("generator.site",),
    ("generator.cli",),
    ("generator.__main__",),
)
STAGES = ("ingest", "protect", "clean", "extract", "assemble", "render", "export", "site", "text")
MAX_LOOSE_MODULES = 8


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def _imports() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{name}: a relative import (write it absolute: generator.…)"
                if node.module and node.module.split(".")[0] == "generator":
                    for alias in node.names:
                        full = f"{node.module}.{alias.name}"
                        found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "generator"}
        graph[name] = {target for target in found if target != name}
    return graph


def _layer(module: str) -> int:
    best = max((prefix for layer in LAYERS for prefix in layer if module == prefix or module.startswith(prefix + ".")),
               key=len)
    return next(index for index, layer in enumerate(LAYERS) if best in layer)


def test_every_module_belongs_to_a_layer_and_stages_are_folders():
    for module in _modules():
        _layer(module)  # raises if a module sits outside every layer
    folders = {path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()}
    assert set(STAGES) <= folders
    loose = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(loose) <= MAX_LOOSE_MODULES, loose


def test_no_stage_imports_a_later_one():
    backward = [f"{module} imports {target}" for module, targets in _imports().items() for target in targets
                if _layer(target) > _layer(module)]
    assert backward == []


def test_no_import_cycle():
    graph = _imports()
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done

    def walk(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target):], target] if target in path else [*path, target]
            if target not in state and (cycle := walk(target, [*path, target])):
                return cycle
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            assert (cycle := walk(module, [module])) is None, " -> ".join(cycle)


def test_the_data_model_holds_data_only():
    """The ground floor imports nothing of the generator but itself: every stage can use it, it uses none."""
    for module, targets in _imports().items():
        if module == "generator.model" or module.startswith("generator.model."):
            assert all(target.startswith("generator.model.") for target in targets), (module, targets)


MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def test_no_module_over_400_lines_and_no_function_over_80():
    too_long = []
    for name, path in sorted(_modules().items()):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_MODULE_LINES:
            too_long.append(f"{name}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - min([node.lineno, *(d.lineno for d in node.decorator_list)]) + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines")
    assert too_long == []


def _names_imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


def test_one_jinja_environment_and_one_place_for_escaping():
    """Every template is rendered by `render.environment`'s one environment, and text becomes markup only
    through `render.escaping`: a second environment or escaper would drift from it (quotes, XML's forbidden
    characters, what Material's search reads back)."""
    escapers = {"html.escape", "xml.sax.saxutils.escape", "markupsafe.escape", "markupsafe.Markup", "markupsafe"}
    for name, path in sorted(_modules().items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        environments = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                        and node.attr == "Environment"]
        html_module = [node for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "escape"
                       and isinstance(node.value, ast.Name) and node.value.id == "html"]
        if name != "generator.render.environment":
            assert not environments, f"{name} makes a Jinja environment"
        if name != "generator.render.escaping":
            assert not (_names_imported(tree) & escapers) and not html_module, f"{name} escapes on its own"
