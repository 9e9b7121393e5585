"""The JSON command line: scripts, counselors' tools and tests share the app's engine.

Exit codes: 0 success, 2 invalid input (one line per bad key on stderr, nothing on stdout).
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from typing import Any

from deficiency.core.scenario import ScenarioError, validate
from deficiency.interface.report import full_report


def _load(source: str) -> Any:
    if source == "-":
        text = sys.stdin.read()
    else:
        with open(source, encoding="utf-8") as handle:
            text = handle.read()
    # Decimals, not floats: 0.1 typed in JSON must stay exactly 0.1. NaN/Infinity rejected.
    return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deficiency", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser(
        "evaluate", help="evaluate a scenario given as JSON (a file or - for stdin)"
    )
    ev.add_argument("file")
    args = parser.parse_args(argv)

    try:
        data = _load(args.file)
    except (OSError, ValueError) as exc:
        print(f"input: cannot read JSON: {exc}", file=sys.stderr)
        return 2
    if not isinstance(data, dict):
        print("input: a scenario must be a JSON object", file=sys.stderr)
        return 2
    try:
        report = full_report(validate(data))
    except ScenarioError as exc:
        for issue in exc.issues:
            print(issue.text(), file=sys.stderr)
        return 2
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
