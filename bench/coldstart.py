"""Cold-start benchmark: server start, first page, and the cost of ``import deficiency``.

* ``streamlit run app.py`` → first ``ok`` from ``/_stcore/health`` (median of ``--repeat``),
  and the first session's first script run on that fresh process (it imports the pages,
  pandas, plotly… so the first visitor after a restart pays it).
* ``python -X importtime -c "import deficiency"``: the cumulative import time of the
  package and its biggest imports, from the interpreter's own report.
* ``import deficiency`` timed inside a fresh interpreter (median of ``--repeat``), and the
  heavy libraries it must not pull in at import time (pandas, plotly, streamlit, pyarrow,
  fpdf, segno, babel): the core is imported by the CLI and the tests too.

    python -m bench.coldstart [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from typing import Any

from bench.common import APP, LINK, ROOT, Session, median, ms, start_server

HEAVY = ("pandas", "plotly", "streamlit", "pyarrow", "fpdf", "segno", "babel", "scipy")


def importtime(module: str = "deficiency") -> dict[str, Any]:
    """Parse ``-X importtime``: (cumulative µs of ``module``, biggest imports under it)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    rows = []
    for line in out.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative_us, name = line.split(":", 1)[1].split("|")
        rows.append((name.strip(), int(self_us), int(cumulative_us)))
    total = next(cum for name, _, cum in rows if name == module)
    top_level = {name: cum for name, _, cum in rows if "." not in name and name != module}
    biggest = sorted(top_level.items(), key=lambda kv: -kv[1])[:6]
    return {
        "total_ms": round(total / 1000, 1),
        "biggest": [(name, round(cum / 1000, 1)) for name, cum in biggest],
    }


def fresh_import(repeat: int) -> dict[str, Any]:
    code = (
        "import time, sys; t = time.perf_counter(); import deficiency; "
        "d = time.perf_counter() - t; "
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})); "
        "print(d, ','.join(heavy))"
    )
    times, heavy, walls = [], "", []
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.split()
        walls.append(time.perf_counter() - start)
        times.append(float(out[0]))
        heavy = out[1] if len(out) > 1 else ""
    bare = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - start)
    return {
        "import_ms": ms(median(times)),
        "process_ms": ms(median(walls)),
        "python_startup_ms": ms(median(bare)),
        "heavy_imported": heavy.split(",") if heavy else [],
    }


async def _first_run(ws_url: str) -> float:
    session = Session(ws_url, LINK)
    start = time.perf_counter()
    await session.open()
    run = await session.run()
    await session.close()
    if run.exceptions:
        raise RuntimeError(run.exceptions[0])
    return time.perf_counter() - start


def server_start(repeat: int) -> dict[str, Any]:
    healthy, first = [], []
    for _ in range(repeat):
        server = start_server(APP)
        try:
            healthy.append(server.healthy_after)
            first.append(asyncio.run(_first_run(server.ws_url)))
        finally:
            server.stop()
    return {
        "health_ms": ms(median(healthy)),
        "health_max_ms": ms(max(healthy)),
        "first_run_ms": ms(median(first)),
    }


def run(repeat: int = 5) -> dict[str, Any]:
    return {
        **server_start(max(3, repeat // 2 + 1)),
        "importtime": importtime(),
        **fresh_import(repeat),
        "repeat": repeat,
    }


def report(r: dict[str, Any]) -> str:
    biggest = ", ".join(f"{n} {c} ms" for n, c in r["importtime"]["biggest"])
    heavy = ", ".join(r["heavy_imported"]) or "none"
    return "\n".join(
        [
            "Cold start",
            f"  streamlit run app.py → /_stcore/health ok: {r['health_ms']} ms "
            f"(max {r['health_max_ms']})",
            f"  first session's first run on a fresh server: {r['first_run_ms']} ms",
            f"  -X importtime 'import deficiency' cumulative: {r['importtime']['total_ms']} ms "
            f"(biggest: {biggest})",
            f"  import deficiency in a fresh interpreter: {r['import_ms']} ms "
            f"(whole process {r['process_ms']} ms; bare python {r['python_startup_ms']} ms)",
            f"  heavy libraries imported by 'import deficiency' ({', '.join(HEAVY)}): {heavy}",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(report(run(args.repeat)))


if __name__ == "__main__":
    main()
