"""The Likelihood page: every model and view in both languages, the numbers shown, the extremes."""

import json

import pytest

from estimation import likelihood as lk
from estimation import likelihood_intervals as li
from estimation import sampling, teaching
from estimation.naive_likelihood import naive_likelihood
from estimation.views import likelihood as views
from estimation._validation import InputError
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page, warnings_text

PAGE = "pages/02_likelihood.py"
VIEWS = ["curves", "surface", "logs", "sharpen"]


def _metrics(at):
    return {m.label: m.value for m in at.metric}


def _charts(at):
    return at.get("vega_lite_chart")


def _table(at, i=0):
    """The i-th table shown, indexed by its row labels (the first column, shown in place of an index)."""
    frame = at.dataframe[i]
    assert json.loads(frame.proto.columns)["_index"] == {"hidden": True} and list(frame.value.columns)[0] == ""
    return frame.value.set_index("")


def _column_formats(frame):
    """The column_config of a shown st.dataframe (its number formats)."""
    return [c["type_config"] for name, c in json.loads(frame.proto.columns).items() if name != "_index"]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("model", ["bernoulli", "binomial", "gaussian"])
def test_every_model_and_view_renders_in_both_languages(model, view, lang):
    at = open_page(PAGE, {"model": model, "view": view, "source": "simulated", "n": "500", "lang": lang})
    assert_healthy(at)
    shown = view
    if view == "surface" and model != "gaussian":  # offered for the Gaussian only: the curves, with a warning
        assert [w.value for w in at.warning] == [t("likelihood.surface_gaussian_only", lang)]
        assert at.radio(key="likelihood.view").options == [t(f"likelihood.view.{v}", lang)
                                                            for v in ("curves", "logs", "sharpen")]
        assert "view" not in at.query_params
        shown = "curves"
    else:
        assert not at.warning, warnings_text(at)
    assert at.radio(key="likelihood.view").value == shown
    assert len(_charts(at)) == {"curves": 2, "surface": 3, "logs": 1, "sharpen": 2}[shown]
    assert at.latex  # the formulas beside the charts
    assert t(f"likelihood.notice.{shown}", lang) in [m.value for m in at.markdown]
    assert at.code and at.get("expander")  # the snippet and the share box are never cut off
    for chart in _charts(at):  # never more than ~5,000 rows in any chart
        assert chart.proto.spec.count('"series"') <= 5000


def test_the_classic_8_of_10_shows_theta_hat_0_8():
    at = open_page(PAGE)  # the defaults are the exam question
    assert_healthy(at)
    metrics = _metrics(at)
    assert metrics[t("likelihood.metric.mle", "en", hat="θ̂")] == "0.8"
    assert metrics[t("likelihood.metric.successes", "en", N="n", n="10")] == "8"
    table = _table(at)
    v = views.curves_view("binomial", 10, k=8).view
    mle_row = table.loc[t("likelihood.mle_label", "en", hat="θ̂")]
    assert mle_row.iloc[0] == 0.8
    assert mle_row.iloc[1] == pytest.approx(v.loglik_hat, rel=1e-12)
    assert abs(mle_row.iloc[2]) < 1e-12  # the score is zero at the MLE
    assert len(table) == 1  # typed-in data: no true value
    assert any("\\frac{k}{\\theta}-\\frac{n-k}{1-\\theta}" in x.value for x in at.latex)  # minus, not plus


def test_8_of_10_intervals_shown_equal_the_core():
    at = open_page(PAGE, {"view": "sharpen"})
    assert_healthy(at)
    table = _table(at)
    assert table.iloc[0, :2].tolist() == pytest.approx(list(li.binomial_wald_interval(8, 10)), rel=1e-12)
    assert table.iloc[1, :2].tolist() == pytest.approx(list(li.binomial_lr_interval(8, 10)), rel=1e-12)
    assert table.iloc[0, 1] > 1.0 > table.iloc[1, 1]  # Wald leaves [0, 1]; the likelihood-ratio interval does not
    assert table.iloc[:, 2].tolist() == pytest.approx((table.iloc[:, 1] - table.iloc[:, 0]).tolist(), rel=1e-12)
    assert all(c.get("format") == "%.6g" for c in _column_formats(at.dataframe[0]))


@pytest.mark.parametrize("vary", ["mu", "sigma2"])
def test_gaussian_numbers_shown_equal_the_core(vary):
    query = {"model": "gaussian", "n": "2000", "mu": "1.5", "s2": "4", "seed": "11", "vary": vary}
    at = open_page(PAGE, query)
    assert_healthy(at)
    x = sampling.draw("gaussian", {"mu": 1.5, "sigma": 2.0}, 2000, 11)
    metrics = _metrics(at)
    assert metrics[t("likelihood.metric.mle", "en", hat="μ̂")] == f"{x.mean():.6g}"
    assert metrics[t("likelihood.metric.mle", "en", hat="σ̂²")] == f"{x.var():.6g}"
    v = views.curves_view("gaussian", 2000, truth={"mu": 1.5, "sigma2": 4.0}, seed=11, param=vary).view
    table = _table(at)
    assert table.iloc[0].tolist() == pytest.approx([v.theta_hat, v.loglik_hat, v.score_hat], rel=1e-12, abs=1e-9)
    assert table.iloc[1].tolist() == pytest.approx([v.truth, v.loglik_truth, v.score_truth], rel=1e-12)
    at = open_page(PAGE, {**query, "view": "sharpen"})
    table = _table(at)
    assert table.iloc[0, :2].tolist() == pytest.approx(list(li.gaussian_wald_interval(x, vary)), rel=1e-9)
    assert table.iloc[1, :2].tolist() == pytest.approx(list(li.gaussian_lr_interval(x, vary)), rel=1e-9)


def test_why_logs_shows_the_underflow_point():
    at = open_page(PAGE, {"model": "bernoulli", "n": "10000", "p": "0.5", "view": "logs", "seed": "3"})
    assert_healthy(at)
    x = sampling.draw("bernoulli", {"p": 0.5}, 10_000, 3)
    naive = naive_likelihood("bernoulli", x, p=x.mean())
    metrics = _metrics(at)
    assert metrics[t("likelihood.metric.failure", "en")] == f"{naive.failure_n:,}"
    assert metrics[t("likelihood.metric.product", "en")] == "0"
    assert metrics[t("likelihood.metric.sum", "en")] == f"{naive.loglik[-1]:.6g}"
    # 8 of 10: the product survives, and the page says so
    at = open_page(PAGE, {"view": "logs"})
    assert _metrics(at)[t("likelihood.metric.failure", "en")] == t("likelihood.never", "en")


@pytest.mark.parametrize("query", [
    {"model": "gaussian", "n": "1000000", "view": "surface", "grid": "200"},
    {"model": "gaussian", "n": "1000000", "view": "logs"},
    {"model": "bernoulli", "n": "1000000", "view": "curves"},
    {"model": "binomial", "source": "simulated", "n": "1000000", "view": "sharpen"},
])
def test_a_million_observations(query):
    at = open_page(PAGE, query)
    assert_healthy(at)
    metrics = _metrics(at)
    size = t("likelihood.metric.size", "en")
    assert (metrics[size] == "1,000,000" if size in metrics
            else t("likelihood.metric.successes", "en", N="n" if "source" in query else "N", n="1,000,000") in metrics)
    assert len(_charts(at)) >= 1


@pytest.mark.parametrize("query", [
    {"model": "bernoulli", "p": "0.01", "n": "2"},
    {"model": "bernoulli", "p": "0.99", "n": "1000000", "view": "sharpen"},
    {"model": "binomial", "source": "simulated", "p": "0.01", "n": "2", "view": "sharpen"},
    {"model": "gaussian", "mu": "-5", "s2": "0.01", "n": "2", "vary": "sigma2", "view": "surface", "grid": "25"},
    {"model": "gaussian", "mu": "5", "s2": "10", "n": "2", "vary": "sigma2", "view": "sharpen"},
    {"model": "gaussian", "s2": "0.01", "n": "100000", "view": "logs"},  # densities > 1: overflow
    {"k": "0", "trials": "1"},
    {"k": "1", "trials": "1", "view": "sharpen"},
    {"k": "1000000", "trials": "1000000", "view": "logs"},
    {"k": "0", "trials": "1000000", "view": "sharpen"},
])
def test_extremes_of_every_widget(query):
    at = open_page(PAGE, query)
    assert_healthy(at)
    assert not at.warning, warnings_text(at)


def test_tiny_variance_overflows_instead():
    at = open_page(PAGE, {"model": "gaussian", "s2": "0.01", "n": "100000", "view": "logs"})
    naive = views.logs_view("gaussian", 100_000, truth={"mu": 0.0, "sigma2": 0.01}, seed=42).naive
    assert naive.failure == "overflow"
    assert t("likelihood.overflow_note", "en", n=f"{naive.failure_n:,}",
             loglik=f"{naive.loglik_at_failure:.6g}") in [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_more_successes_than_trials_is_explained_not_raised(lang):
    at = open_page(PAGE, {"k": "11", "trials": "10", "lang": lang})
    assert not at.exception
    with pytest.raises(InputError) as err:  # the core refuses the data and names the problem
        views.summary_view("binomial", 10, k=11)
    assert err.value.key == "k_over_n" and err.value.fields == {"k": "11", "n": "10"}
    message = t("error.k_over_n", lang, k="11", n="10")
    assert [e.value for e in at.error] == [t("common.error", lang, message=message)]
    assert not _charts(at)
    at.number_input(key="likelihood.trials").set_value(11).run()  # fixing n brings the page back
    assert not at.error and len(_charts(at)) == 2


def test_trials_box_reads_what_the_browser_sends_for_1e3_and_keeps_whole_numbers():
    # Streamlit's integer box parses a typed "1e3" with parseInt (1); the trials box is a float box showing
    # no decimals, so the browser sends 1000.0 (checked in chromium); a typed 2.5 becomes the whole number 2.
    at = open_page(PAGE)
    box = at.number_input(key="likelihood.trials")
    assert box.proto.format == "%.0f" and box.value == 10
    box.set_value(1000.0).run()
    assert_healthy(at)
    assert at.query_params["trials"] == "1000"
    assert at.metric[0].value == "8"  # k of n = 1,000 (the metric shows k; n is in its label)
    assert "1,000" in at.metric[0].label
    at.number_input(key="likelihood.trials").set_value(12.5).run()
    assert at.number_input(key="likelihood.trials").value == 12.0  # rounded before the rerun
    assert at.query_params["trials"] == "12"


def test_surface_choice_survives_model_switches():
    at = open_page(PAGE, {"model": "gaussian", "view": "surface"})
    assert_healthy(at)
    assert len(_charts(at)) == 3
    at.radio(key="likelihood.model").set_value("bernoulli").run()
    assert_healthy(at)
    assert [w.value for w in at.warning] == [t("likelihood.surface_gaussian_only", "en")]
    assert at.radio(key="likelihood.view").value == "curves" and "view" not in at.query_params
    assert len(_charts(at)) == 2
    at.radio(key="likelihood.view").set_value("sharpen").run()
    at.radio(key="likelihood.model").set_value("gaussian").run()
    assert_healthy(at)
    assert not at.warning and at.radio(key="likelihood.view").value == "sharpen"
    assert at.query_params["view"] == "sharpen"


def test_scaled_likelihood_says_when_L_leaves_float64():
    note = t("likelihood.scaled_note_float", "en")
    at = open_page(PAGE, {"model": "bernoulli", "n": "1000000"})  # ℓ̂ ≈ −6·10⁵: L underflows
    summary = views.summary_view("bernoulli", 1_000_000, truth={"p": 0.3}, seed=42)
    assert not views.fits_float64(summary.loglik_max)
    assert any(note in c.value for c in at.caption)
    at = open_page(PAGE, {"model": "bernoulli", "n": "200"})  # L ≈ 10⁻⁵⁵: rescaled, but a float64
    curves = views.curves_view("bernoulli", 200, truth={"p": 0.3}, seed=42)
    assert curves.view.lik_exponent != 0 and views.fits_float64(views.summary_view("bernoulli", 200, truth={"p": 0.3},
                                                                              seed=42).loglik_max)
    assert not any(note in c.value for c in at.caption)


@pytest.mark.parametrize("name,bad", [("s2", "0"), ("p", "1.5"), ("s2", "-1"), ("grid", "300"), ("view", "3d")])
def test_bad_url_values_fall_back_with_a_warning(name, bad):
    at = open_page(PAGE, {"model": "gaussian", "view": "surface", name: bad})
    assert not at.exception
    assert f"`{name}`" in warnings_text(at)
    assert name not in at.query_params


def test_switching_the_varied_parameter_keeps_the_report_cached():
    at = open_page(PAGE, {"model": "gaussian", "n": "1000"})
    before = _metrics(at)
    at.radio(key="likelihood.vary").set_value("sigma2").run()
    assert_healthy(at)
    assert at.query_params["vary"] == "sigma2"
    assert _metrics(at) == before  # same data, other slice
    titles = [json.loads(c.proto.spec)["title"] for c in _charts(at)]
    titles = [" ".join(x) if isinstance(x, list) else x for x in titles]  # a long title is shown in lines
    assert titles == [t("likelihood.lik_title", "en", sym="σ²"), t("likelihood.loglik_title", "en", sym="σ²")]
    assert _table(at).columns[0] == "σ²"


@pytest.mark.parametrize("query, data", [
    ({}, {"model": "binomial", "n": 10, "k": 8}),
    ({"k": "0", "trials": "7"}, {"model": "binomial", "n": 7, "k": 0}),
    ({"source": "simulated", "p": "0.7", "n": "50", "seed": "5"},
     {"model": "binomial", "n": 50, "truth": {"theta": 0.7}, "seed": 5}),
    ({"model": "bernoulli", "n": "1000", "p": "0.3", "seed": "3"},
     {"model": "bernoulli", "n": 1000, "truth": {"p": 0.3}, "seed": 3}),
    ({"model": "gaussian", "n": "2000", "mu": "1.5", "s2": "4", "seed": "11"},
     {"model": "gaussian", "n": 2000, "truth": {"mu": 1.5, "sigma2": 4.0}, "seed": 11}),
])
def test_code_snippet_prints_the_max_loglik_shown(query, data):
    at = open_page(PAGE, query)
    assert_healthy(at)
    snippet = teaching.snippet("likelihood", **data)
    assert snippet.code in [c.value for c in at.code]
    summary = views.summary_view(**data)
    assert snippet.value == pytest.approx(summary.loglik_max, rel=1e-12)
    hats = ", ".join({"binomial": ["θ̂"], "bernoulli": ["p̂"], "gaussian": ["μ̂", "σ̂²"]}[data["model"]])
    assert _metrics(at)[t("likelihood.metric.loglik", "en", hats=hats)] == f"{snippet.value:.6g}"


def test_questions_render_in_japanese_and_a_multiple_choice_slip_is_named():
    at = open_page(PAGE, {"lang": "ja", "seed": "7"})
    assert_healthy(at)
    questions = teaching.questions("likelihood", 7)
    shown = "\n".join(m.value for m in at.markdown)
    for q in questions:
        assert t(q.prompt, "ja", **q.fields) in shown
    i, q = next((i, q) for i, q in enumerate(questions, 1) if q.is_choice)  # why logs?
    slip = q.slips[0]
    at.radio(key=f"_lab_ex_in_7.{i}").set_value(int(slip.value))
    at.button(key=f"_lab_ex_check_7.{i}").click().run()
    assert not at.exception
    assert t(slip.hint, "ja") in [w.value for w in at.warning]


# ---------------------------------------------------------------------------- sections (issue 15)
SECTIONS = ("curves", "surface", "why_logs", "sharpen")


def test_each_section_is_a_fragment_with_its_dependencies_as_parameters():
    import ast
    from pathlib import Path

    from tests.conftest import ROOT

    tree = ast.parse(Path(ROOT / PAGE).read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    for name in SECTIONS:
        fn = functions[name]
        assert [ast.unparse(d) for d in fn.decorator_list] == ["ui.section"], name  # st.fragment
        assert [a.arg for a in fn.args.args] == ["data"], name  # the page-level data choice, explicitly
    # no module-level names but the widget specs, the shell and constants are read inside a section
    page_level = {"model", "typed", "k", "trials", "truth", "n", "summary", "view", "view_spec", "name"}
    for name in SECTIONS:
        read = {n.id for n in ast.walk(functions[name]) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        assert not read & page_level, (name, read & page_level)


def _outside(at):
    """What the page shows outside the sections: metrics, snippet, notice, headers (and the exercises)."""
    notice = t("common.what_to_notice", "en")
    return (_metrics(at), [c.value for c in at.code], [m.value for m in at.markdown],
            [s.value for s in at.subheader if s.value == notice], [x.value for x in at.title])


def _chart_data(at):
    """Each chart's title and dataset (the rows it draws)."""
    return [(json.loads(c.proto.spec).get("title"), c.proto.spec) for c in _charts(at)]


@pytest.mark.parametrize("view", ["curves", "sharpen"])
def test_the_vary_widget_changes_only_its_section(view):
    at = open_page(PAGE, {"model": "gaussian", "n": "1000", "view": view})
    assert_healthy(at)
    before, charts_before, tables_before = _outside(at), _chart_data(at), _table(at).to_dict()
    at.radio(key="likelihood.vary").set_value("sigma2").run()
    assert_healthy(at)
    assert at.query_params["vary"] == "sigma2" and at.query_params.get("view", "curves") == view
    assert at.query_params["model"] == "gaussian" and at.query_params["n"] == "1000"
    assert _outside(at) == before  # the metrics, snippet and notes stay as they were
    assert _chart_data(at) != charts_before and _table(at).to_dict() != tables_before  # the section redrew σ²
    v = views.curves_view("gaussian", 1000, truth={"mu": 0.0, "sigma2": 1.0}, seed=42, param="sigma2").view
    if view == "curves":
        assert _table(at).iloc[0].tolist() == pytest.approx([v.theta_hat, v.loglik_hat, v.score_hat], rel=1e-12)
    else:
        assert _table(at).iloc[1, :2].tolist() == pytest.approx(list(v.lr), rel=1e-12)


def test_the_grid_widget_changes_only_the_surface():
    at = open_page(PAGE, {"model": "gaussian", "n": "1000", "view": "surface"})
    assert_healthy(at)
    before, charts_before = _outside(at), _chart_data(at)
    at.select_slider(key="likelihood.grid").set_value(25).run()
    assert_healthy(at)
    assert at.query_params["grid"] == "25" and at.query_params["view"] == "surface"
    assert _outside(at) == before
    charts_after = _chart_data(at)
    assert charts_after[0] != charts_before[0]  # the heatmap and contours on the 25 × 25 grid
    assert charts_after[1:] == charts_before[1:]  # the two slices do not depend on the grid
    assert any(t("likelihood.surface_note", "en", cells=25, grid=25) in c.value for c in at.caption)


@pytest.mark.parametrize("query, param", [
    ({"model": "gaussian", "n": "1000", "view": "sharpen", "vary": "sigma2"}, "sigma2"),
    ({"model": "gaussian", "n": "1000", "view": "surface"}, "mu"),
    ({"model": "bernoulli", "n": "10000", "view": "logs"}, "p"),
    ({}, "theta"),
])
def test_the_share_box_gets_the_numbers_the_sections_show(monkeypatch, query, param):
    from lab.share import Share

    recorded = {}
    original = Share.record

    def spy(self, **results):
        recorded.update(results)
        original(self, **results)

    monkeypatch.setattr(Share, "record", spy)
    at = open_page(PAGE, query)
    assert_healthy(at)
    model = query.get("model", "binomial")
    n = int(query.get("n", 10))
    data = ({"k": 8} if not query else
            {"truth": {"p": 0.3} if model == "bernoulli" else {"mu": 0.0, "sigma2": 1.0}, "seed": 42})
    s = views.summary_view(model, n, **data)
    v = views.sharpen_view(model, n, **data, param=param).view
    expected = {"model": model, "n": n, "k": s.k, "mle": s.mle, "loglik_max": s.loglik_max, "param": param,
                "se": v.se, "wald_95": v.wald, "lr_95": v.lr}  # the same keys, in the same order, as before
    if query.get("view") == "logs":
        expected["naive_failure_n"] = views.logs_view(model, n, **data).naive.failure_n
    assert recorded == expected and list(recorded) == list(expected)
