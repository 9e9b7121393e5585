"""WCAG 2.2 AA in a real browser (issue 17): axe-core on every page, the page's language,
and the Calculator by keyboard alone.

axe-core (bundled by ``axe-playwright-python``) runs its WCAG 2.0/2.1/2.2 A and AA rules on
each of the nine pages with a filled scenario, in English, Japanese and Spanish, at desktop
(1280 px) and phone (390 px) width: one browser context per language and width, one server
for all. The whole page is brought into view first (:func:`tests.browser.audit
.whole_page_in_view`): axe cannot judge the contrast of text outside the viewport, and
Streamlit's main area scrolls inside its own container.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import audit


def _describe(violation: dict) -> str:
    """A violation as one line: its rule, impact, count and first three elements."""

    def node(n: dict) -> str:
        checks = n.get("any") or n.get("all") or [{}]
        return f"{', '.join(map(str, n['target']))} ({checks[0].get('message', '')})"

    nodes = "; ".join(node(n) for n in violation["nodes"][:3])
    return f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}): {nodes}"


@pytest.mark.parametrize("width", audit.WIDTHS)
@pytest.mark.parametrize("lang", audit.LANGS)
def test_every_page_passes_axe(browser: Browser, server: str, lang: str, width: int) -> None:
    """No serious or critical axe-core violation, ``<html lang>`` is the reader's, and no
    label or text is cut off in its box (axe does not look for that)."""
    reports = audit.audit(browser, server, langs=(lang,), widths=(width,))
    failing = [f"{r.path}: {_describe(v)}" for r in reports for v in r.failing]
    assert not failing, "\n".join(failing)
    wrong = {r.path: r.declared_lang for r in reports if r.declared_lang != lang}
    assert not wrong, f"<html lang> should be {lang!r}: {wrong}"
    cut = {r.path: r.clipped for r in reports if r.clipped}
    assert not cut, f"text cut off (a label ending in …): {cut}"


# -- keyboard ---------------------------------------------------------------------------------
#: How an element shows focus: its outline, shadow and border, and those of the boxes
#: Streamlit draws around an input (the field's frame, a radio's circle).
_FOCUS_STYLE = """
el => {
  const boxes = new Set();
  for (let box = el; box && boxes.size < 6; box = box.parentElement) {
    if (box.matches("[data-testid='stElementContainer']")) break;
    boxes.add(box);
  }
  const label = el.closest('label');
  if (label) { boxes.add(label); label.querySelectorAll('div').forEach(d => boxes.add(d)); }
  return [...boxes].filter(Boolean).map(b => {
    const c = getComputedStyle(b);
    return [c.outlineStyle, c.outlineWidth, c.outlineColor, c.boxShadow,
            c.borderTopColor, c.borderBottomColor, c.backgroundColor].join('|');
  }).join('#');
}
"""
#: An element's name as a screen reader gives it; a radio button stands for its group (Tab
#: enters a group at its chosen option, the arrow keys move within it).
_NAME = """
el => {
  const group = el.type === 'radio' && el.closest('[role=radiogroup]');
  const named = group || el;
  return named.getAttribute('aria-label') || (named.innerText || '').trim().split('\\n').pop();
}
"""
#: What the reader can operate in the main area.
_CONTROLS = """
name => [...document.querySelectorAll("[data-testid='stMain'] :is(input, textarea, summary)")]
  .filter(el => !el.disabled && el.type !== 'hidden' && el.tabIndex >= 0)
  .map(el => eval(name)(el))
"""
#: The element with the focus now, and how the previous one looks now it has lost it.
_ACTIVE = """
([name, style]) => {
  const el = document.activeElement;
  const previous = window.__kbdPrevious;
  const before = previous && previous !== el && previous.isConnected ? eval(style)(previous) : null;
  window.__kbdPrevious = el;
  return {tag: el.tagName, main: !!el.closest("[data-testid='stMain']"), name: eval(name)(el),
          outside: !!el.closest("[data-testid='stSidebar'], header"),
          closed: el.tagName === 'SUMMARY' ? !el.parentElement.open : false,
          focused: eval(style)(el), previousNow: before};
}
"""


def _stay_on(page: Page, summary: str) -> None:
    """After opening a group: wait for the run it may start, and if that run redrew the
    page under the focus, put the focus back on the group's title (as a reader's screen
    reader would leave them there)."""
    page.wait_for_timeout(200)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']")
    page.evaluate(
        """name => {
          if (document.activeElement && document.activeElement.tagName === 'SUMMARY') return;
          const found = [...document.querySelectorAll("[data-testid='stMain'] summary")]
            .find(s => s.innerText.trim().split('\\n').pop() === name);
          if (found) { found.focus(); window.__kbdPrevious = found; }
        }""",
        summary,
    )


def test_calculator_by_keyboard_alone(browser: Browser, server: str) -> None:
    """From the top of the page, Tab (and Enter on a closed group) reaches every input of
    the Calculator, and each shows it has the focus (its look changes when focused)."""
    context = audit.new_context(browser, 1280, "en")
    page: Page = context.new_page()
    try:
        audit.open_page(page, server, "", "en")
        # Styles change at once (no 200 ms border transition): a look is read right after Tab.
        page.add_style_tag(content="* { transition: none !important; }")
        reached: set[str] = set()
        invisible: list[str] = []
        seen_main = False
        previous: dict | None = None
        for _step in range(500):
            page.keyboard.press("Tab")
            now = page.evaluate(_ACTIVE, [_NAME, _FOCUS_STYLE])
            # The element left behind must look different from when it had the focus.
            if (
                previous
                and previous["main"]
                and previous["tag"] in ("INPUT", "TEXTAREA", "SUMMARY", "BUTTON")
                and now["previousNow"] == previous["focused"]
            ):
                invisible.append(previous["name"])
            previous = now
            if now["main"]:
                seen_main = True
                reached.add(now["name"])
                if now["closed"]:
                    page.keyboard.press("Enter")  # open the group: its inputs come next
                    _stay_on(page, now["name"])
            elif seen_main and now["outside"]:
                break  # past the end of the page, round to the menu
        controls = set(page.evaluate(_CONTROLS, _NAME))
        missing = sorted(controls - reached)
        assert not missing, f"not reachable by Tab: {missing}"
        assert not invisible, f"no visible focus: {invisible}"
    finally:
        context.close()
