"""The shape of the code: apps in layers, and no module importing itself round about.

`lint-imports` (the contracts in pyproject.toml) checks the imports between the
layers; a test here shows that its layers contract does break on an import from
below. The others check what imports cannot show: an app that reaches into a
higher one by a string model name ("casebook.CasePage", apps.get_model), a
template or URL name of its, or a reverse accessor of a higher app's relation
(region.cases, in code or templates), all of which break without an import error
when the higher app changes; and cycles between modules, which the layers
contract does not look for inside an app.
"""

import ast
import re
import sys
import tomllib
from pathlib import Path

import grimp
import pytest
from django.apps import apps
from importlinter.contracts.layers import LayersContract

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


def templates(package):
    return sorted((ROOT / package / "templates").rglob("*.html"))


def namespaces(package):
    """The URL namespace of the app's urls module, if it has one."""
    path = ROOT / package / "urls.py"
    found = re.search(r'^app_name = "(\w+)"', path.read_text(), re.M) if path.exists() else None
    return {found.group(1)} if found else set()


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


def layers_contract():
    contract = next(c for c in CONFIG["contracts"] if c["id"] == "layers")
    options = {key: value for key, value in contract.items() if key not in ("id", "name", "type")}
    return LayersContract(
        name=contract["name"],
        session_options={"root_packages": CONFIG["root_packages"]},
        contract_options=options,
    )


def test_the_layers_contract_breaks_when_a_lower_app_imports_a_higher_one():
    graph = grimp.build_graph(*APPS, cache_dir=None)
    contract = layers_contract()
    assert contract.check(graph, verbose=False).kept
    graph.add_import(
        importer="core.models",
        imported="casebook.models",
        line_number=1,
        line_contents="from casebook.models import CasePage",
    )
    assert not contract.check(graph, verbose=False).kept


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


def higher_names(package):
    """Labels, template folders and URL namespaces of the apps above `package`."""
    others = higher(package)
    labels = {label_of(other) for other in others}
    folders = {f"{other}/" for other in others}
    urls = {f"{name}:" for other in others for name in namespaces(other)}
    return labels, folders, urls


@pytest.mark.parametrize("package", [app for app in APPS if higher(app)])
def test_no_app_names_a_higher_apps_models_templates_or_urls(package):
    labels, folders, urls = higher_names(package)
    found = []
    for path in source_files(package):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                label, _, model = node.value.partition(".")
                named = label in labels and model.isidentifier()  # "casebook.casepage" too
                named |= node.value.endswith(".html") and node.value.startswith(tuple(folders))
                named |= node.value.startswith(tuple(urls))
                if named:
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
def test_no_apps_templates_name_a_higher_apps_templates_urls_or_accessors(package):
    _labels, folders, urls = higher_names(package)
    accessors = reverse_names(package)
    names = "|".join(map(re.escape, folders | urls))
    pattern = rf"""["'](?:{names})[^"']*["']"""
    if accessors:
        pattern += r"|\.(?:{})\b".format("|".join(map(re.escape, accessors)))
    pattern = re.compile(pattern)
    found = []
    for path in templates(package):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            for match in pattern.finditer(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {match.group()}")
    assert not found, "use a hook instead (guidelines/hooks.py):\n" + "\n".join(found)


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
                # "cases__title" in a lookup, or "cases" alone (prefetch_related, Count)
                used.append(node.value.split("__")[0])
            for name in used:
                if name in names:
                    where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
                    found.append(f"{where}: {name} ({names[name]})")
    assert not found, "use a registry or a hook instead (README, Layout):\n" + "\n".join(found)
