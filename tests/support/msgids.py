"""The message ids a core package marks with ``N_``, read from its source files."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType


def n_literals(module: ModuleType) -> set[str]:
    """Every string literal passed to ``N_()`` in ``module``, or in every file of a package
    (a split package keeps its texts in several modules)."""
    path = Path(module.__file__ or "")
    files = sorted(path.parent.rglob("*.py")) if path.name == "__init__.py" else [path]
    found: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_":
                (arg,) = node.args
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                found.add(arg.value)
    return found
