"""The layers import one way (docs/architecture.md): text <- articles <- search, linking, screening <- editorial | public | api.

Read from the source with ast, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.seedpages import REPO_ROOT

OURS = ("api", "articles", "editorial", "linking", "public", "screening", "search", "text")
# What each package may import of ours, besides itself.
ALLOWED = {
    "text": set(),
    "articles": {"text"},
    "search": {"articles", "text"},
    "linking": {"articles", "text"},
    "screening": {"articles", "text"},
    "editorial": {"articles", "linking", "screening", "search", "text"},
    "public": {"articles", "linking", "search", "text"},  # the site and the desk are siblings
    "api": {"articles", "linking", "search", "text"},  # the app's API: a sibling of both
}


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def sources(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def ours_imported(path: Path) -> set[str]:
    return {m.split(".")[0] for m in imported_modules(path)} & set(OURS)


@pytest.mark.parametrize("package", OURS)
def test_each_layer_imports_only_the_layers_below(package):
    assert sources(package)
    wrong = {
        str(path.relative_to(REPO_ROOT)): sorted(found)
        for path in sources(package)
        if (found := ours_imported(path) - {package} - ALLOWED[package])
    }
    assert not wrong, f"{package} may import only {sorted(ALLOWED[package])} of ours: {wrong}"


def test_the_core_imports_no_sibling_app():
    siblings = {"api", "public", "editorial", "search", "linking", "screening"}
    wrong = {str(p.relative_to(REPO_ROOT)): sorted(ours_imported(p) & siblings) for p in sources("articles")}
    assert not {path: found for path, found in wrong.items() if found}


def test_linking_and_search_import_no_views():
    for package in ("linking", "screening", "search"):
        for path in sources(package):
            views = {m for m in imported_modules(path) if m.endswith(".views") or m.startswith("public")}
            assert not views, (str(path), views)


def test_text_is_django_free():
    for path in sources("text"):
        django = {m for m in imported_modules(path) if m == "django" or m.startswith("django.")}
        assert not django, (str(path), django)
