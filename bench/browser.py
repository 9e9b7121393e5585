"""Browser benchmark: the app against a bare Streamlit page, side by side in one run (issue 16).

Four servers run at once with the project's config: the app (``app.py``), the bare page
(``bench/minimal_app.py``: two number inputs and a metric) and a second reference, the
Calculator's widgets with nothing behind them (``bench/bare_app.py``: what Streamlit itself
costs for a page with that many elements); and, for "open" only, one small Plotly chart
(``bench/minimal_chart_app.py``: the floor for What if, whose figure is a chart). Headless
Chromium on loopback drives them the same way, in turn on every repeat so that a busy moment
of the machine falls on each:

* **open** a shared link → the figure is visible. Timed inside the page from the navigation
  start (``performance.timeOrigin``) by a MutationObserver installed before any page
  script runs, in a fresh browser context each time (no HTTP cache: a new visitor).
  Calculator and bare page: the "Deficiency balance" metric shows $50,000.00. What if: its
  first chart is drawn (Plotly's ``svg.main-svg``): the page's figure is a chart.
* **update**: an input changed → the new figure visible, timed from the Enter keydown
  (captured in the page) to the new text. Calculator and bare page: "Sale price" → the
  metric. What if: RATE_LABEL → the sentence "Each month of waiting adds about …".

Median of ``--repeat`` (10) after one warm-up visit per server. Target (issue 16): each
app figure within 1.5× the bare page's from the same run.

    python -m bench.browser [--repeat 10]
"""

from __future__ import annotations

import argparse
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from bench.common import (
    APP,
    BARE_APP,
    LINK,
    LINK_DEFICIENCY,
    ROOT,
    dollars,
    launch_chromium,
    median,
    running,
)

#: The What if page's rate input (``deficiency/text/labels.py``, key ``rate``).
RATE_LABEL = "Interest rate on the loan (percent a year)"
MINIMAL_APP = ROOT / "bench" / "minimal_app.py"
#: One small Plotly chart: the floor for What if, whose figure is a chart (open only).
MINIMAL_CHART_APP = ROOT / "bench" / "minimal_chart_app.py"
#: Issue 16: open-to-figure and input-to-update within this multiple of the bare page.
RATIO_TARGET = 1.5

OBSERVER = """
window.__bench = {done: null, start: null};
window.__want = %s;
window.__kind = %s;
const __visible = el => el && el.offsetParent !== null;
const __check = () => {
  if (window.__kind === 'chart') {
    return [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg.main-svg')]
      .some(__visible);
  }
  if (window.__kind === 'text') {
    return [...document.querySelectorAll('[data-testid="stMain"] p')].some(
      p => __visible(p) && p.textContent.includes(window.__want));
  }
  for (const m of document.querySelectorAll('[data-testid="stMetric"]')) {
    const label = m.querySelector('[data-testid="stMetricLabel"]');
    const value = m.querySelector('[data-testid="stMetricValue"]');
    if (label && value && label.textContent.trim() === 'Deficiency balance'
        && value.textContent.trim() === window.__want && __visible(value)) {
      return true;
    }
  }
  return false;
};
const __tick = () => {
  if (window.__bench.done === null && __check()) window.__bench.done = performance.now();
};
// Visible can change without a node being added (a parent's style or class): watch
// attributes too, and check once per frame as well.
new MutationObserver(__tick).observe(document, {
  subtree: true, childList: true, characterData: true, attributes: true,
});
const __frame = () => { __tick(); requestAnimationFrame(__frame); };
requestAnimationFrame(__frame);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') window.__bench.start = performance.now();
}, true);
"""


def _wait_idle(page: Any) -> None:
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=30_000
    )
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000
    )


def _page(context: Any, url: str, want: str, kind: str) -> tuple[Any, float]:
    """A new tab on ``url``: the tab and the ms from navigation start to the figure."""
    page = context.new_page()
    page.add_init_script(OBSERVER % (repr(want), repr(kind)))
    page.goto(url, wait_until="commit")
    page.wait_for_function("() => window.__bench && window.__bench.done !== null", timeout=60_000)
    elapsed = page.evaluate("window.__bench.done")
    _wait_idle(page)
    return page, elapsed


def _open(browser: Any, url: str, want: str, kind: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        return _page(context, url, want, kind)[1]
    finally:
        context.close()


def _change(page: Any, field: str, value: str, want: str, kind: str) -> float:
    """Type ``value`` into ``field`` and press Enter: ms from the key to the new figure."""
    page.evaluate(
        "([w, k]) => { window.__want = w; window.__kind = k; window.__bench.done = null;"
        " window.__bench.start = null; }",
        [want, kind],
    )
    box = page.get_by_role("spinbutton", name=field)
    box.fill(value)
    box.press("Enter")
    page.wait_for_function("() => window.__bench.done !== null", timeout=30_000)
    done, start = page.evaluate("[window.__bench.done, window.__bench.start]")
    _wait_idle(page)
    return done - start


def _price_change(i: int) -> tuple[str, str]:
    """The i-th sale price typed, and the deficiency it must show (alternating around 200k)."""
    price = 200_000 + 1_000 * (i + 1) * (1 if i % 2 else -1)
    return f"{price}", dollars((250_000 - price) * 100)


def _rate_change(i: int) -> tuple[str, str]:
    """The i-th note rate typed, and the interest per month it must show on $250,000."""
    rate_bp = 500 + 25 * (i + 1)  # 5.25 %, 5.50 %, …: every value differs from the last
    monthly = Decimal(250_000 * 100 * rate_bp) / (10_000 * 12)  # cents, half-up as the core
    cents = int(monthly.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return f"{rate_bp / 100:.2f}", f"{dollars(cents)} interest"


def _updates(browser: Any, url: str, kind: str, repeat: int) -> list[float]:
    """``repeat`` updates on one tab (the first change, which loads lazy code, not counted)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    want, opened_kind = (LINK_DEFICIENCY, "metric") if kind != "whatif" else ("", "chart")
    page, _ = _page(context, url, want, opened_kind)
    out = []
    for i in range(repeat + 1):
        if kind == "whatif":
            value, shown = _rate_change(i)
            took = _change(page, RATE_LABEL, value, shown, "text")
        else:
            value, shown = _price_change(i)
            took = _change(page, "Sale price", value, shown, "metric")
        if i:
            out.append(took)
    context.close()
    return out


def run(repeat: int = 10) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    query = f"?{LINK}"
    with (
        running(APP) as app,
        running(MINIMAL_APP) as bare,
        running(BARE_APP) as widgets,
        running(MINIMAL_CHART_APP) as chart,
        sync_playwright() as p,
    ):
        browser = launch_chromium(p)
        targets = {
            "calculator": (f"{app.url}/{query}", LINK_DEFICIENCY, "metric"),
            "whatif": (f"{app.url}/whatif{query}", "", "chart"),
            "bare": (f"{bare.url}/{query}", LINK_DEFICIENCY, "metric"),
            "widgets": (f"{widgets.url}/{query}", LINK_DEFICIENCY, "metric"),
            "chart": (f"{chart.url}/{query}", "", "chart"),
        }
        for url, want, kind in targets.values():  # warm-up: the servers import their pages
            _open(browser, url, want, kind)
        opens: dict[str, list[float]] = {name: [] for name in targets}
        for _ in range(repeat):
            for name, (url, want, kind) in targets.items():
                opens[name].append(_open(browser, url, want, kind))
        updates = {
            name: _updates(browser, targets[name][0], name, repeat)
            for name in targets
            if name != "chart"  # open only: it has no figure that an input changes
        }
        browser.close()
    result: dict[str, Any] = {"repeat": repeat}
    for name in targets:
        result[f"open_{name}_ms"] = round(median(opens[name]), 1)
        if name in updates:
            result[f"update_{name}_ms"] = round(median(updates[name]), 1)
    result["open_whatif_vs_chart"] = round(result["open_whatif_ms"] / result["open_chart_ms"], 2)
    for name in ("calculator", "whatif", "widgets"):
        for measure in ("open", "update"):
            ratio = result[f"{measure}_{name}_ms"] / result[f"{measure}_bare_ms"]
            result[f"{measure}_{name}_ratio"] = round(ratio, 2)
            result[f"{measure}_{name}_ok"] = ratio <= RATIO_TARGET
    return result


def report(r: dict[str, Any]) -> str:
    def verdict(ok: bool) -> str:
        return "PASS" if ok else "FAIL"

    lines = [
        f"Browser vs a bare page (headless Chromium, loopback, median of {r['repeat']}, "
        f"same run; target ≤ {RATIO_TARGET}× bare)",
        f"  bare page: open → figure {r['open_bare_ms']} ms; "
        f"Sale price → figure {r['update_bare_ms']} ms",
        f"  the Calculator's widgets with nothing behind them (bench/bare_page.py), Streamlit's "
        f"own cost for that many elements: open → figure {r['open_widgets_ms']} ms "
        f"({r['open_widgets_ratio']}×); Sale price → figure {r['update_widgets_ms']} ms "
        f"({r['update_widgets_ratio']}×)",
        f"  one small Plotly chart and nothing else (bench/minimal_chart_app.py), the floor for a "
        f"page whose figure is a chart: open → chart {r['open_chart_ms']} ms "
        f"(What if: {r['open_whatif_vs_chart']}× that)",
    ]
    for name, title in (("calculator", "Calculator"), ("whatif", "What if")):
        lines.append(
            f"  {title}: open → figure {r[f'open_{name}_ms']} ms "
            f"({r[f'open_{name}_ratio']}×: {verdict(r[f'open_{name}_ok'])}); "
            f"input → figure {r[f'update_{name}_ms']} ms "
            f"({r[f'update_{name}_ratio']}×: {verdict(r[f'update_{name}_ok'])})"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    print(report(run(args.repeat)))


if __name__ == "__main__":
    main()
