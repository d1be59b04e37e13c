"""Every page fits a projector (1280×720) and a phone (390×844), in both languages: no chart legend is cut at
the chart's edge, no formula or table is cut at the page's edge, and the page never scrolls sideways."""

from __future__ import annotations

import pytest

from lab.registry import PAGES
from tests.browser.conftest import ARTIFACTS, wait_for_script

pytestmark = pytest.mark.browser

VIEWPORTS = {"projector": {"width": 1280, "height": 720}, "phone": {"width": 390, "height": 844}}

# Boxes that stick out of their container, as "kind: text (how far, px)". A legend must lie inside its chart's
# drawing (Streamlit draws charts as SVG, which cuts what is outside); a formula or a table must lie inside the
# page unless it scrolls in a box of its own; the page itself must not scroll sideways.
_OVERFLOW = """() => {
  const out = [];
  const main = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
  for (const svg of document.querySelectorAll('[data-testid="stVegaLiteChart"] svg.marks')) {
    const box = svg.getBoundingClientRect();
    for (const legend of svg.querySelectorAll('g.role-legend')) {
      const r = legend.getBoundingClientRect();
      const past = Math.max(box.left - r.left, r.right - box.right);
      if (r.width > 0 && past > 1) out.push(`legend: ${legend.textContent.slice(0, 60)} (${Math.round(past)})`);
    }
  }
  const scrolls = el => { for (let p = el; p; p = p.parentElement) {
      const s = getComputedStyle(p); if (/(auto|scroll)/.test(s.overflowX) && p.scrollWidth > p.clientWidth) return true; }
    return false; };
  for (const el of document.querySelectorAll('.katex-display, [data-testid="stTable"], [data-testid="stDataFrame"]')) {
    const r = el.getBoundingClientRect();
    const past = Math.max(main.left - r.left, r.right - main.right);
    if (r.width > 0 && past > 1 && !scrolls(el)) out.push(`box: ${el.textContent.slice(0, 60)} (${Math.round(past)})`);
  }
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page scrolls sideways (${doc.scrollWidth - doc.clientWidth})`);
  return out;
}"""

# A table at projector width shows every column: no part of it hidden behind a horizontal scroll bar. An
# st.dataframe (glide-data-grid) scrolls in its .dvn-scroller; its resizable frame is wider than its box by the
# resize handle, which hides nothing.
# A grid draws its cells on a canvas: the table is named by the heading above it.
_HIDDEN_COLUMNS = """() => {
  const headings = [...document.querySelectorAll('[data-testid="stMainBlockContainer"] :is(h1, h2, h3)')];
  const above = el => headings.filter(h => h.getBoundingClientRect().top < el.getBoundingClientRect().top)
    .map(h => h.textContent).pop() || '';
  return [...document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller, [data-testid="stTable"]')]
    .filter(t => t.scrollWidth > t.clientWidth + 1)
    .map(t => `table under "${above(t).slice(0, 50)}" (${t.scrollWidth - t.clientWidth} px hidden)`);
}"""


_PAGE_HEIGHT = """() => document.querySelector('[data-testid="stMainBlockContainer"]').scrollHeight + 160"""


def _check(browser, url: str, viewport: str, shot: str, *, charts: bool = True) -> None:
    """Open ``url`` at ``viewport``; keep a screenshot of the screen and of the whole page; nothing may be cut."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    try:
        pg = context.new_page()
        pg.goto(url)
        wait_for_script(pg, charts=charts)
        pg.screenshot(path=str(ARTIFACTS / f"fit_{shot}.png"))
        cut = pg.evaluate(_OVERFLOW)
        hidden = pg.evaluate(_HIDDEN_COLUMNS) if viewport == "projector" else []
        # the whole page for review, at the same width (Streamlit scrolls its main block, not the document)
        height = pg.evaluate(_PAGE_HEIGHT)
        pg.set_viewport_size({"width": VIEWPORTS[viewport]["width"], "height": min(height, 16_000)})
        pg.wait_for_timeout(500)
        pg.screenshot(path=str(ARTIFACTS / f"fit_{shot}_page.png"))
        assert cut == []
        assert hidden == []
    finally:
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=str)
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.id)
def test_nothing_is_cut_at_a_projector_or_on_a_phone(browser, app_url, info, lang, viewport):
    _check(browser, f"{app_url}/{info.url_path}?lang={lang}", viewport, f"{viewport}_{info.id}_{lang}",
           charts=info.id != "home")


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("info", [p for p in PAGES if p.id != "home"], ids=lambda p: p.id)
def test_nothing_is_cut_in_presenter_mode(browser, app_url, info, lang):
    """Presenter mode's text is 1.4 × larger (legend rows too): still nothing cut at 1280×720."""
    _check(browser, f"{app_url}/{info.url_path}?lang={lang}&present=1", "projector", f"present_{info.id}_{lang}")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_race_table_shows_every_column_when_optimizers_diverge(browser, app_url, lang):
    """Issue 16: at 1440 px the run column was cut when SGD diverged; all seven racing, three diverging."""
    race = "surface=rosenbrock&preset=false&lr_sgd=10&opt=SGD,Momentum,Nesterov,AdaGrad,RMSprop,AdaDelta,Adam"
    _check(browser, f"{app_url}/optimizers?lang={lang}&{race}", "projector", f"projector_optimizers_diverged_{lang}")
