"""The Sampling page: every distribution, the extremes of N, the numbers shown."""

import numpy as np
import pytest

from estimation import sampling
from tests.app.apptest import assert_healthy, open_page

PAGE = "pages/01_sampling.py"


@pytest.mark.parametrize("dist", ["bernoulli", "binomial", "gaussian"])
@pytest.mark.parametrize("n", [1, 1_000_000])
def test_each_distribution_at_the_extremes_of_n(dist, n):
    at = open_page(PAGE, {"dist": dist, "n": str(n), "seed": "3"})
    assert_healthy(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2
    for chart in charts:  # never more than ~5,000 points in any chart's data
        assert chart.proto.spec.count('"x"') + chart.proto.spec.count('"k"') < 5000
    table = at.dataframe[0].value
    params = sampling.DISTRIBUTIONS[dist].defaults
    x = sampling.draw(dist, params, n, 3)
    sample_col, theory_col = table.columns
    assert table[sample_col].iloc[0] == pytest.approx(x.mean(), rel=1e-12)
    assert table[theory_col].tolist() == pytest.approx(list(sampling.moments(dist, params)), rel=1e-12)
    if n == 1:
        assert np.isnan(table[sample_col].iloc[1])


def test_parameters_reach_the_core():
    at = open_page(PAGE, {"dist": "binomial", "trials": "50", "p": "0.9", "n": "10000", "seed": "9"})
    assert_healthy(at)
    table = at.dataframe[0].value
    theory = table[table.columns[1]].tolist()
    assert theory == pytest.approx([45.0, 4.5], rel=1e-12)
    x = sampling.draw("binomial", {"n": 50, "p": 0.9}, 10_000, 9)
    assert table[table.columns[0]].tolist() == pytest.approx([x.mean(), x.var(ddof=1)], rel=1e-12)
    assert len(at.latex) >= 3


def test_every_chart_has_one_png_svg_csv_download():
    at = open_page(PAGE)
    assert_healthy(at)
    buttons = [b for b in at.get("download_button") if b.proto.id and "_lab_export_" in b.proto.id]
    # one download per chart, a ZIP of its PNG, SVG and CSV (tests/core/test_export.py checks the archive),
    # deferred: nothing is rendered until it is clicked
    assert len(buttons) == len(at.get("vega_lite_chart"))
    assert all(b.proto.label == "PNG · SVG · CSV" and b.proto.deferred_file_id for b in buttons)


def test_code_snippet_and_share_box_match_the_page():
    from estimation import teaching

    at = open_page(PAGE, {"dist": "binomial", "trials": "20", "p": "0.35", "n": "5000", "seed": "4"})
    assert_healthy(at)
    snippet = teaching.snippet("sampling", dist="binomial", params={"n": 20, "p": 0.35}, size=5000, seed=4)
    assert snippet.code in [c.value for c in at.code]
    shown_mean = at.dataframe[0].value.iloc[0, 0]
    assert snippet.value == pytest.approx(shown_mean, rel=1e-12)
    assert not [c for c in at.code if "?" in c.value]  # the link is made on request
    at.button(key="_lab_share_make").click().run()
    urls = [c.value for c in at.code if "/sampling?" in c.value]
    assert urls and all(f"{k}={v}" in urls[0] for k, v in
                        {"dist": "binomial", "trials": "20", "p": "0.35", "n": "5000", "seed": "4"}.items())
