"""The page parser must run without Django: it is imported by benchmarks and tools outside the project."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap

from tests.seedpages import REPO_ROOT, SEED_DIR, seed_name

PARSING_DIR = REPO_ROOT / "articles" / "parsing"

SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path

    import articles.parsing as parsing

    counts = {}
    root = Path(sys.argv[1])
    for path in sorted(root.rglob("*.txt")):
        page = parsing.parse_page(parsing.read_page(path))
        counts[path.relative_to(root).as_posix()] = len(page.articles)

    django = sorted(name for name in sys.modules if name == "django" or name.startswith("django"))
    print(json.dumps({"counts": counts, "django": django}))
    """
)


def _clean_env() -> dict[str, str]:
    """The current environment without DJANGO_SETTINGS_MODULE and friends, so nothing leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "PYTEST"))}
    env["PYTHONPATH"] = str(REPO_ROOT)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_parsing_every_seed_loads_no_django_module():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SEED_DIR)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    expected = {"000": 6, "001": 2, "002": 6, "003": 8, "004": 9}
    assert report["counts"] == {seed_name(prefix): n for prefix, n in expected.items()}
    assert report["django"] == []


def _imported_modules(path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_no_parsing_module_imports_django():
    files = sorted(PARSING_DIR.glob("*.py"))
    assert {f.name for f in files} >= {
        "__init__.py", "records.py", "decoding.py", "lines.py", "bylines.py",
        "markers.py", "headlines.py", "segment.py", "body.py", "page.py",
    }
    for path in files:
        imported = _imported_modules(path)
        assert not {m for m in imported if m == "django" or m.startswith("django.")}, path.name
        # Nor the rest of the project (models, services), which would pull Django in.
        project = {m for m in imported if m == "articles" or m.startswith("articles.")}
        assert all(m.startswith("articles.parsing") for m in project), (path.name, project)
        # The shared text rules are Django-free too (tests/test_layers.py); nothing else of ours.
        others = {m for m in imported if m.split(".")[0] in {"editorial", "linking", "public", "search"}}
        assert not others, (path.name, others)


def test_no_dynamic_imports_in_parsing():
    for path in sorted(PARSING_DIR.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "importlib" not in source and "__import__" not in source, path.name
