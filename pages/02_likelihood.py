"""Likelihood: the MLE sits at the peak, why we take logs, and more data sharpens the peak."""

import pandas as pd
import streamlit as st

from estimation import likelihood as lk
from estimation import teaching
from estimation.charts import likelihood as charts
from lab.params import ChoiceParam, FloatParam, IntParam
from lab.shell import cached, page_shell, state_key

SIZES = (2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000,
         100_000, 200_000, 500_000, 1_000_000)
MODEL = ChoiceParam("model", "binomial", tuple(lk.MODELS))
SOURCE = ChoiceParam("source", "typed", ("typed", "simulated"))
K = IntParam("k", 8, lo=0, hi=1_000_000)
TRIALS = IntParam("trials", 10, lo=1, hi=1_000_000)
P = FloatParam("p", 0.3, lo=0.01, hi=0.99, step=0.01)
MU = FloatParam("mu", 0.0, lo=-5.0, hi=5.0, step=0.1, fmt="%.1f")
S2 = FloatParam("s2", 1.0, lo=0.01, hi=10.0, step=0.01)  # σ² > 0: σ² = 0 in a link falls back with a warning
SIZE = ChoiceParam("n", 100, SIZES)
VIEW = ChoiceParam("view", "curves", ("curves", "surface", "logs", "sharpen"))
VIEW_1D = ChoiceParam("view", "curves", ("curves", "logs", "sharpen"))  # the same parameter, without the surface
VARY = ChoiceParam("vary", "mu", ("mu", "sigma2"))
GRID = ChoiceParam("grid", 100, (25, 50, 100, 150, 200))

HAT = {"p": "p̂", "theta": "θ̂", "mu": "μ̂", "sigma2": "σ̂²"}
SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
LATEX = {  # "score" and "mle" are tuples of lines, each narrow enough for half a page
    "bernoulli": {
        "lik": r"L(p)=\prod_{i=1}^{N} p^{x_i}(1-p)^{1-x_i}=p^{k}(1-p)^{N-k}",
        "loglik": r"\ell(p)=k\log p+(N-k)\log(1-p),\quad k=\textstyle\sum_{i} x_i",
        "score": (r"\frac{d\ell}{dp}=\frac{k}{p}-\frac{N-k}{1-p}=\frac{k-Np}{p(1-p)}",),
        "mle": (r"\frac{d\ell}{dp}=0\;\Longrightarrow\;\hat p=\frac{k}{N}",),
    },
    "binomial": {
        "lik": r"L(\theta)=\binom{n}{k}\theta^{k}(1-\theta)^{n-k}",
        "loglik": r"\ell(\theta)=\log\binom{n}{k}+k\log\theta+(n-k)\log(1-\theta)",
        "score": (r"\frac{d\ell}{d\theta}=\frac{k}{\theta}-\frac{n-k}{1-\theta}=\frac{k-n\theta}{\theta(1-\theta)}",),
        "mle": (r"\frac{d\ell}{d\theta}=0\;\Longrightarrow\;\hat\theta=\frac{k}{n}",),
    },
    "gaussian": {
        "lik": r"L(\mu,\sigma^2)=\prod_{i=1}^{N}\frac{1}{\sqrt{2\pi\sigma^2}}\exp\!\left(-\frac{(x_i-\mu)^2}{2\sigma^2}\right)",
        "loglik": r"\ell(\mu,\sigma^2)=-\tfrac{N}{2}\log(2\pi\sigma^2)-\tfrac{1}{2\sigma^2}\textstyle\sum_{i=1}^{N}(x_i-\mu)^2",
        "score": (r"\frac{\partial\ell}{\partial\mu}=\frac{1}{\sigma^2}\textstyle\sum_{i=1}^{N}(x_i-\mu)",
                  r"\frac{\partial\ell}{\partial\sigma^2}=-\frac{N}{2\sigma^2}+\frac{1}{2\sigma^4}\textstyle\sum_{i=1}^{N}(x_i-\mu)^2"),
        "mle": (r"\hat\mu=\bar x=\tfrac{1}{N}\textstyle\sum_{i=1}^{N}x_i",
                r"\hat\sigma^2=\tfrac{1}{N}\textstyle\sum_{i=1}^{N}(x_i-\bar x)^2"),
    },
}
LOGS_LATEX = (r"L_n=\prod_{i=1}^{n} f(x_i)\ \xrightarrow{\ \text{float64}\ }\ %s,\qquad"
              r"\ell_n=\log L_n=\sum_{i=1}^{n}\log f(x_i)")  # %s: 0, or ∞ when densities exceed 1
QUAD_LATEX = (r"\ell(\theta)\approx\ell(\hat\theta)-\tfrac{1}{2}J(\hat\theta)(\theta-\hat\theta)^2",
              r"J(\hat\theta)=-\ell''(\hat\theta),\qquad \mathrm{SE}=\frac{1}{\sqrt{J(\hat\theta)}}")
NUMBER = st.column_config.NumberColumn(format="%.6g")  # a pandas Styler would cost ~10 ms per table
INTERVAL_LATEX = (r"\text{Wald: }\ \hat\theta\pm1.96\,\mathrm{SE}",
                  r"\text{LR: }\ \{\theta:\ 2(\ell(\hat\theta)-\ell(\theta))\le\chi^2_1(0.95)=3.84\}")

ui = page_shell("likelihood", [MODEL, SOURCE, K, TRIALS, P, MU, S2, SIZE, VIEW, VARY, GRID])
st.markdown(ui.t("likelihood.intro"))

# ---------------------------------------------------------------- data
model_col, truth_col, size_col = st.columns(3)
model = ui.radio(MODEL, ui.t("likelihood.model"), format_func=lambda m: ui.t(f"likelihood.model.{m}"),
                 where=model_col)
typed = model == "binomial" and ui.radio(
    SOURCE, ui.t("likelihood.source"), format_func=lambda s: ui.t(f"likelihood.source.{s}"), where=model_col
) == "typed"
if typed:
    k = ui.number(K, ui.t("likelihood.k"), where=truth_col)
    trials = ui.number(TRIALS, ui.t("likelihood.trials"), where=size_col)
    data = {"model": "binomial", "n": trials, "k": k}  # k > n: the core's InputError, shown translated by ui.run
else:
    if model == "gaussian":
        truth = {"mu": ui.slider(MU, ui.t("likelihood.true_mu"), where=truth_col),
                 "sigma2": ui.slider(S2, ui.t("likelihood.true_s2"), where=truth_col)}
    else:
        name = lk.MODELS[model].params[0].name
        truth = {name: ui.slider(P, ui.t(f"likelihood.true_{name}"), where=truth_col)}
    n = ui.select_slider(SIZE, ui.t("likelihood.trials" if model == "binomial" else "likelihood.size"),
                         format_func="{:,}".format, where=size_col)
    data = {"model": model, "n": n, "truth": truth, "seed": ui.seed}

metrics_box = st.container()  # filled below, once the report is computed
view_spec = VIEW if model == "gaussian" else VIEW_1D  # the surface needs two parameters
if view_spec is VIEW_1D and st.session_state.get(state_key(ui.page.id, VIEW)) == "surface":
    st.warning(ui.t("likelihood.surface_gaussian_only"), icon=":material/warning:")
    st.session_state[state_key(ui.page.id, VIEW)] = VIEW.default
view = ui.radio(view_spec, ui.t("likelihood.view"), format_func=lambda v: ui.t(f"likelihood.view.{v}"))
st.divider()
report = ui.run(cached(lk.likelihood_report), **data, naive=view == "logs")  # naive product only when shown

metric_cols = metrics_box.columns(2 + len(report.mle))
if report.k is None:
    metric_cols[0].metric(ui.t("likelihood.metric.size"), f"{report.n:,}")
else:
    metric_cols[0].metric(ui.t("likelihood.metric.successes", N="n" if model == "binomial" else "N",
                               n=f"{report.n:,}"), f"{report.k:,}")
for col, (name, value) in zip(metric_cols[1:], report.mle.items()):
    col.metric(ui.t("likelihood.metric.mle", hat=HAT[name]), f"{value:.6g}")
metric_cols[-1].metric(ui.t("likelihood.metric.loglik", hats=", ".join(HAT[name] for name in report.mle)),
                       f"{report.loglik_max:.6g}")

param = next(iter(report.views))
if model == "gaussian" and view in ("curves", "sharpen"):
    param = ui.radio(VARY, ui.t("likelihood.vary"), format_func=lambda v: ui.t(f"likelihood.vary.{v}"))
pv = report.views[param]
sym, hat = lk.MODELS[model].param(param).symbol, HAT[param]
mle_label = ui.t("likelihood.mle_label", hat=hat)
truth_label = ui.t("likelihood.truth_label")
x_title = ui.t("likelihood.x_axis", sym=sym)

# ---------------------------------------------------------------- views
if view == "curves":
    lik_col, loglik_col = st.columns(2)
    power = str(pv.lik_exponent).translate(SUPERSCRIPT)
    ui.chart(
        charts.likelihood_chart, pv, x_title=x_title,
        y_title=(ui.t("likelihood.lik_axis_scaled", sym=sym, power=power) if pv.lik_exponent
                 else ui.t("likelihood.lik_axis", sym=sym)),
        curve_label=ui.t("likelihood.lik_label"), mle_label=mle_label, truth_label=truth_label,
        title=ui.t("likelihood.lik_title", sym=sym), where=lik_col,
    )
    lik_col.latex(LATEX[model]["lik"])
    if pv.lik_exponent:
        note = ui.t("likelihood.scaled_note", power=power, exponent=pv.lik_exponent)
        if not ui.run(lk.fits_float64, pv.loglik_hat):  # L itself is not a float64
            note += " " + ui.t("likelihood.scaled_note_float")
        lik_col.caption(note)
    ui.chart(
        charts.loglik_chart, pv, x_title=x_title, y_title=ui.t("likelihood.loglik_axis", sym=sym),
        curve_label=ui.t("likelihood.loglik_label"), mle_label=mle_label, truth_label=truth_label,
        tangent_label=ui.t("likelihood.tangent_label"), title=ui.t("likelihood.loglik_title", sym=sym),
        where=loglik_col,
    )
    loglik_col.latex(LATEX[model]["loglik"])
    table_col, formula_col = st.columns(2)
    rows = {mle_label: [pv.theta_hat, pv.loglik_hat, pv.score_hat]}
    if pv.truth is not None:
        rows[truth_label] = [pv.truth, pv.loglik_truth, pv.score_truth]
    table = pd.DataFrame.from_dict(
        rows, orient="index", columns=[sym, ui.t("likelihood.col.loglik"), ui.t("likelihood.col.score", sym=sym)])
    table_col.dataframe(table, column_config={c: NUMBER for c in table.columns})
    if pv.information == float("inf"):  # a proportion's MLE on the edge of [0, 1]
        table_col.caption(ui.t("likelihood.boundary_note", hat=hat, value=f"{pv.theta_hat:g}",
                               score=f"{pv.score_hat:g}"))
    else:
        table_col.caption(ui.t("likelihood.score_note"))
    for formula in (*LATEX[model]["score"], *LATEX[model]["mle"]):
        formula_col.latex(formula)
    formula_col.caption(ui.t(f"likelihood.slip.{model}"))

if view == "surface":
    grid = ui.select_slider(GRID, ui.t("likelihood.grid"))
    mu_view, s2_view = report.views["mu"], report.views["sigma2"]
    surface = ui.run(cached(lk.gaussian_surface), report.stats, mu_view.window, s2_view.window, grid=grid)
    heat_col, formula_col = st.columns(2)
    ui.chart(
        charts.surface_chart, surface, (report.mle["mu"], report.mle["sigma2"]),
        (report.truth["mu"], report.truth["sigma2"]),
        x_title=ui.t("likelihood.mu_axis"), y_title=ui.t("likelihood.s2_axis"),
        color_title=ui.t("likelihood.surface_color"), contour_label=ui.t("likelihood.contours"),
        slice_label=ui.t("likelihood.slices"), mle_label=ui.t("likelihood.mle_label", hat="(μ̂, σ̂²)"),
        truth_label=truth_label, title=ui.t("likelihood.surface_title"), where=heat_col,
    )
    for formula in (LATEX["gaussian"]["loglik"], *LATEX["gaussian"]["score"], *LATEX["gaussian"]["mle"]):
        formula_col.latex(formula)
    formula_col.caption(ui.t("likelihood.slip.gaussian"))
    formula_col.caption(ui.t("likelihood.surface_note", cells=surface.cells, grid=surface.grid))
    for slice_col, slice_view, axis, key in zip(st.columns(2), (mu_view, s2_view), ("μ, σ̂²", "μ̂, σ²"),
                                                ("likelihood.slice_mu_title", "likelihood.slice_s2_title")):
        ui.chart(
            charts.loglik_chart, slice_view,
            x_title=ui.t("likelihood.mu_axis" if slice_view is mu_view else "likelihood.s2_axis"),
            y_title=ui.t("likelihood.loglik_axis", sym=axis), curve_label=ui.t("likelihood.loglik_label"),
            mle_label=ui.t("likelihood.mle_label", hat=HAT[slice_view.param]), truth_label=truth_label,
            title=ui.t(key), height=240, where=slice_col,
        )

if view == "logs":
    nv = report.naive
    chart_col, info_col = st.columns([3, 2])
    overflow = nv.failure == "overflow"
    ui.chart(
        charts.naive_chart, nv, x_title=ui.t("likelihood.logs_x"), y_title=ui.t("likelihood.logs_y"),
        product_label=ui.t("likelihood.product_label"), loglik_label=ui.t("likelihood.sum_label"),
        failure_label=ui.t("likelihood.overflow_label" if overflow else "likelihood.underflow_label"),
        limit_label=ui.t("likelihood.limit_over" if overflow else "likelihood.limit_under"),
        title=ui.t("likelihood.logs_title"), where=chart_col,
    )
    chart_col.latex(LOGS_LATEX % (r"\infty" if overflow else "0"))
    failed = nv.failure_n is not None
    info_col.metric(ui.t("likelihood.metric.failure"), f"{nv.failure_n:,}" if failed else ui.t("likelihood.never"))
    info_col.metric(ui.t("likelihood.metric.product"), f"{nv.product_last:.6g}")
    info_col.metric(ui.t("likelihood.metric.sum"), f"{nv.loglik_last:.6g}")
    if failed:
        info_col.markdown(ui.t(f"likelihood.{nv.failure}_note", n=f"{nv.failure_n:,}",
                               loglik=f"{nv.loglik_at_failure:.6g}"))
    else:
        info_col.markdown(ui.t("likelihood.never_note", n=f"{report.n:,}"))
    at = ", ".join(f"{HAT[name]} = {value:.4g}" for name, value in report.mle.items())
    info_col.caption(ui.t("likelihood.logs_at", at=at))
    if model == "binomial":
        info_col.caption(ui.t("likelihood.binomial_logs_note"))

if view == "sharpen":
    size_sym = "n" if model == "binomial" else "N"
    if pv.sharp_k is None:
        labels = [ui.t("likelihood.size_label", N=size_sym, n=f"{m:,}") for m in pv.sharp_sizes]
    else:
        labels = [ui.t("likelihood.size_label_k", N=size_sym, n=f"{m:,}", k=f"{km:,}")
                  for m, km in zip(pv.sharp_sizes, pv.sharp_k)]
    rel_title = ui.t("likelihood.rel_axis", sym=sym, hat=hat)
    sharp_col, quad_col = st.columns(2)
    ui.chart(charts.sharpen_chart, pv, labels, x_title=x_title, y_title=rel_title, truth_label=truth_label,
             title=ui.t("likelihood.sharp_title"), where=sharp_col)
    ui.chart(
        charts.quadratic_chart, pv, x_title=x_title, y_title=rel_title,
        curve_label=ui.t("likelihood.exact_label"), quad_label=ui.t("likelihood.quad_label", hat=hat, sym=sym),
        wald_label=ui.t("likelihood.wald_label", hat=hat), lr_label=ui.t("likelihood.lr_label"),
        threshold_label=ui.t("likelihood.threshold_label"), title=ui.t("likelihood.quad_title"),
        where=quad_col,
    )
    for formula in QUAD_LATEX:
        sharp_col.latex(formula)
    for formula in INTERVAL_LATEX:
        quad_col.latex(formula)
    st.subheader(ui.t("likelihood.interval_title", sym=sym))
    intervals = ui.run(lk.interval_table, pv)
    table = pd.DataFrame(
        [intervals["wald"], intervals["lr"]],
        index=[ui.t("likelihood.table.wald", hat=hat), ui.t("likelihood.table.lr")],
        columns=[ui.t("likelihood.col.lower"), ui.t("likelihood.col.upper"), ui.t("likelihood.col.width")],
    )
    st.dataframe(table, column_config={c: NUMBER for c in table.columns})
    st.caption(ui.t("likelihood.info_note", hat=hat, info=f"{pv.information:.6g}", se=f"{pv.se:.6g}"))

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t(f"likelihood.notice.{view}"))

results = {"model": model, "n": report.n, "k": report.k, "mle": report.mle, "loglik_max": report.loglik_max,
           "param": param, "se": pv.se, "wald_95": pv.wald, "lr_95": pv.lr}
if report.naive is not None:
    results["naive_failure_n"] = report.naive.failure_n
ui.code(ui.run(cached(teaching.snippet), "likelihood", **data))
ui.share(results)
ui.exercises()
