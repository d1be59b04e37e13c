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
    # Cross-entropy, section 1 (the identity): the model probability q (0.6 → 0.61); the training sections stay put
    pytest.param("cross_entropy", "sep=8", "stSlider", t("cross_entropy.q", "en"), ["ArrowRight"], "q=0.61",
                 id="cross_entropy-identity"),
    # Bayes, "one observation at a time": the step slider t (3 → 4); prior, data, posterior and coverage stay put
    pytest.param("bayes", "seed=9", "stSlider", t("bayes.t", "en"), ["ArrowRight"], "t=4", id="bayes-step"),
    # Activations, "functions and derivatives": the x range (6 → 6.5); the vanishing-gradient section stays put
    pytest.param("activations", "", "stSlider", t("activations.x_max", "en"), ["ArrowRight"], "xmax=6.5",
                 id="activations-functions"),
    # Activations, "vanishing gradients": the depth L (20 → 21); the curves and their tables stay put
    pytest.param("activations", "", "stSlider", t("activations.layers", "en"), ["ArrowRight"], "layers=21",
                 id="activations-depth"),
    # Estimator bias, "sampling distributions": the estimators shown (Backspace drops the last, 1/N around μ);
    # the Monte Carlo, bias curve, MSE and table stay put. (The Sampling page has no section widget: its
    # widgets all shape the sample every section draws, so they rerun the page.)
    pytest.param("estimator_bias", "seed=3", "stMultiSelect", t("estimator_bias.show", "en"), ["Backspace"],
                 "show=n_minus_1%2Cn", id="estimator_bias-show"),
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
    for _ in range(100):  # a longer rerun (training) may still be running: wait for its end message
        if deltas.finished():
            break
        page.wait_for_timeout(200)
    assert_fragment_rerun(deltas)
    assert len(deltas.deltas()) < full / 3, (len(deltas.deltas()), full)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []


def test_cross_entropy_training_reruns_training_with_its_nested_sections(app_url, page):
    """The epochs (100 → 200) rerun the training section and, nested in it, the landscape and separable-case
    sections that draw its runs (three fragments, no full rerun); the identity and the data choice stay put."""
    deltas = Deltas(page)
    page.goto(f"{app_url}/cross_entropy?sep=8")
    wait_for_script(page, charts=True)
    full = len(deltas.deltas())
    widget = page.locator('[data-testid="stSlider"]').filter(has_text=t("cross_entropy.epochs", "en"))
    assert widget.count() == 1
    widget.scroll_into_view_if_needed()
    handle = widget.locator('[role="slider"], input, [role="combobox"]').first
    deltas.mark()
    handle.focus()
    handle.press("ArrowRight")
    page.wait_for_url("**epochs=200**", timeout=20_000)
    for _ in range(150):
        if deltas.finished():
            break
        page.wait_for_timeout(200)
    assert deltas.finished() == ["FINISHED_FRAGMENT_RUN_SUCCESSFULLY"]
    sent = deltas.deltas()
    ids = {d.fragment_id for d in sent}
    assert all(ids) and len(ids) == 3, ids  # every delta tagged: training, the landscape, the separable case
    assert len(sent) < full / 2, (len(sent), full)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []
