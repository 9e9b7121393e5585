"""Accessibility and phone-width audit of every page, shared by the tests and a script.

Why one module: the axe test, the width test and the screenshots a person looks at before
an accessibility change is accepted must open the same pages the same way (a filled
scenario, each language, each width), or a fix checked in one would be missed in another.

Run ``.venv/bin/python -m tests.browser.audit`` to print every serious or critical axe-core
violation and every page wider than its viewport, and to save full-page screenshots of the
nine pages in en/ja/es at 1280 and 390 px under ``artifacts/a11y/``.
"""

from __future__ import annotations

import argparse
import ast
import collections
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.common import CHROMIUM, CHROMIUM_ARGS, running
from tests.browser.conftest import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "artifacts" / "a11y"


def app_pages() -> tuple[tuple[str, str], ...]:
    """(URL path, page file) of every page of app.py's menu, in its order; the default page's
    path is "" (it opens at /). Read from app.py, so a new page is checked without a list
    here to update."""
    pages: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            default = keywords.get("default")
            is_default = isinstance(default, ast.Constant) and default.value is True
            url = keywords.get("url_path")
            path = "" if is_default else (url.value if isinstance(url, ast.Constant) else "")
            pages.append((path, node.args[0].value))
    return tuple(pages)


#: Every page of the menu, by URL path ("" is the calculator).
PAGES = tuple(path for path, _file in app_pages())
LANGS = ("en", "ja", "es")
WIDTHS = (1280, 390)
#: A filled scenario: fees in three groups, a state with its own rule, a sale date; so every
#: section, chart and table a reader can reach is drawn (an empty scenario hides most).
SCENARIO = (
    "v=1&balance=250000&interest=1000&late_fees=200&legal_fees=300&sale_costs=400"
    "&sale_price=200000&state=AZ&sale_date=2025-09-15&dofd=2025-01-10"
)
#: WCAG 2.0/2.1/2.2 level A and AA rules (axe-core tags).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = ("serious", "critical")

# The widest element of the page, from the browser: what sticks out and by how much. Every
# drawn element counts, also inside a container that clips it (a label cut by its button, a
# table's columns beyond its frame): cut-off content is what a reader on a phone cannot read,
# even when the page itself does not scroll sideways.
_WIDEST_JS = """
() => {
  const vw = document.documentElement.clientWidth;
  const main = document.querySelector("[data-testid='stMain']");
  let worst = null;
  for (const el of document.querySelectorAll("[data-testid='stMain'] *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (getComputedStyle(el).visibility === "hidden") continue;
    if (!worst || r.right > worst.right) {
      worst = {right: Math.round(r.right), tag: el.tagName.toLowerCase(),
               testid: (el.closest("[data-testid]") || el).getAttribute("data-testid"),
               text: (el.innerText || el.textContent || "").trim().slice(0, 60)};
    }
  }
  // Text cut inside its own box ("Estimated extra feder…"): wider than the box shows it.
  const clipped = [];
  for (const el of document.querySelectorAll("[data-testid='stMain'] *")) {
    if (el.closest("svg, pre, code, input, textarea")) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getBoundingClientRect().width) continue;
    // Cut where the text or a box around it hides what does not fit (overflow visible
    // only spills over, which the widest-element check sees).
    let box = el;
    for (let up = 0; box && up < 4; up += 1, box = box.parentElement) {
      const style = getComputedStyle(box);
      const hides = style.overflowX === "hidden" || style.overflowX === "clip";
      if (hides && box.scrollWidth > box.clientWidth + 3) {
        clipped.push(el.textContent.trim().slice(0, 60));
        break;
      }
    }
  }
  return {viewport: vw, root: document.documentElement.scrollWidth,
          main: main ? main.scrollWidth : 0, widest: worst, clipped: clipped};
}
"""


@dataclass
class PageReport:
    """What one page showed in one language at one width."""

    path: str
    lang: str
    width: int
    violations: list[dict[str, Any]] = field(default_factory=list)
    viewport: int = 0
    scroll_width: int = 0
    main_width: int = 0
    widest: dict[str, Any] | None = None
    clipped: list[str] = field(default_factory=list)
    declared_lang: str = ""
    seconds: float = 0.0

    @property
    def failing(self) -> list[dict[str, Any]]:
        return [v for v in self.violations if v.get("impact") in FAILING_IMPACTS]

    @property
    def overflow(self) -> int:
        """Pixels the page or its widest element reach beyond the viewport (≤ 0: it fits)."""
        widest = self.widest["right"] if self.widest else 0
        return max(self.scroll_width, self.main_width, widest) - self.viewport


def page_url(server: str, path: str, lang: str, extra: str = "") -> str:
    query = SCENARIO + ("" if lang == "en" else f"&lang={lang}") + extra
    return f"{server}/{path}?{query}"


def new_context(browser: Browser, width: int, lang: str) -> BrowserContext:
    """A reader's browser: phone-sized (touch, mobile meta viewport) or desktop."""
    phone = width < 600
    return browser.new_context(
        viewport={"width": width, "height": 844 if phone else 900},
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=1,
        locale={"en": "en-US", "ja": "ja-JP", "es": "es-US"}[lang],
    )


def wait_drawn(page: Page, timeout: float = 60_000) -> None:
    """Until the app is idle with every widget drawn (:func:`wait_for_app`) and every chart
    drawn too: axe reads the final page."""
    wait_for_app(page, timeout)
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stPlotlyChart']\")]"
        ".every(c => c.querySelector('svg.main-svg'))",
        timeout=timeout,
    )
    page.wait_for_timeout(300)


def open_page(page: Page, server: str, path: str, lang: str) -> None:
    page.goto(page_url(server, path, lang))
    wait_drawn(page)


def declared_language(page: Page, lang: str, timeout: float = 15_000) -> str:
    """``<html lang>`` once the page has had time to declare ``lang`` (ui/a11y.py sets it
    from the script run, a moment after the page is drawn)."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "lang => document.documentElement.lang === lang", arg=lang, timeout=timeout
        )
    return page.evaluate("() => document.documentElement.lang")


def axe_violations(page: Page, axe: Axe | None = None) -> list[dict[str, Any]]:
    """axe-core's WCAG A/AA violations of the page as drawn (every impact)."""
    results = (axe or Axe()).run(page, options=AXE_OPTIONS)
    return results.response["violations"]


def measure_width(page: Page) -> dict[str, Any]:
    return page.evaluate(_WIDEST_JS)


@contextlib.contextmanager
def whole_page_in_view(page: Page) -> Iterator[None]:
    """Make the viewport as tall as the page for a while, then put it back.

    Why: Streamlit's main area scrolls inside its own container, and axe-core reports the
    colour contrast of text outside the viewport as "incomplete" (it samples what is drawn
    under each element), so a normal viewport hides most of a long page from the check and
    from a screenshot. The width, which decides the layout, is unchanged.
    """
    size = page.viewport_size or {"width": 1280, "height": 900}
    height = page.evaluate(
        "() => { const m = document.querySelector(\"[data-testid='stMain']\");"
        " return m ? m.scrollHeight : document.body.scrollHeight; }"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), 16000)})
    page.wait_for_timeout(250)  # the layout settles (charts keep their width: no redraw)
    try:
        yield
    finally:
        page.set_viewport_size(size)


def screenshot(page: Page, target: Path) -> None:
    """The whole page (call inside :func:`whole_page_in_view`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target))


def audit(
    browser: Browser,
    server: str,
    *,
    langs: tuple[str, ...] = LANGS,
    widths: tuple[int, ...] = WIDTHS,
    pages: tuple[str, ...] = PAGES,
    shots: Path | None = None,
) -> list[PageReport]:
    """Open every page in each language and width (one browser context per pair)."""
    reports: list[PageReport] = []
    axe = Axe()
    for width in widths:
        for lang in langs:
            context = new_context(browser, width, lang)
            page = context.new_page()
            try:
                for path in pages:
                    started = time.monotonic()
                    open_page(page, server, path, lang)
                    report = PageReport(path or "scenario", lang, width)
                    measured = measure_width(page)
                    report.viewport = measured["viewport"]
                    report.scroll_width = measured["root"]
                    report.main_width = measured["main"]
                    report.widest = measured["widest"]
                    report.clipped = measured["clipped"]
                    with whole_page_in_view(page):
                        report.violations = axe_violations(page, axe)
                        if shots is not None:
                            screenshot(page, shots / f"{report.path}-{lang}-{width}.png")
                    # Last: the component setting it loads while the checks above run.
                    report.declared_lang = declared_language(page, lang)
                    report.seconds = time.monotonic() - started
                    reports.append(report)
            finally:
                context.close()
    return reports


def summary(reports: list[PageReport]) -> str:
    """Violations by rule and impact, and the widest pages, as text."""
    by_rule: collections.Counter[tuple[str, str]] = collections.Counter()
    for r in reports:
        for v in r.violations:
            by_rule[(v["id"], v.get("impact") or "?")] += len(v["nodes"])
    lines = ["axe-core violations (rule, impact: nodes over all pages):"]
    lines += [f"  {rule} ({impact}): {n}" for (rule, impact), n in by_rule.most_common()]
    lines.append("pages with serious/critical violations:")
    for r in reports:
        for v in r.failing:
            targets = "; ".join(", ".join(map(str, n["target"])) for n in v["nodes"][:3])
            lines.append(f"  {r.path} {r.lang} {r.width}: {v['id']} x{len(v['nodes'])} {targets}")
    wrong_lang = [
        f"{r.path} {r.lang} {r.width}: {r.declared_lang!r}"
        for r in reports
        if r.declared_lang != r.lang
    ]
    lines.append("<html lang> not the page's language: " + (", ".join(wrong_lang) or "none"))
    lines.append("text cut off in its box:")
    lines += [f"  {r.path} {r.lang} {r.width}: {r.clipped}" for r in reports if r.clipped]
    lines.append("wider than the viewport:")
    for r in sorted(reports, key=lambda r: -r.overflow):
        if r.overflow > 0:
            lines.append(
                f"  {r.path} {r.lang} {r.width}: root {r.scroll_width} main {r.main_width} "
                f"widest {json.dumps(r.widest, ensure_ascii=False)}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server", help="an already running app (default: start one)")
    parser.add_argument("--langs", default=",".join(LANGS))
    parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--no-shots", action="store_true")
    parser.add_argument("--json", type=Path, help="write every violation here")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        server = args.server or stack.enter_context(running()).url
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            started = time.monotonic()
            reports = audit(
                browser,
                server,
                langs=tuple(args.langs.split(",")),
                widths=tuple(int(w) for w in args.widths.split(",")),
                pages=tuple(args.pages.split(",")),
                shots=None if args.no_shots else SHOTS,
            )
            browser.close()
        print(summary(reports))
        print(f"{len(reports)} page views in {time.monotonic() - started:.0f} s")
        if args.json:
            args.json.write_text(
                json.dumps([r.__dict__ for r in reports], ensure_ascii=False, indent=1)
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
