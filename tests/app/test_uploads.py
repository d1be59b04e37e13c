"""The one upload picker (lab.uploads.upload_picker) on both pages that call it.

Each page's own tests check its uploads; these check that what one page's tests
covered holds on the other too, now that the picker is shared: a file the core
refuses is named in the page's language under the page's own wording, the
notice that a file cannot be in a link, and how a semicolon file was read.
"""

import numpy as np
import pandas as pd
import pytest

from estimation import datasets
from estimation._validation import InputError
from lab.strings import t
from lab.uploads import PICKER_KEYS
from tests.app.apptest import open_page

#: page id → (script, charts drawn with the stand-in data when the file is unusable)
PAGES = {"cross_entropy": ("pages/06_cross_entropy.py", 4), "softmax": ("pages/08_softmax.py", 8)}


def _text(elements) -> str:
    return "\n".join(e.value for e in elements)


def test_each_page_words_every_text_of_its_picker():
    assert set(PICKER_KEYS) == set(PAGES)
    for page, keys in PICKER_KEYS.items():
        assert all(key.startswith(f"{page}.") for key in keys.values()), page
    assert "positive" in PICKER_KEYS["cross_entropy"] and "pick_two" in PICKER_KEYS["softmax"]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_without_a_file_the_page_says_a_file_is_not_in_a_link(upload, page, lang):
    upload(None)
    path, charts = PAGES[page]
    at = open_page(path, {"src": "upload", "lang": lang})
    assert not at.exception
    assert t(f"{page}.upload_not_in_url", lang) in _text(at.info)
    assert t(f"{page}.upload_none", lang) in _text(at.caption)
    assert not at.error
    assert len(at.get("vega_lite_chart")) >= charts  # the stand-in data


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("raw, key", [
    (b"\x00\x01binary", "file_binary"),
    (b"", "file_empty"),
    (b"abc\n1\n", "file_one_column"),
])
def test_a_file_the_core_refuses_is_named_in_the_pages_language(upload, page, raw, key, lang):
    with pytest.raises(InputError) as err:  # the core's own complaint, before any column is picked
        datasets.upload_columns(raw)
    assert err.value.key == key
    upload(raw)
    path, charts = PAGES[page]
    at = open_page(path, {"src": "upload", "lang": lang})
    assert not at.exception
    message = t(f"error.{key}", lang, **err.value.fields)
    assert [e.value for e in at.error] == [t(f"{page}.upload_error", lang, message=message)]
    if lang == "ja":  # translated, not the core's English sentence
        assert str(err.value) not in at.error[0].value
    assert len(at.get("vega_lite_chart")) >= charts  # the stand-in data keep the page usable


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_semicolon_file_with_decimal_commas_is_read_and_said_so(upload, page, lang, tmp_path):
    rng = np.random.default_rng(4)
    table = pd.DataFrame({"code": [f"k{i}" for i in range(90)], "a": rng.normal(size=90).round(3),
                          "b": rng.normal(size=90).round(3), "kind": ["u", "v", "w"] * 30})
    path = tmp_path / "table.csv"
    table.to_csv(path, sep=";", decimal=",", index=False)
    upload(path.read_bytes())
    script, _ = PAGES[page]
    at = open_page(script, {"src": "upload", "lang": lang})
    assert not at.exception
    assert not at.error
    label_box = next(box for box in at.main.selectbox if box.label == t(f"{page}.label_col", lang))
    assert label_box.value == "kind"
    features = next(box for box in at.main.multiselect if box.label == t(f"{page}.feature_cols", lang))
    assert features.options == ["a", "b"] and features.value == ["a", "b"]
    captions = _text(at.caption)
    assert t("upload.read_as", lang, sep="“;”", decimal="“,”") in captions
    assert t("upload.text_left_out", lang, columns=t("upload.text_column", lang, col="code", value="'k0'",
                                                    row=0)) in captions
