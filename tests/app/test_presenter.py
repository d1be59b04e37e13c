"""Presenter mode, the view's QR code and the language of the reader's browser (AppTest, every page)."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from lab.strings import t
from lab.urlstate import LANG, PRESENT, STATE_PAGE
from tests.app.apptest import BY_PATH, ORIGIN, assert_healthy, open_page
from tests.conftest import page_scripts

PAGES = page_scripts()


def _font_sizes(node):
    """Every font size set anywhere in a Vega-Lite spec (datasets excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "datasets":
                continue
            if key in ("fontSize", "labelFontSize", "titleFontSize") and isinstance(value, (int, float)):
                yield value
            else:
                yield from _font_sizes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _font_sizes(value)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", PAGES)
def test_presenter_mode_hides_exercises_code_and_downloads_and_enlarges_chart_text(path, lang):
    normal = open_page(path, {"lang": lang})
    at = open_page(path, {"lang": lang, "present": "1"})
    assert_healthy(at)
    assert at.session_state[PRESENT.name] is True
    headers = [h.value for h in at.header]
    assert t("ex.header", lang) not in headers
    expanders = [e.label for e in at.expander]
    assert t("code.header", lang) not in expanders and t("share.header", lang) not in expanders
    assert not at.get("download_button")
    # the same charts as the normal view, each with every text at least 18 px
    assert len(at.get("vega_lite_chart")) == len(normal.get("vega_lite_chart"))
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        sizes = list(_font_sizes(spec))
        assert sizes and min(sizes) >= 18, (spec.get("title"), sorted(sizes)[:3])
        for part in ("axis", "legend", "title"):
            assert min(_font_sizes(spec["config"][part])) >= 18
    # the QR code beside the title, not the share box
    assert len(at.get("image")) == 1
    if BY_PATH[path].id != "home":
        assert t("ex.header", lang) in [h.value for h in normal.header] or not normal.get("form")


@pytest.mark.parametrize("path", ["pages/01_sampling.py", "streamlit_app.py"])
def test_without_a_known_address_the_qr_box_says_so_instead_of_encoding_a_path(path):
    at = open_page(path, {"present": "1"}, url=False)
    assert not at.exception
    assert not at.get("image")
    assert any("LAB_PUBLIC_URL" in w.value for w in at.warning)


def test_a_public_url_setting_gives_the_address_when_the_browser_does_not(monkeypatch):
    monkeypatch.setenv("LAB_PUBLIC_URL", "https://lab.example.org/")
    at = open_page("pages/01_sampling.py", {"present": "1"}, url=False)
    assert_healthy(at)
    assert len(at.get("image")) == 1 and not at.warning


def _share_link(at):
    at.button(key="_lab_share_make").click().run()
    (link,) = [c.value for c in at.code if c.value.startswith(ORIGIN)]
    return link


def test_the_share_link_carries_the_language_and_every_setting_but_never_presenter_mode():
    at = open_page("pages/01_sampling.py", {"dist": "binomial", "seed": "7"})
    link = _share_link(at)
    parts = urllib.parse.urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == ORIGIN and parts.path == "/sampling"
    assert urllib.parse.parse_qs(parts.query) == {"lang": ["en"], "dist": ["binomial"], "seed": ["7"]}
    assert len(at.get("image")) == 1  # and its QR code


@pytest.mark.parametrize(("locale", "query", "lang"), [
    ("ja-JP", {}, "ja"), ("ja", {}, "ja"), ("en-US", {}, "en"), ("de-DE", {}, "en"), (None, {}, "en"),
    ("ja-JP", {"lang": "en"}, "en"), ("en-US", {"lang": "ja"}, "ja"),
])
@pytest.mark.parametrize("path", ["streamlit_app.py", "pages/04_bayes.py"])
def test_the_language_follows_the_browser_unless_the_link_names_one(path, locale, query, lang):
    at = open_page(path, query, locale=locale)
    assert_healthy(at)
    assert at.session_state[LANG.name] == lang
    assert [x.value for x in at.title] == [t(BY_PATH[path].title_key, lang)]
    assert at.session_state[STATE_PAGE] == BY_PATH[path].id


def test_a_japanese_browser_switching_to_english_stays_in_english():
    at = open_page("pages/01_sampling.py", locale="ja-JP")
    assert at.session_state[LANG.name] == "ja"
    at.sidebar.selectbox(key="lang").set_value("en").run()
    assert at.session_state[LANG.name] == "en"
    assert at.query_params["lang"] == "en"  # not the browser's language: the URL must say so
    assert [x.value for x in at.title] == [t("sampling.title", "en")]
