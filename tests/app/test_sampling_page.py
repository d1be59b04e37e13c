"""The Sampling page: every distribution, the extremes of N, the numbers shown."""

import pytest

import ast
import json

import pyarrow as pa

from estimation import sampling
from estimation.distributions import DISTRIBUTIONS
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page
from tests.conftest import ROOT

PAGE = "pages/01_sampling.py"
SECTIONS = ("histogram", "running_mean", "sample_and_theory")


def _g(x: float) -> str:
    """A number as the table shows it: 5 significant digits."""
    return f"{x:.5g}"


def _table(at, lang="en"):
    """The sample-against-theory table, checked against its translated headers and row labels."""
    frame = at.dataframe[0]
    config = json.loads(frame.proto.columns)
    assert [config[c]["label"] for c in ("sample", "theory")] == [t("common.sample", lang), t("common.theory", lang)]
    rows = config["row"]["type_config"]["options"]
    assert [r["label"] for r in rows] == [t("sampling.mean", lang), t("sampling.variance", lang)]
    table = frame.value
    assert table["row"].tolist() == [r["value"] for r in rows] == ["mean", "variance"]
    return table


@pytest.mark.parametrize("dist", ["bernoulli", "binomial", "gaussian"])
@pytest.mark.parametrize("n", [1, 1_000_000])
def test_each_distribution_at_the_extremes_of_n(dist, n):
    at = open_page(PAGE, {"dist": dist, "n": str(n), "seed": "3"})
    assert_healthy(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2
    for chart in charts:  # never more than ~5,000 points in any chart's data
        assert chart.proto.spec.count('"x"') + chart.proto.spec.count('"k"') < 5000
    table = _table(at)
    params = sampling.DISTRIBUTIONS[dist].defaults
    x = sampling.draw(dist, params, n, 3)
    assert table["sample"].iloc[0] == _g(x.mean())
    assert table["theory"].tolist() == [_g(m) for m in sampling.moments(dist, params)]
    assert table["sample"].iloc[1] == ("—" if n == 1 else _g(x.var(ddof=1)))  # the note: undefined at N = 1


def test_parameters_reach_the_core():
    at = open_page(PAGE, {"dist": "binomial", "trials": "50", "p": "0.9", "n": "10000", "seed": "9"})
    assert_healthy(at)
    table = _table(at)
    theory = table["theory"].tolist()
    assert theory == ["45", "4.5"]
    x = sampling.draw("binomial", {"n": 50, "p": 0.9}, 10_000, 9)
    assert table["sample"].tolist() == [_g(x.mean()), _g(x.var(ddof=1))]
    # the pmf and its moments (from the registry) and the law of large numbers
    latex = "\n".join(x.value for x in at.latex)
    binomial = DISTRIBUTIONS["binomial"]
    assert len(at.latex) >= 2 and binomial.latex in latex and binomial.latex_moments in latex
    assert r"\bar{x}_k" in latex


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
    shown_mean = _table(at)["sample"].iloc[0]
    assert _g(snippet.value) == shown_mean
    assert not [c for c in at.code if "?" in c.value]  # the link is made on request
    at.button(key="_lab_share_make").click().run()
    urls = [c.value for c in at.code if "/sampling?" in c.value]
    assert urls and all(f"{k}={v}" in urls[0] for k, v in
                        {"dist": "binomial", "trials": "20", "p": "0.35", "n": "5000", "seed": "4"}.items())


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_table_is_translated(lang):
    at = open_page(PAGE, {"lang": lang})
    assert_healthy(at)
    _table(at, lang)


def test_sections_are_fragments_with_explicit_parameters():
    # Every section is a @ui.section (st.fragment) taking the page-level choices it depends on as
    # parameters. The Sampling page's widgets all shape the sample every section draws, so they are page
    # level: no section has widgets of its own (none reruns alone).
    tree = ast.parse((ROOT / PAGE).read_text(encoding="utf-8"))
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    assert set(SECTIONS) <= set(functions)
    for name in SECTIONS:
        fn = functions[name]
        assert [ast.unparse(d) for d in fn.decorator_list] == ["ui.section"], name
        assert [a.arg for a in fn.args.args] == ["dist", "params", "size"], name
        assert not [c for c in ast.walk(fn) if isinstance(c, ast.Attribute) and c.attr == "session_state"]
    calls = [n.value.func.id for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
             and isinstance(n.value.func, ast.Name)]
    assert [c for c in calls if c in SECTIONS] == ["histogram", "running_mean"]  # the third returns x̄


def _drawn(at):
    """Every chart's spec and data (datasets are sent beside the spec, Arrow-encoded)."""
    return [(c.proto.spec, [d.data.data for d in c.proto.datasets]) for c in at.get("vega_lite_chart")]


def test_a_page_level_change_redraws_every_section():
    at = open_page(PAGE, {"seed": "3"})
    before = _drawn(at), _table(at)["sample"].tolist()
    at.select_slider(key="sampling.n").set_value(5_000).run()
    assert_healthy(at)
    assert at.query_params["n"] == "5000"
    after = _drawn(at), _table(at)["sample"].tolist()
    assert all(a != b for a, b in zip(before[0], after[0])) and before[1] != after[1]
    x = sampling.draw("gaussian", {"mu": 0.0, "sigma": 1.0}, 5_000, 3)
    assert after[1] == [_g(x.mean()), _g(x.var(ddof=1))]


def _spec_and_rows(chart) -> tuple[dict, list[dict]]:
    """A chart's Vega-Lite spec and its one dataset's rows (Streamlit sends the data as Arrow)."""
    (data,) = chart.proto.datasets
    return json.loads(chart.proto.spec), pa.ipc.open_stream(data.data.data).read_all().to_pylist()


# Issue 16: N = 1 with μ = −10, σ = 10 cut the pdf and left the running-mean chart empty; binomial p = 0 had one tick.
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_one_gaussian_draw_shows_the_bulk_and_the_running_mean_point(lang):
    at = open_page(PAGE, {"dist": "gaussian", "mu": "-10", "sigma": "10", "n": "1", "lang": lang})
    assert_healthy(at)
    (hist, rows), (lln, _) = (_spec_and_rows(c) for c in at.get("vega_lite_chart"))
    curve = [r["left"] for r in rows if r["series"] == t("sampling.exact_pdf", lang)]
    assert min(curve) <= -50 and max(curve) >= 30
    assert [layer["mark"]["type"] for layer in lln["layer"]] == ["rule", "rule", "point"]
    assert lln["layer"][2]["encoding"]["x"]["scale"]["domain"] == [1, 10]


def test_degenerate_binomial_has_an_integer_axis():
    at = open_page(PAGE, {"dist": "binomial", "p": "0", "trials": "10", "n": "100"})
    assert_healthy(at)
    hist, rows = _spec_and_rows(at.get("vega_lite_chart")[0])
    assert sorted({r["left"] + 0.5 for r in rows if r["series"] == t("sampling.observed", "en")}) == [0, 1, 2, 3, 4]
    assert hist["layer"][0]["encoding"]["x"]["axis"]["format"] == "d"
