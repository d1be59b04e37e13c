"""Presenter mode in Chromium at 1280×720: the QR code decodes to the students' link, which reproduces the view;
the language follows the browser's locale unless the link names one."""

from __future__ import annotations

import io
import urllib.parse

import pytest

from lab.registry import PAGES
from lab.strings import t
from tests.browser.conftest import ARTIFACTS, CHROMIUM_ARGS, wait_for_script  # noqa: F401

pytestmark = pytest.mark.browser

PROJECTOR = {"width": 1280, "height": 720}


def _decode(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("info", PAGES, ids=lambda p: p.id)
def test_presenter_qr_decodes_to_the_students_link_and_the_link_reproduces_the_view(browser, app_url, info, lang):
    context = browser.new_context(viewport=PROJECTOR)
    try:
        pg = context.new_page()
        base = f"{app_url}/{info.url_path}"
        pg.goto(f"{base}?lang={lang}&seed=7&present=1")
        wait_for_script(pg, charts=info.id != "home")
        assert pg.locator('[data-testid="stException"]').count() == 0
        # no horizontal scroll, and the QR code is on screen without scrolling
        assert pg.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        qr = pg.locator('[data-testid="stImage"] img').first
        box = qr.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PROJECTOR["height"], box
        shot = pg.screenshot()
        (ARTIFACTS / f"present_{info.id}_{lang}.png").write_bytes(shot)
        expected = f"{base}?{urllib.parse.urlencode({'lang': lang, 'seed': '7'})}"
        assert _decode(shot) == [expected]
        # no exercises, code or download boxes
        assert pg.locator('[data-testid="stForm"]').count() == 0
        assert pg.locator('[data-testid="stDownloadButton"]').count() == 0

        students = context.new_page()
        students.goto(expected)
        wait_for_script(students, charts=info.id != "home")
        assert students.locator('[data-testid="stSidebar"] [data-testid="stNumberInputField"]').input_value() == "7"
        assert students.locator("h1").first.inner_text().strip() == t(info.title_key, lang)
        assert students.locator('[data-testid="stImage"] img').count() == 0  # not in presenter mode
        assert "present" not in students.url
    finally:
        context.close()


@pytest.mark.parametrize(("locale", "query", "lang"), [
    ("ja-JP", "", "ja"), ("en-US", "", "en"), ("ja-JP", "?lang=en", "en"),
])
def test_the_browser_locale_picks_the_language_unless_the_link_names_one(browser, app_url, locale, query, lang):
    context = browser.new_context(locale=locale, viewport=PROJECTOR)
    try:
        pg = context.new_page()
        pg.goto(f"{app_url}/bayes{query}")
        wait_for_script(pg)
        assert pg.locator("h1").first.inner_text().strip() == t("bayes.title", lang)
    finally:
        context.close()
