"""The Bayes page: every prior and data source, the 3-of-3 case, the step control, bad links, numbers shown, sections."""

import ast
from pathlib import Path

import pytest

from estimation import coverage, teaching
from estimation.views import bayes as views
from lab.strings import t as tr
from tests.app.apptest import assert_healthy, open_page, warnings_text

PAGE = "pages/04_bayes.py"
PRESETS = {"uniform": (1.0, 1.0), "jeffreys": (0.5, 0.5), "weak": (2.0, 2.0), "strong": (20.0, 20.0),
           "custom": (2.0, 5.0)}  # custom: the a, b sliders' defaults


def _estimates(at):
    """The point-estimate table as {row: value}, its rows in the order MLE, MAP, mean, sd, prior mean."""
    table = at.dataframe[0].value
    assert list(table["estimate"]) == ["mle", "map", "mean", "sd", "prior_mean"]
    return dict(zip(table["estimate"], table["value"]))


def _intervals(at):
    table = at.dataframe[1].value
    assert list(table["interval"]) == ["equal_tailed", "hdi", "wald", "wilson"]
    return {m: (lo, hi) for m, lo, hi in zip(table["interval"], table["lower"], table["upper"])}


def _assert_shows(at, rep):
    """The tables show the core's numbers, rounded to the 4 decimals displayed."""
    shown = _estimates(at)
    assert shown["mle"] == round(rep.mle, 4)
    assert shown["map"] == round(rep.map.value, 4)
    assert shown["mean"] == round(rep.mean, 4)
    assert shown["sd"] == round(rep.sd, 4)
    assert shown["prior_mean"] == round(rep.prior_mean, 4)
    for method, (lo, hi) in _intervals(at).items():
        assert (lo, hi) == (round(rep.intervals[method][0], 4), round(rep.intervals[method][1], 4))


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("source", ["simulated", "typed"])
@pytest.mark.parametrize("prior", list(PRESETS))
def test_every_prior_and_data_source_renders_the_cores_numbers(prior, source, lang):
    at = open_page(PAGE, {"prior": prior, "source": source, "lang": lang, "seed": "5"})
    assert_healthy(at)
    assert not at.warning, warnings_text(at)
    assert len(at.get("vega_lite_chart")) == 4
    a, b = PRESETS[prior]
    data = {"p": 0.2, "seed": 5} if source == "simulated" else {"k": 3}
    n = 10 if source == "simulated" else 3
    rep = views.posterior(a, b, n, **data)
    _assert_shows(at, rep)
    assert tr("bayes.data_line", lang, k=rep.k, n=rep.n, a=f"{a:.4g}", b=f"{b:.4g}", a_post=f"{rep.a_post:.4g}",
              b_post=f"{rep.b_post:.4g}") in [m.value for m in at.markdown]
    formulas = [f.value for f in at.latex]  # one aligned block each: posterior, MAP, step, coverage
    assert len(formulas) == 4
    for part, block in zip([r"\sim\mathrm{Beta}(a+k,\ b+n-k)", r"\lambda^{-1}I", r"\mathrm{Beta}(a_t,b_t)",
                            r"\mathrm{Bin}(n,\,p)"], formulas):
        assert part in block
    for part in (r"\hat p_{\mathrm{MLE}}=\frac{k}{n}", r"\operatorname{Var}[p\mid x_{1:n}]", r"\text{Wilson: }"):
        assert part in formulas[0]


def test_three_of_three_mle_is_one_but_the_posterior_mean_is_not():
    at = open_page(PAGE, {"source": "typed", "k": "3", "trials": "3", "prior": "uniform"})
    assert_healthy(at)
    shown = _estimates(at)
    assert shown["mle"] == 1.0
    assert shown["mean"] == 0.8 and shown["mean"] < 1.0  # (k + 1)/(n + 2)
    assert _intervals(at)["wald"] == (1.0, 1.0)  # Wald collapses to a point
    assert _intervals(at)["equal_tailed"][0] < 0.5  # the posterior is far from certain
    info = "\n".join(i.value for i in at.info)
    assert "3" in info and "[1, 1]" in info


def test_custom_prior_and_simulated_data_reach_the_core():
    query = {"prior": "custom", "a": "3.5", "b": "0.7", "p": "0.85", "n": "200", "t": "150", "seed": "9"}
    at = open_page(PAGE, query)
    assert_healthy(at)
    rep = views.posterior(3.5, 0.7, 200, p=0.85, seed=9)
    _assert_shows(at, rep)
    s = views.one_at_a_time(3.5, 0.7, 200, p=0.85, seed=9, t=150)
    assert tr("bayes.step_now", "en", t=150, k=s.k, a=f"{s.a:.4g}", b=f"{s.b:.4g}", mean=f"{s.mean:.4g}",
              lo=f"{s.interval[0]:.4g}", hi=f"{s.interval[1]:.4g}", level="95") in [m.value for m in at.markdown]
    shown = at.dataframe[2].value
    cov = coverage.coverage_exact(views.COVERAGE_P, 200, a=3.5, b=0.7).coverage  # exact: the seed plays no part
    assert list(shown["method"]) == list(coverage.INTERVAL_METHODS)
    assert list(shown["mean"]) == [round(float(cov[m].mean()), 3) for m in coverage.INTERVAL_METHODS]
    assert list(shown["worst"]) == [round(float(cov[m].min()), 3) for m in coverage.INTERVAL_METHODS]


@pytest.mark.parametrize("step", [0, 10])
def test_step_control_extremes(step):
    at = open_page(PAGE, {"seed": "3"})
    at.slider(key="bayes.t").set_value(step).run()
    assert_healthy(at)
    assert at.query_params["t"] == str(step)
    rep = views.posterior(2.0, 2.0, 10, p=0.2, seed=3)
    s = views.one_at_a_time(2.0, 2.0, 10, p=0.2, seed=3, t=step)
    if step == 0:  # nothing seen yet: the posterior is the prior
        assert (s.a, s.b, s.k) == (2.0, 2.0, 0)
    else:  # everything seen: the step view ends at the final posterior
        assert (s.a, s.b) == (rep.a_post, rep.b_post)
    assert tr("bayes.step_now", "en", t=step, k=s.k, a=f"{s.a:.4g}", b=f"{s.b:.4g}", mean=f"{s.mean:.4g}",
              lo=f"{s.interval[0]:.4g}", hi=f"{s.interval[1]:.4g}", level="95") in [m.value for m in at.markdown]


def test_a_step_beyond_n_is_clamped_with_a_note():
    at = open_page(PAGE, {"t": "500"})  # n = 10
    assert_healthy(at)
    assert at.session_state["bayes.t"] == 10
    assert any("t = 500" in i.value for i in at.info)
    at.select_slider(key="bayes.n").set_value(5).run()  # lowering n pulls t down with it
    assert_healthy(at)
    assert at.session_state["bayes.t"] == 5 and at.query_params["t"] == "5"


@pytest.mark.parametrize("a", ["0", "-1", "nan", "abc"])
def test_an_invalid_prior_in_the_link_falls_back_with_a_warning(a):
    at = open_page(PAGE, {"prior": "custom", "a": a, "b": "3"})
    assert not at.exception and not at.error
    assert "`a`" in warnings_text(at)
    assert at.session_state["bayes.a"] == 2.0
    _assert_shows(at, views.posterior(2.0, 3.0, 10, p=0.2, seed=42))


@pytest.mark.parametrize("k", ["-1", "2.5", "1001"])
def test_an_invalid_count_in_the_link_falls_back_with_a_warning(k):
    at = open_page(PAGE, {"source": "typed", "k": k, "trials": "10"})
    assert not at.exception and not at.error
    assert "`k`" in warnings_text(at)
    assert at.session_state["bayes.k"] == 3
    _assert_shows(at, views.posterior(2.0, 2.0, 10, k=3))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_more_successes_than_trials_shows_a_message_not_a_traceback(lang):
    at = open_page(PAGE, {"source": "typed", "k": "5", "trials": "3", "lang": lang})
    assert not at.exception
    message = tr("error.k_over_n", lang, k="5", n="3")  # the core's InputError, in the page's language
    assert [e.value for e in at.error] == [tr("common.error", lang, message=message)]
    at.number_input(key="bayes.trials").set_value(8).run()  # fixing the count brings the page back
    assert_healthy(at)
    _assert_shows(at, views.posterior(2.0, 2.0, 8, k=5))


def test_code_snippet_and_share_box_match_the_page():
    at = open_page(PAGE, {"prior": "jeffreys", "p": "0.35", "n": "50", "seed": "4"})
    assert_healthy(at)
    snippet = teaching.snippet("bayes", a=0.5, b=0.5, n=50, p=0.35, seed=4)
    assert snippet.code in [c.value for c in at.code]
    assert round(snippet.value, 4) == _estimates(at)["mean"]
    assert snippet.value == views.posterior(0.5, 0.5, 50, p=0.35, seed=4).mean
    assert not [c for c in at.code if "?" in c.value]  # the link is made on request
    at.button(key="_lab_share_make").click().run()
    urls = [c.value for c in at.code if "/bayes?" in c.value]
    assert urls and all(f"{k}={v}" in urls[0] for k, v in {"prior": "jeffreys", "p": "0.35", "n": "50"}.items())


def _coverage_dots(at):
    """The Monte Carlo dots of the coverage chart (the last chart), as {p: wald coverage}."""
    import pyarrow as pa

    (data,) = at.get("vega_lite_chart")[-1].proto.datasets  # one top-level dataset, sent as Arrow
    frame = pa.ipc.open_stream(data.data.data).read_all().to_pandas()
    dots = frame[frame["mc"] == 1]
    return dict(zip(dots["p"].tolist(), dots["wald"].tolist()))


@pytest.mark.parametrize("seed", [9, 10])
def test_the_coverage_monte_carlo_draws_with_the_page_seed(seed):
    at = open_page(PAGE, {"seed": str(seed)})
    assert_healthy(at)
    mc = coverage.coverage_monte_carlo(views.COVERAGE_P[::4], 10, a=2.0, b=2.0, seed=seed)
    assert _coverage_dots(at) == dict(zip(mc.p.tolist(), mc.coverage["wald"].tolist()))


def test_no_nan_reaches_a_chart_at_t_zero():
    import pyarrow as pa

    at = open_page(PAGE, {"t": "0"})
    assert_healthy(at)
    for chart in at.get("vega_lite_chart"):
        for data in chart.proto.datasets:
            table = pa.ipc.open_stream(data.data.data).read_all()
            for name, column in zip(table.column_names, table.columns):
                if name in ("t", "mean", "lo", "hi", "k"):  # the path chart's columns: never null, never NaN
                    assert column.null_count == 0, name
                    assert not any(isinstance(v, float) and v != v for v in column.to_pylist()), name


def _step_shown(at, lang="en"):
    """The 'after t observations' line for the t in session state, as the page must show it."""
    t = at.session_state["bayes.t"]
    return t, [m.value for m in at.markdown if m.value.startswith(tr("bayes.step_now", lang).split("{", 1)[0])]


@pytest.mark.parametrize(("query", "widget", "new_n"), [
    ({"seed": "9"}, ("select_slider", "bayes.n"), 20),  # issue 16: t = 3 jumped to 0 (URL t=0)
    ({"seed": "9", "t": "7"}, ("select_slider", "bayes.n"), 1_000),
    ({"source": "typed", "k": "4", "trials": "10", "t": "6"}, ("number_input", "bayes.trials"), 20),
])
def test_a_step_that_still_fits_is_kept_when_n_changes(query, widget, new_n):
    at = open_page(PAGE, query)
    before = at.session_state["bayes.t"]
    kind, key = widget
    getattr(at, kind)(key=key).set_value(new_n).run()
    assert_healthy(at)
    assert at.session_state["bayes.t"] == before and at.slider(key="bayes.t").value == before
    assert at.query_params.get("t", "3") == str(before)  # the default t = 3 stays out of the URL
    assert not at.main.info  # nothing was clamped: no note
    data = {"k": int(query["k"])} if "k" in query else {"p": 0.2, "seed": 9}
    s = views.one_at_a_time(2.0, 2.0, new_n, t=before, **data)
    assert tr("bayes.step_now", "en", t=before, k=s.k, a=f"{s.a:.4g}", b=f"{s.b:.4g}", mean=f"{s.mean:.4g}",
              lo=f"{s.interval[0]:.4g}", hi=f"{s.interval[1]:.4g}", level="95") in [m.value for m in at.markdown]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_clamping_note_is_in_the_pages_language(lang):
    at = open_page(PAGE, {"t": "500", "lang": lang})
    assert_healthy(at)
    assert [i.value for i in at.main.info] == [tr("bayes.step_clamped", lang, t=500, n=10)]
    assert at.query_params["t"] == "10"


def _section_outputs(at) -> dict:
    """What each section shows: its charts' datasets, tables and text, by section."""
    charts = [c.proto.spec + "".join(d.data.data.hex() for d in c.proto.datasets) for c in at.get("vega_lite_chart")]
    tables = [d.value.to_json() for d in at.dataframe]
    text = [m.value for m in at.markdown]
    return {
        "posterior": (charts[0], tables[:2], [m for m in text if "Beta(" in m and "→" in m]),
        "one_at_a_time": (charts[1:3], [m for m in text if "t =" in m]),
        "coverage": (charts[3], tables[2], [c.value for c in at.caption if "Monte Carlo" in c.value]),
    }


def test_moving_t_changes_only_its_section_and_the_url():
    at = open_page(PAGE, {"seed": "9"})
    before = _section_outputs(at)
    at.slider(key="bayes.t").set_value(8).run()
    assert_healthy(at)
    assert at.query_params["t"] == "8"
    after = _section_outputs(at)
    assert after["one_at_a_time"] != before["one_at_a_time"]
    assert after["posterior"] == before["posterior"] and after["coverage"] == before["coverage"]


def test_the_sections_are_fragments_called_with_their_dependencies():
    tree = ast.parse(Path(PAGE).read_text(encoding="utf-8"))
    sections = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)
                and any(ast.unparse(d) == "ui.section" for d in f.decorator_list)}
    assert set(sections) == {"posterior", "one_at_a_time", "coverage"}
    for name, fn in sections.items():
        free = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        params = {a.arg for a in fn.args.args}
        # page-level choices reach a section only as arguments (ui, modules and constants are not choices)
        assert not free & {"a", "b", "n", "data", "preset", "source"} - params, name
    calls = [ast.unparse(n) for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    assert {"posterior(a, b, n, data)", "one_at_a_time(a, b, n, data)", "coverage(a, b, n, ui.seed)"} <= set(calls)
