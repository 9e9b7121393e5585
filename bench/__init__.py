"""Benchmarks of the deficiency dashboard (issue 9): run them all with ``python -m bench.run_all``.

Each module is also runnable on its own (``python -m bench.engine`` …) and exposes
``run(...) -> dict`` returning its figures; :mod:`bench.run_all` prints a summary table.
Everything runs on loopback: servers on 127.0.0.1, Debian's Chromium, no network.
"""
