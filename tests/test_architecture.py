"""The shape of the code: apps in layers, and no module importing itself round about.

`lint-imports` (the contracts in pyproject.toml) checks the imports between the
layers. These tests check what imports cannot show: an app that reaches into a
higher one by a string model name ("casebook.CasePage", apps.get_model) or by a
reverse accessor of a higher app's relation (region.cases), both of which break
without an import error when the higher app changes; and cycles between modules,
including imports inside functions, which import-linter's layers do not see.
"""

import ast
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def layers():
    """Package name -> its layer's height (0 = the bottom), from the layers contract."""
    contract = next(c for c in CONFIG["contracts"] if c["id"] == "layers")
    names = reversed(contract["layers"])
    return {
        package.strip(): height
        for height, layer in enumerate(names)
        for package in layer.split("|")
    }


LAYERS = layers()
APPS = sorted(LAYERS)


def source_files(package):
    """The package's modules, without migrations (frozen history, not code paths)."""
    return [
        path
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    ]


def label_of(package):
    return next(config.label for config in apps.get_app_configs() if config.name == package)


def higher(package):
    return [other for other in APPS if LAYERS[other] > LAYERS[package]]


def test_the_layers_name_every_app_of_ours():
    ours = {config.name for config in apps.get_app_configs() if (ROOT / config.name).is_dir()}
    assert ours == set(APPS)


def strongly_connected(edges):
    """Tarjan's algorithm: the sets of modules that import each other, round about."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in edges[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = set()
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.add(other)
                if other == module:
                    break
            found.append(component)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(edges)))
    try:
        for module in edges:
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_strongly_connected_finds_a_cycle_and_nothing_else():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert sorted(map(sorted, strongly_connected(edges))) == [["a", "b", "c"], ["d"]]


def ancestors(module):
    parts = module.split(".")
    return {".".join(parts[:n]) for n in range(1, len(parts))}


def import_edges(graph):
    """Module -> the modules that importing it runs: what it imports (inside
    functions too: grimp reads every import statement) and the packages around
    those, whose __init__ Python runs first, unless they are its own."""
    edges = {}
    for module in graph.modules:
        imported = graph.find_modules_directly_imported_by(module) & graph.modules
        runs = set(imported)
        for other in imported:
            runs |= (ancestors(other) - ancestors(module) - {module}) & graph.modules
        edges[module] = runs
    return edges


def test_importing_a_module_runs_the_packages_around_it():
    graph = grimp.ImportGraph()
    for module in ("app", "app.models", "app.models.editions", "app.feeds"):
        graph.add_module(module)
    graph.add_import(importer="app.feeds", imported="app.models.editions")
    graph.add_import(importer="app.models", imported="app.models.editions")
    edges = import_edges(graph)
    assert edges["app.feeds"] == {"app.models.editions", "app.models"}
    assert edges["app.models"] == {"app.models.editions"}  # its own package: no edge


def test_no_module_imports_itself_round_about():
    graph = grimp.build_graph(*APPS, cache_dir=None)
    edges = import_edges(graph)
    cycles = [sorted(c) for c in strongly_connected(edges) if len(c) > 1]
    assert not cycles, "modules that import each other:\n" + "\n".join(map(str, cycles))


@pytest.mark.parametrize("package", [app for app in APPS if higher(app)])
def test_no_app_names_a_higher_apps_models_by_string(package):
    labels = {label_of(other) for other in higher(package)}
    found = []
    for path in source_files(package):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                label, _, model = node.value.partition(".")
                if label in labels and model[:1].isupper() and model.isidentifier():
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", None) == "get_model"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and str(node.args[0].value).split(".")[0] in labels
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: get_model")
    assert not found, "use a registry or a hook instead (README, Layout):\n" + "\n".join(found)


def reverse_names(package):
    """The reverse accessors and query names that higher apps' relations give to
    this app's models (region.cases, filter(case_links__...)), with where they come from."""
    names = {}
    for other in higher(package):
        for model in apps.get_app_config(label_of(other)).get_models():
            for field in model._meta.get_fields(include_hidden=False):
                target = getattr(field, "related_model", None)
                # Relations this model declares (foreign keys, many-to-many, parental
                # keys), not the reverse ones Django adds, nor page_ptr.
                if not field.is_relation or field.auto_created or target is None:
                    continue
                if target._meta.app_config.name != package or field.remote_field.hidden:
                    continue
                where = f"{model._meta.label}.{field.name}"
                names[field.remote_field.get_accessor_name()] = where
                names[field.related_query_name()] = where
    return names


def test_reverse_names_are_those_of_the_casebooks_relations_to_guidance():
    names = reverse_names("guidelines")
    assert {"cases", "meetings", "case_links"} <= set(names)
    assert names["case_links"] == "casebook.CaseRecommendation.document"
    assert names["meetings"] == "casebook.MeetingPage.region"


@pytest.mark.parametrize("package", [app for app in APPS if higher(app)])
def test_no_app_uses_a_higher_apps_reverse_accessors(package):
    names = reverse_names(package)
    found = []
    for path in source_files(package):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            used = []
            if isinstance(node, ast.Attribute):
                used.append(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                used.append(node.arg.split("__")[0])
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                used.append(node.value.split("__")[0] if "__" in node.value else None)
            for name in used:
                if name in names:
                    where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
                    found.append(f"{where}: {name} ({names[name]})")
    assert not found, "use a registry or a hook instead (README, Layout):\n" + "\n".join(found)
