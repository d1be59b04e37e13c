"""Every page in a real browser, in both languages: charts render, no exception,
no console error and no failed request (the app needs no internet)."""

from __future__ import annotations

import pytest

from lab.registry import PAGES
from lab.strings import STRINGS, t
from tests.browser.conftest import ARTIFACTS, wait_for_script

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.id)
def test_page_loads_with_charts_and_no_exception(app_url, page, info, lang):
    page.goto(f"{app_url}/{info.url_path}?lang={lang}" if lang != "en" else f"{app_url}/{info.url_path}")
    wait_for_script(page, charts=info.id != "home")
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator("h1").first.inner_text().strip() == t(info.title_key, lang)
    if info.id != "home":
        charts = page.locator('[data-testid="stVegaLiteChart"]')
        assert charts.count() >= 1
        # vega-embed rendered something drawable in every chart
        for i in range(charts.count()):
            chart = charts.nth(i)
            chart.scroll_into_view_if_needed()
            assert chart.locator("canvas, svg").count() >= 1
            box = chart.bounding_box()
            assert box and box["width"] > 100 and box["height"] > 100
    page.screenshot(path=str(ARTIFACTS / f"{info.id}_{lang}.png"), full_page=True)
    assert page.console_errors == []


def test_widget_change_updates_the_url_and_the_url_restores_it(app_url, page):
    page.goto(f"{app_url}/sampling")
    wait_for_script(page)
    page.get_by_text(t("sampling.dist.bernoulli", "en"), exact=True).click()
    page.wait_for_url("**dist=bernoulli**", timeout=20_000)
    wait_for_script(page)
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    wait_for_script(page)
    checked = page.locator('[data-testid="stRadio"] input[type="radio"]:checked')
    assert checked.count() == 1
    label = checked.locator("xpath=ancestor::label").inner_text()
    assert t("sampling.dist.bernoulli", "en") in label


def test_sidebar_navigation_keeps_the_language_and_seed(app_url, page):
    page.goto(f"{app_url}/?lang=ja&seed=7")
    wait_for_script(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(t("sampling.title", "ja"), exact=True).click()
    page.wait_for_url("**/sampling**", timeout=20_000)
    wait_for_script(page)
    assert "lang=ja" in page.url and "seed=7" in page.url
    assert page.locator('[data-testid="stSidebar"] [data-testid="stNumberInputField"]').input_value() == "7"
    assert page.locator("h1").first.inner_text().strip() == t("sampling.title", "ja")


def test_malformed_url_shows_a_warning_not_a_traceback(app_url, page):
    page.goto(f"{app_url}/sampling?n=abc&p=7&seed=-1&dist=foo")
    wait_for_script(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentWarning"]').count() >= 4


def test_checking_an_answer_reruns_only_that_question(app_url, page):
    from estimation import teaching
    from tests.browser.conftest import Deltas, assert_fragment_rerun

    deltas = Deltas(page)
    page.goto(f"{app_url}/sampling")
    wait_for_script(page, charts=True)
    full = len(deltas.deltas())
    q = teaching.questions("sampling", 42)[0]
    box = page.locator('[data-testid="stForm"]').first
    box.scroll_into_view_if_needed()
    deltas.mark()
    if q.is_choice:
        box.locator('[data-testid="stRadio"] label').first.click()
    else:
        box.locator("input").fill(str(q.answer))
        box.locator("input").press("Tab")
    box.locator('[data-testid="stFormSubmitButton"] button').click()
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=20_000)
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stAlertContentSuccess"], [data-testid="stAlertContentError"]').count() == 1
    assert_fragment_rerun(deltas)
    assert len(deltas.deltas()) < full / 3, (len(deltas.deltas()), full)
    assert page.console_errors == []


def _slider_value(pg, label: str) -> str:
    slider = pg.locator('[data-testid="stSlider"]').filter(has_text=label)
    return slider.locator('[data-testid="stSliderThumbValue"]').inner_text().strip()


def test_back_steps_through_the_settings_each_entry_restoring_its_own_view(app_url, page):
    # Each settings change adds a history entry; Back must bring back that entry's view, not the latest one.
    trials = t("sampling.trials", "en")
    page.goto(f"{app_url}/sampling")
    wait_for_script(page)
    page.get_by_text(t("sampling.dist.binomial", "en"), exact=True).click()
    page.wait_for_url("**dist=binomial**", timeout=20_000)
    wait_for_script(page)
    page.locator('[data-testid="stSlider"]').filter(has_text=trials).get_by_role("slider").press("End")
    page.wait_for_url("**trials=100**", timeout=20_000)
    wait_for_script(page)
    page.locator('[data-testid="stSidebar"]').get_by_text(t("common.nav.likelihood", "en")
                                                          if "common.nav.likelihood" in STRINGS
                                                          else t("likelihood.title", "en"), exact=True).click()
    page.wait_for_url("**/likelihood**", timeout=20_000)
    wait_for_script(page)

    expected = [("dist=binomial&trials=100", "100"), ("dist=binomial", "10")]
    for query, value in expected:
        page.go_back()
        page.wait_for_url(f"**/sampling?{query}", timeout=20_000)
        wait_for_script(page)
        page.wait_for_timeout(1_000)  # a stale session would rewrite the URL now
        assert page.url.endswith(f"/sampling?{query}"), (query, page.url)
        assert _slider_value(page, trials) == value, query
    page.go_back()
    page.wait_for_url("**/sampling", timeout=20_000)
    wait_for_script(page)
    page.wait_for_timeout(1_000)
    assert page.url.endswith("/sampling")
    checked = page.locator('[data-testid="stRadio"] input[type="radio"]:checked').locator("xpath=ancestor::label")
    assert t("sampling.dist.gaussian", "en") in checked.inner_text()
    assert page.console_errors == []
