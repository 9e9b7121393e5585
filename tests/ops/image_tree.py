"""What the container image holds, without Docker: the build context and the baked-in ENV.

No Docker daemon here, so the tests rebuild the image's ``/app`` the way ``deploy/Dockerfile``
does: the files of the build context that ``.dockerignore`` lets in (Docker's matching
rules, below), then the Dockerfile's own ``RUN`` steps that shape ``/app`` (translations
compiled, bytecode compiled). The app is then run from that tree with the Dockerfile's
``ENV``: a module, a data file or a catalog the image would miss fails the test.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
BIN = Path(sys.executable).parent


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A ``.dockerignore`` pattern (Go ``filepath.Match`` plus ``**``) as a regex."""
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        elif pattern[i] == "?":
            out += "[^/]"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


@cache
def ignore_rules() -> tuple[tuple[bool, re.Pattern[str]], ...]:
    """(excludes, regex) per line of ``.dockerignore``, in order (the last match wins)."""
    rules = []
    for raw in DOCKERIGNORE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        pattern = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
        rules.append((not negated, _pattern_regex(pattern)))
    return tuple(rules)


def in_context(path: str) -> bool:
    """Docker's rule: a pattern matches a path or any of its parent directories; the last
    matching line decides; a ``!`` line lets back in."""
    parts = path.split("/")
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    excluded = False
    for excludes, regex in ignore_rules():
        if any(regex.match(c) for c in candidates):
            excluded = excludes
    return not excluded


def context_files() -> list[str]:
    """Every file of the project (work tree, .venv and .git left out) the image would get."""
    found = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        rel_dir = os.path.relpath(dirpath, ROOT)
        dirnames[:] = [d for d in dirnames if rel_dir != "." or d not in (".git", ".venv")]
        for name in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if in_context(rel):
                found.append(rel)
    return sorted(found)


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of the Dockerfile, continuation lines joined."""
    lines: list[str] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        lines.append(pending + stripped)
        pending = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def dockerfile_env() -> dict[str, str]:
    """The ``ENV`` the image runs with (``KEY=value`` form, as this Dockerfile writes it)."""
    env: dict[str, str] = {}
    for instruction, args in dockerfile_instructions():
        if instruction == "ENV":
            for word in shlex.split(args):
                key, _, value = word.partition("=")
                env[key] = value
    return env


def build_tree(dest: Path) -> Path:
    """``/app`` of the image in ``dest``: the context's files, then the Dockerfile's
    ``RUN`` steps that change ``/app`` (pybabel compile, compileall), with this venv's
    tools standing in for the image's."""
    app = dest / "app"
    for rel in context_files():
        target = app / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    steps = [
        args
        for instruction, args in dockerfile_instructions()
        if instruction == "RUN" and ("pybabel" in args or "compileall" in args)
    ]
    assert steps, "deploy/Dockerfile no longer compiles translations and bytecode"
    for step in steps:
        subprocess.run(
            step,
            shell=True,
            cwd=app,
            check=True,
            capture_output=True,
            env={**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"},
        )
    return app
