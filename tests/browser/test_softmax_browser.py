"""The Softmax page in a real browser: a widget inside a section reruns only that section's fragment."""

from __future__ import annotations

import pytest

from lab.strings import t
from tests.browser.conftest import Deltas, assert_fragment_rerun, wait_for_script

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("label_key, param", [("softmax.T", "T=10.0"), ("softmax.epochs", "epochs=1000")])
def test_a_section_widget_reruns_only_its_fragment_and_updates_the_url(app_url, page, label_key, param):
    deltas = Deltas(page)
    page.goto(f"{app_url}/softmax")
    wait_for_script(page, charts=True)
    full = len(deltas.deltas())
    slider = page.locator('[data-testid="stSlider"]').filter(has_text=t(label_key, "en")).get_by_role("slider")
    slider.scroll_into_view_if_needed()
    deltas.mark()
    slider.press("End")
    page.wait_for_url(f"**{param}**", timeout=30_000)
    for _ in range(240):  # training 1,000 epochs on a shared machine can take a while
        if deltas.finished():
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(500)
    assert_fragment_rerun(deltas)
    assert len(deltas.deltas()) < full / 2, (len(deltas.deltas()), full)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.console_errors == []
