"""Every core error a user can reach with the page's own widgets is shown in the page's language.

Each case sets widgets to a combination the page offers but the core refuses, opens the page in
Japanese and checks the error box: it holds the translated message and no English sentence.
"""

from __future__ import annotations

import re

import pytest

from estimation import estimators
from estimation.views import cross_entropy as cross_entropy_views
from lab.strings import t
from tests.app.apptest import open_page

#: Four or more Latin words in a row: an English sentence (symbols such as "R × N" or "k/N" do not match).
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;:']+[A-Za-z]{2,}){3,}")

CASES = [
    ("pages/03_estimator_bias.py", {"n": "1000", "reps": "200000"}, "error.too_many_draws",
     {"reps": "200,000", "n": "1,000", "draws": "200,000,000", "limit": f"{estimators.MAX_DRAWS:,}"}),
    ("pages/06_cross_entropy.py", {"n": "5000", "batch": "8", "epochs": "1000"}, "error.training_too_many_updates",
     {"epochs": "1,000", "per_epoch": "625", "runs": "3", "updates": "1,875,000",
      "limit": f"{cross_entropy_views.MAX_UPDATES:,}"}),
    ("pages/06_cross_entropy.py", {"n": "5000", "epochs": "1000", "opt": "SGD,Momentum,Nesterov,AdaGrad,RMSprop"},
     "error.training_too_many_passes", {"epochs": "1,000", "n": "5,000", "runs": "5", "rows": "25,000,000",
                               "limit": f"{cross_entropy_views.MAX_SAMPLE_PASSES:,}"}),
    ("pages/06_cross_entropy.py", {"src": "iris", "iris_pos": "versicolor", "iris_neg": "versicolor"},
     "error.same_class", {"value": "'versicolor'"}),
]


def test_the_english_pattern_finds_english():
    assert ENGLISH.search("positive and negative must be different classes")
    assert not ENGLISH.search(t("error.same_class", "ja", value="'versicolor'"))


@pytest.mark.parametrize(("path", "query", "key", "fields"), CASES, ids=[c[2] for c in CASES])
def test_reachable_core_errors_are_translated(path, query, key, fields):
    at = open_page(path, {"lang": "ja", **query})
    assert not at.exception
    errors = [e.value for e in at.error]
    assert t("common.error", "ja", message=t(key, "ja", **fields)) in errors, errors
    for text in errors:
        assert not ENGLISH.search(text), text
    # and in English the same case reads as the core's own message
    at = open_page(path, query)
    assert t("common.error", "en", message=t(key, "en", **fields)) in [e.value for e in at.error]
