"""The Estimator bias page: every population in both languages, extremes, the numbers shown."""

import ast
import json

import numpy as np
import pytest

from estimation import estimators as E
from estimation import monte_carlo as M
from estimation.views import estimator_bias as V
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page
from tests.conftest import ROOT

PAGE = "pages/03_estimator_bias.py"
ROWS = ("n_minus_1", "n", "n_plus_1", "known_mean")
COLUMNS = ("divisor", "mean_exact", "mean_mc", "bias_exact", "bias_mc", "bias_se",
           "var_exact", "var_mc", "mse_exact", "mse_mc")
PARAMS = {"gaussian": {"sigma2": 1.0}, "exponential": {"scale": 1.0}, "student_t": {"nu": 6.0, "scale": 1.0},
          "bernoulli": {"p": 0.3}}


def _labels(frame, row_column):
    """A dataframe's column headers and row labels as the browser shows them (its column_config)."""
    config = json.loads(frame.proto.columns)
    rows = config[row_column]["type_config"]["options"]
    assert [r["value"] for r in rows] == frame.value[row_column].tolist()
    return [config[c]["label"] for c in frame.value.columns if c != row_column], [r["label"] for r in rows]


def _table(at, lang="en"):
    """The main table (a column per estimator, a row per quantity) as {estimator: {quantity: value}}, checked
    against the translated headers and row labels."""
    frame = at.dataframe[0]
    df = frame.value
    assert list(df.columns) == ["quantity", *ROWS] and df["quantity"].tolist() == list(COLUMNS)
    headers, rows = _labels(frame, "quantity")
    assert headers == [t(f"estimator_bias.short.{k}", lang) for k in ROWS]
    assert rows == [t(f"estimator_bias.col.{c}", lang) for c in COLUMNS]
    return {k: dict(zip(COLUMNS, df[k].tolist())) for k in ROWS}


def _latex(at):
    return "\n".join(x.value for x in at.latex)


def _text(at):
    return "\n".join(m.value for m in at.markdown)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("population", list(E.POPULATIONS))
def test_each_population_renders_with_the_core_numbers(population, lang):
    n, reps, seed = 5, 2_000, 7
    at = open_page(PAGE, {"pop": population, "n": str(n), "reps": str(reps), "seed": str(seed), "lang": lang})
    assert_healthy(at)
    assert not at.warning
    charts = at.get("vega_lite_chart")
    assert len(charts) == (4 if population == "bernoulli" else 3)
    params = PARAMS[population]
    exact = E.exact_moments(population, params, n)
    summary = M.simulate(population, params, n, reps, seed).summary
    table = _table(at, lang)
    sigma2 = E.POPULATIONS[population].moments(params).variance
    for key in ROWS:
        row = table[key]
        assert row["divisor"] == E.VARIANCE_ESTIMATORS[key].divisor(n)
        for col, field in (("mean", "mean"), ("bias", "bias"), ("var", "variance"), ("mse", "mse")):
            assert row[f"{col}_exact"] == getattr(exact[key], field), (key, col)
            assert row[f"{col}_mc"] == getattr(summary[key], field), (key, col)
        assert row["bias_se"] == summary[key].bias_se
    # independent closed forms: E[1/N] = (N − 1)/N σ², bias −σ²/N; 1/(N − 1) and known μ unbiased
    assert table["n"]["mean_exact"] == pytest.approx((n - 1) / n * sigma2, rel=1e-12)
    assert table["n"]["bias_exact"] == pytest.approx(-sigma2 / n, rel=1e-12)
    assert table["n_plus_1"]["bias_exact"] == pytest.approx(-2 * sigma2 / (n + 1), rel=1e-12)
    assert table["n_minus_1"]["bias_exact"] == pytest.approx(0.0, abs=1e-15)
    assert table["known_mean"]["bias_exact"] == 0.0
    # the sentence under the histogram quotes the same expectation
    assert t("estimator_bias.at_n", lang, n=n, nm1=n - 1, sigma2=sigma2, mean=exact["n"].mean,
             bias=exact["n"].bias) in _text(at)
    # the estimators, their expectations, bias, MSE, d* and the derivation are there (formulas folded into
    # fewer st.latex elements: checked by content)
    latex = _latex(at)
    for piece in (r"d\in\{N-1,\;N,\;N+1\}", r"\hat\sigma^2_{\mu}=\frac{1}{N}", r"\mathbb{E}\big[\hat\sigma^2_{d}\big]",
                  r"=-\frac{\sigma^2}{N}\;\to\;0", r"\operatorname{Var}\big[\hat\sigma^2\big]+\operatorname{bias}^2",
                  r"d^{*}=(N-1)", r"N(\bar x-\mu)^2", r"=(N-1)\,\sigma^2", r"\frac{N-1}{N}\,\sigma^2,"):
        assert piece in latex, piece
    assert (r"\sim\chi^2_{N-1}" in latex) == (population == "gaussian")
    assert (r"k\sim\operatorname{Binomial}(N,p)" in latex) == (population == "bernoulli")
    assert t("estimator_bias.slip", lang, n=n, nm1=n - 1) in [i.value for i in at.info]


@pytest.mark.parametrize("n", [2, 5, 30, 1_000])
def test_gaussian_mse_order_is_stated_with_the_exact_numbers(n):
    sigma2 = 2.5
    at = open_page(PAGE, {"n": str(n), "sigma2": str(sigma2), "reps": "1000"})
    assert_healthy(at)
    assert not at.warning
    s4 = sigma2**2
    mse = {"n_minus_1": 2 * s4 / (n - 1), "n": (2 * n - 1) * s4 / n**2, "n_plus_1": 2 * s4 / (n + 1)}
    table = _table(at)
    for key, value in mse.items():
        assert table[key]["mse_exact"] == pytest.approx(value, rel=1e-12)
    assert mse["n_plus_1"] < mse["n"] < mse["n_minus_1"]
    statement = t("estimator_bias.mse_biased_wins", "en", mse_n=table["n"]["mse_exact"],
                  mse_unbiased=table["n_minus_1"]["mse_exact"], best=t("estimator_bias.short.n_plus_1"),
                  mse_best=table["n_plus_1"]["mse_exact"])
    assert statement in _text(at)
    optimal = t("estimator_bias.optimal", "en", d=E.optimal_divisor("gaussian", {"sigma2": sigma2}, n), np1=n + 1)
    assert optimal in _text(at)
    assert f"d* = **{n + 1}**" in optimal  # d* = N + 1 for Gaussian data


def test_the_unbiased_estimator_can_win_for_light_tails():
    # Bernoulli(0.5) has excess kurtosis −2: at N = 5 the best divisor is 4.4 < N − 1/2.
    at = open_page(PAGE, {"pop": "bernoulli", "p": "0.5", "n": "5", "reps": "500"})
    assert_healthy(at)
    table = _table(at)
    assert table["n_minus_1"]["mse_exact"] < table["n"]["mse_exact"]
    text = _text(at)
    assert t("estimator_bias.mse_unbiased_wins", "en", mse_n=table["n"]["mse_exact"],
             mse_unbiased=table["n_minus_1"]["mse_exact"], best=t("estimator_bias.short.n_minus_1"),
             mse_best=table["n_minus_1"]["mse_exact"]) in text
    assert "d* = **4.4**" in text


def test_bernoulli_proportion_table_shows_p_and_p_one_minus_p_over_n():
    n, reps, p = 20, 2_000, 0.3
    at = open_page(PAGE, {"pop": "bernoulli", "n": str(n), "reps": str(reps), "seed": "4"})
    assert_healthy(at)
    assert not at.warning  # every URL value was accepted
    frame = at.dataframe[1]
    prop = frame.value
    assert list(prop.columns) == ["row", "theory", "sample"]
    assert _labels(frame, "row") == ([t("common.theory"), t("common.sample")],
                                     [t("estimator_bias.prop_mean"), t("estimator_bias.prop_var")])
    assert prop["theory"].tolist() == pytest.approx([p, p * (1 - p) / n], rel=1e-12)
    mc = M.simulate("bernoulli", {"p": p}, n, reps, 4).summary[E.MEAN_KEY]
    assert prop["sample"].tolist() == [mc.mean, mc.variance]


@pytest.mark.parametrize("n, reps", [(2, 100), (2, 200_000), (1_000, 100), (1_000, 20_000), (5, 200_000)])
def test_extremes_of_n_and_r(n, reps):
    at = open_page(PAGE, {"n": str(n), "reps": str(reps)})
    assert_healthy(at)
    assert not at.warning
    assert len(at.get("vega_lite_chart")) == 3
    for chart in at.get("vega_lite_chart"):  # never more than ~5,000 rows in a chart
        assert chart.proto.spec.count('"x"') + chart.proto.spec.count('"n"') + chart.proto.spec.count('"part"') < 5000
    table = _table(at)
    assert table["n"]["mean_exact"] == pytest.approx((n - 1) / n, rel=1e-12)


def test_r_times_n_over_the_bound_shows_a_message_not_a_traceback():
    at = open_page(PAGE, {"n": "1000", "reps": "200000"})
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert message.startswith(t("common.error", "en", message="")) and "R × N" in message
    assert "100,000,000" in message
    assert not at.get("vega_lite_chart")
    # the bound is stated next to the sliders, in the page's language
    assert t("estimator_bias.draws_limit", "en", limit=E.MAX_DRAWS) in [c.value for c in at.caption]


def test_a_view_only_change_does_not_rerun_the_monte_carlo(monkeypatch):
    calls = []
    original = M._simulate
    monkeypatch.setattr(M, "_simulate", lambda *args: calls.append(args[2:4]) or original(*args))
    at = open_page(PAGE)
    assert_healthy(at)
    first = len(calls)
    assert first >= 1
    at.multiselect(key="estimator_bias.show").set_value(["n", "n_plus_1"]).run()
    assert_healthy(at)
    assert len(calls) == first  # only the chart changed
    assert at.query_params["show"] == "n,n_plus_1"
    at.select_slider(key="estimator_bias.n").set_value(10).run()
    assert_healthy(at)
    assert calls[first:] == [(10, 20_000)]  # a new N reruns the study only, not the bias curve


def test_emptying_the_estimator_list_explains_instead_of_drawing_nothing():
    at = open_page(PAGE)
    at.multiselect(key="estimator_bias.show").set_value([]).run()
    assert_healthy(at)
    assert t("estimator_bias.show_none") in [i.value for i in at.info]
    assert len(at.get("vega_lite_chart")) == 2


def test_heavy_tail_note_only_for_nu_up_to_8():
    note = t("estimator_bias.heavy_tail_note")
    at = open_page(PAGE, {"pop": "student_t", "nu": "6"})
    assert_healthy(at)
    assert note in [c.value for c in at.caption]
    at = open_page(PAGE, {"pop": "student_t", "nu": "12"})
    assert note not in [c.value for c in at.caption]


def test_every_chart_has_an_export_menu():
    at = open_page(PAGE)
    buttons = [b for b in at.get("download_button") if "_lab_export_" in b.proto.id]  # not the JSON export
    # one download per chart, a ZIP of its PNG, SVG and CSV (tests/core/test_export.py checks the archive),
    # deferred: nothing is rendered until it is clicked
    assert len(buttons) == len(at.get("vega_lite_chart"))
    assert all(b.proto.label == "PNG · SVG · CSV" and b.proto.deferred_file_id for b in buttons)
    assert np.isfinite(_table(at)["n"]["mse_mc"])


@pytest.mark.slow
def test_largest_allowed_simulation_renders_within_the_memory_bound():
    # R·N = 200,000 × 500 = MAX_DRAWS exactly: drawn in chunks, so the peak
    # stays far below the lab's 150 MB per-rerun bound (tracemalloc sees numpy).
    import tracemalloc

    tracemalloc.start()
    try:
        at = open_page(PAGE, {"n": "500", "reps": "200000"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert_healthy(at)
    assert 500 * 200_000 == E.MAX_DRAWS
    assert peak / 2**20 < 150, f"peak {peak / 2**20:.0f} MB"
    assert _table(at)["n"]["mean_exact"] == pytest.approx(499 / 500, rel=1e-12)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_code_snippet_prints_the_tables_monte_carlo_mean_and_the_questions_render(lang):
    import contextlib
    import io

    from estimation import teaching

    query = {"pop": "student_t", "nu": "12", "n": "10", "reps": "2000", "seed": "9", "lang": lang}
    at = open_page(PAGE, query)
    assert_healthy(at)
    snippet = teaching.snippet("estimator_bias", population="student_t", params={"nu": 12.0, "scale": 1.0},
                               n=10, reps=2_000, seed=9)
    assert snippet.code in [c.value for c in at.code]
    # the snippet's number is the table's Monte Carlo E[σ̂²] of the 1/N row, and the program prints it
    assert snippet.value == _table(at, lang)["n"]["mean_mc"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet.code, "<snippet>", "exec"), {})
    assert float(out.getvalue().rsplit("=", 1)[1]) == pytest.approx(snippet.value, rel=1e-9)
    at.button(key="_lab_share_make").click().run()  # the link is made on request
    urls = [c.value for c in at.code if "/estimator_bias?" in c.value]
    assert urls and all(f"{k}={v}" in urls[0] for k, v in query.items() if (k, v) != ("lang", "en"))
    # every question of this seed is shown in the page's language
    text = _text(at)
    for q in teaching.questions("estimator_bias", 9):
        assert t(q.prompt, lang, **q.fields) in text


def test_snippet_reuses_the_pages_study_and_refuses_another_ones():
    from estimation import teaching

    settings = {"population": "exponential", "params": {"scale": 2.0}, "n": 4, "reps": 500, "seed": 3}
    study = V.estimator_study(*settings.values())
    assert teaching.snippet("estimator_bias", **settings, result=study) == teaching.snippet("estimator_bias", **settings)
    with pytest.raises(ValueError, match="result"):
        teaching.snippet("estimator_bias", **{**settings, "n": 5}, result=study)


def test_the_caption_states_the_largest_share_beyond_the_histogram():
    # exponential data at N = 2: long right tails pass the 4σ² end of the bins
    at = open_page(PAGE, {"pop": "exponential", "n": "2", "reps": "5000", "seed": "3"})
    assert_healthy(at)
    study = V.estimator_study("exponential", {"scale": 1.0}, 2, 5_000, 3)
    lo, hi = study.hist.edges[0], study.hist.edges[-1]
    values = M.simulate("exponential", {"scale": 1.0}, 2, 5_000, 3).values
    share = max(np.mean((values[k] < lo) | (values[k] > hi)) for k in E.VARIANCE_ESTIMATORS)
    assert share > 0
    captions = [c.value for c in at.caption if t("estimator_bias.outside", "en", fraction=share) in c.value]
    assert len(captions) == 1


SECTIONS = {"sampling_distributions": ["study"], "bias_against_n": ["pop", "params", "n"], "mse_tradeoff": ["study"],
            "estimator_table": ["study"], "derivation": ["n"], "proportion": ["study"]}


def test_sections_are_fragments_with_explicit_parameters():
    tree = ast.parse((ROOT / PAGE).read_text(encoding="utf-8"))
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    for name, args in SECTIONS.items():
        fn = functions[name]
        assert [ast.unparse(d) for d in fn.decorator_list] == ["ui.section"], name  # st.fragment: reruns alone
        assert [a.arg for a in fn.args.args] == args, name
        assert not [c for c in ast.walk(fn) if isinstance(c, ast.Attribute) and c.attr == "session_state"]
    called = [n.value.func.id for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)
              and isinstance(n.value.func, ast.Name)]
    assert [c for c in called if c in SECTIONS] == list(SECTIONS)


def _outputs(at):
    """What each part of the page shows: charts (spec and data), tables, captions, text, formulas."""
    charts = [(c.proto.spec, [d.data.data for d in c.proto.datasets]) for c in at.get("vega_lite_chart")]
    tables = [f.value.to_dict() for f in at.dataframe]
    return charts, tables, [c.value for c in at.caption], [m.value for m in at.markdown], _latex(at)


def test_changing_the_shown_estimators_changes_only_their_chart():
    at = open_page(PAGE, {"pop": "bernoulli", "n": "6", "reps": "2000", "seed": "5"})
    assert_healthy(at)
    charts, tables, captions, text, latex = _outputs(at)
    at.multiselect(key="estimator_bias.show").set_value(["n_plus_1", "n"]).run()
    assert_healthy(at)
    assert at.query_params["show"] == "n_plus_1,n"  # in the order chosen; the chart keeps the registry's
    charts2, tables2, captions2, text2, latex2 = _outputs(at)
    assert charts2[0] != charts[0]  # the sampling-distribution chart redrew
    assert charts2[1:] == charts[1:] and len(charts) == 4  # bias, MSE and proportion charts: identical
    assert (tables2, captions2, text2, latex2) == (tables, captions, text, latex)


def test_a_page_level_change_reaches_every_section():
    at = open_page(PAGE, {"pop": "bernoulli", "n": "6", "reps": "2000", "seed": "5"})
    charts, tables, *_ = _outputs(at)
    at.select_slider(key="estimator_bias.n").set_value(8).run()
    assert_healthy(at)
    assert at.query_params["n"] == "8"
    charts2, tables2, *_ = _outputs(at)
    assert all(a != b for a, b in zip(charts, charts2)) and tables2 != tables  # the bias chart marks the new N
    assert _table(at)["n"]["mean_exact"] == pytest.approx(7 / 8 * 0.21, rel=1e-12)
