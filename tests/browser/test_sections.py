"""Page sections in a real browser: changing a section's own widget reruns that section alone.

One row per section widget: the page, its link, the widget (its ``data-testid`` and label),
the keys pressed on it, and the URL parameter it must write. The websocket is decoded
(:class:`tests.browser.conftest.Deltas`): the rerun must be one fragment's, update the URL,
and send far fewer deltas than the page's full run.
"""

from __future__ import annotations

import pytest

from lab.strings import t
from tests.browser.conftest import Deltas, assert_fragment_rerun, wait_for_script

pytestmark = pytest.mark.browser

SECTION_WIDGETS = [
    # Optimizers, "the race at step t": the reveal slider (100 % → 99.9 %); surface, settings and rules stay put
    pytest.param("optimizers", "surface=himmelblau", "stSlider", t("optimizers.progress", "en"), ["ArrowLeft"],
                 "progress=99.9", id="optimizers-progress"),
    # Likelihood, "L and ℓ": the parameter on the axis (μ → σ²); the data, metrics and snippet stay put
    pytest.param("likelihood", "model=gaussian", "stRadio", t("likelihood.vary", "en"), ["ArrowRight"],
                 "vary=sigma2", id="likelihood-curves-vary"),
    # Likelihood, "(μ, σ²) surface": the grid (100 → 150 points per axis)
    pytest.param("likelihood", "model=gaussian&view=surface", "stSlider", t("likelihood.grid", "en"), ["ArrowRight"],
                 "grid=150", id="likelihood-surface-grid"),
    # Likelihood, "sharper peak": the parameter on the axis (μ → σ²)
    pytest.param("likelihood", "model=gaussian&view=sharpen", "stRadio", t("likelihood.vary", "en"), ["ArrowRight"],
                 "vary=sigma2", id="likelihood-sharpen-vary"),
]


@pytest.mark.parametrize(("path", "query", "testid", "label", "keys", "url_part"), SECTION_WIDGETS)
def test_a_section_widget_reruns_only_its_section(app_url, page, path, query, testid, label, keys, url_part):
    deltas = Deltas(page)
    page.goto(f"{app_url}/{path}?{query}")
    wait_for_script(page, charts=True)
    full = len(deltas.deltas())
    widget = page.locator(f'[data-testid="{testid}"]').filter(has_text=label)
    assert widget.count() == 1
    widget.scroll_into_view_if_needed()
    handle = widget.locator('[role="slider"], input, [role="combobox"]').first
    deltas.mark()
    handle.focus()
    for key in keys:
        handle.press(key)
    page.wait_for_url(f"**{url_part}**", timeout=20_000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=20_000)
    page.wait_for_timeout(500)
    assert_fragment_rerun(deltas)
    assert len(deltas.deltas()) < full / 3, (len(deltas.deltas()), full)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []
