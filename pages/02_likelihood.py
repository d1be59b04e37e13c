"""Likelihood: the MLE sits at the peak, why we take logs, and more data sharpens the peak."""

import streamlit as st

from estimation import likelihood as lk
from estimation import teaching
from estimation.charts import likelihood as charts
from estimation.views import likelihood as views
from lab.params import ChoiceParam, FloatParam, IntParam
from lab.shell import cached, page_shell

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
VARY = ChoiceParam("vary", "mu", ("mu", "sigma2"))
GRID = ChoiceParam("grid", 100, (25, 50, 100, 150, 200))

LOGS_LATEX = (r"L_n=\prod_{i=1}^{n} f(x_i)\ \xrightarrow{\ \text{float64}\ }\ %s,\qquad"
              r"\ell_n=\log L_n=\sum_{i=1}^{n}\log f(x_i)")  # %s: 0, or ∞ when densities exceed 1
QUAD_LATEX = (r"\begin{gathered}\ell(\theta)\approx\ell(\hat\theta)-\tfrac{1}{2}J(\hat\theta)(\theta-\hat\theta)^2"
              r"\\[4pt]J(\hat\theta)=-\ell''(\hat\theta),\qquad \mathrm{SE}=\frac{1}{\sqrt{J(\hat\theta)}}\end{gathered}")
INTERVAL_LATEX = (r"\begin{gathered}\text{Wald: }\ \hat\theta\pm1.96\,\mathrm{SE}\\[4pt]"
                  r"\text{LR: }\ \{\theta:\ 2(\ell(\hat\theta)-\ell(\theta))\le\chi^2_1(0.95)=3.84\}\end{gathered}")
NUMBER = st.column_config.NumberColumn(format="%.6g")  # a pandas Styler would cost ~10 ms per table

ui = page_shell("likelihood", [MODEL, SOURCE, K, TRIALS, P, MU, S2, SIZE, VIEW, VARY, GRID])
st.markdown(ui.t("likelihood.intro"))

# ---------------------------------------------------------------- the data (page level: every section reads them)
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

summary = ui.run(cached(views.summary_view), **data)
metric_cols = st.columns(2 + len(summary.mle))
if summary.k is None:
    metric_cols[0].metric(ui.t("likelihood.metric.size"), f"{summary.n:,}")
else:
    metric_cols[0].metric(ui.t("likelihood.metric.successes", N=summary.size, n=f"{summary.n:,}"), f"{summary.k:,}")
for col, (name, value) in zip(metric_cols[1:], summary.mle.items()):
    col.metric(ui.t("likelihood.metric.mle", hat=summary.hats[name]), f"{value:.6g}")
metric_cols[-1].metric(ui.t("likelihood.metric.loglik", hats=", ".join(summary.hats.values())),
                       f"{summary.loglik_max:.6g}")
ui.record(model=model, n=summary.n, k=summary.k, mle=summary.mle, loglik_max=summary.loglik_max,
          param=summary.param, se=summary.se, wald_95=summary.wald, lr_95=summary.lr)

view_spec, dropped = ui.narrow(VIEW, summary.sections)
if dropped:  # a view this model does not offer (the surface needs two parameters)
    st.warning(ui.t("likelihood.surface_gaussian_only"), icon=":material/warning:")
view = ui.radio(view_spec, ui.t("likelihood.view"), format_func=lambda v: ui.t(f"likelihood.view.{v}"))
st.divider()


def vary(model: str) -> str | None:
    """The Gaussian's parameter to draw (a section widget); None: the model's only one."""
    if model != "gaussian":
        return None
    return ui.radio(VARY, ui.t("likelihood.vary"), format_func=lambda v: ui.t(f"likelihood.vary.{v}"))


# ---------------------------------------------------------------- the sections
@ui.section
def curves(data: dict) -> None:
    """L(θ) and ℓ(θ) side by side, the score at θ̂ and θ₀, the model's formulas."""
    c = ui.run(cached(views.curves_view), **data, param=vary(data["model"]))
    v, sym = c.view, c.symbol
    labels = {"mle": ui.t("likelihood.mle_label", hat=c.hat), "truth": ui.t("likelihood.truth_label")}
    lik_col, loglik_col = st.columns(2)
    ui.chart(charts.likelihood_chart, v, x_title=ui.t("likelihood.x_axis", sym=sym),
             y_title=(ui.t("likelihood.lik_axis_scaled", sym=sym, power=c.power) if c.power
                      else ui.t("likelihood.lik_axis", sym=sym)),
             curve_label=ui.t("likelihood.lik_label"), mle_label=labels["mle"], truth_label=labels["truth"],
             title=ui.t("likelihood.lik_title", sym=sym), where=lik_col)
    lik_col.latex(c.latex_lik)
    if c.power:
        float_note = "" if c.lik_fits_float64 else " " + ui.t("likelihood.scaled_note_float")  # L is not a float64
        lik_col.caption(ui.t("likelihood.scaled_note", power=c.power, exponent=v.lik_exponent) + float_note)
    ui.chart(charts.loglik_chart, v, x_title=ui.t("likelihood.x_axis", sym=sym),
             y_title=ui.t("likelihood.loglik_axis", sym=sym), curve_label=ui.t("likelihood.loglik_label"),
             mle_label=labels["mle"], truth_label=labels["truth"], tangent_label=ui.t("likelihood.tangent_label"),
             title=ui.t("likelihood.loglik_title", sym=sym), where=loglik_col)
    loglik_col.latex(c.latex_loglik)
    table_col, formula_col = st.columns(2)
    columns = (sym, ui.t("likelihood.col.loglik"), ui.t("likelihood.col.score", sym=sym))
    table_col.dataframe(c.table(labels, columns), hide_index=True, column_config=dict.fromkeys(columns, NUMBER))
    table_col.caption(ui.t("likelihood.boundary_note", hat=c.hat, value=f"{v.theta_hat:g}", score=f"{v.score_hat:g}")
                      if c.boundary else ui.t("likelihood.score_note"))  # a proportion's MLE on the edge of [0, 1]
    formula_col.latex(c.latex_score)
    formula_col.caption(ui.t(f"likelihood.slip.{data['model']}"))
    ui.record(param=v.param, se=v.se, wald_95=v.wald, lr_95=v.lr)


@ui.section
def surface(data: dict) -> None:
    """The Gaussian ℓ(μ, σ²) − ℓ̂ as a heatmap with contours, and its two slices through the MLE."""
    s = ui.run(cached(views.surface_view), **data, grid=ui.select_slider(GRID, ui.t("likelihood.grid")))
    truth_label = ui.t("likelihood.truth_label")
    heat_col, formula_col = st.columns(2)
    ui.chart(charts.surface_chart, s.surface, s.mle, s.truth, x_title=ui.t("likelihood.mu_axis"),
             y_title=ui.t("likelihood.s2_axis"), color_title=ui.t("likelihood.surface_color"),
             contour_label=ui.t("likelihood.contours"), slice_label=ui.t("likelihood.slices"),
             mle_label=ui.t("likelihood.mle_label", hat="(μ̂, σ̂²)"), truth_label=truth_label,
             title=ui.t("likelihood.surface_title"), where=heat_col)
    formula_col.latex(s.latex)
    formula_col.caption(ui.t("likelihood.slip.gaussian") + "\n\n"
                        + ui.t("likelihood.surface_note", cells=s.surface.cells, grid=s.surface.grid))
    for col, v, axis, hat, key, x_key in zip(st.columns(2), (s.mu, s.sigma2), s.slice_axes, s.hats,
                                             ("likelihood.slice_mu_title", "likelihood.slice_s2_title"),
                                             ("likelihood.mu_axis", "likelihood.s2_axis")):
        ui.chart(charts.loglik_chart, v, x_title=ui.t(x_key), y_title=ui.t("likelihood.loglik_axis", sym=axis),
                 curve_label=ui.t("likelihood.loglik_label"), mle_label=ui.t("likelihood.mle_label", hat=hat),
                 truth_label=truth_label, title=ui.t(key), height=240, where=col)


@ui.section
def why_logs(data: dict) -> None:
    """The float64 product of densities against the sum of their logs, at the MLE."""
    v = ui.run(cached(views.logs_view), **data)
    nv, kind = v.naive, "over" if v.overflow else "under"
    chart_col, info_col = st.columns([3, 2])
    ui.chart(charts.naive_chart, nv, x_title=ui.t("likelihood.logs_x"), y_title=ui.t("likelihood.logs_y"),
             product_label=ui.t("likelihood.product_label"), loglik_label=ui.t("likelihood.sum_label"),
             failure_label=ui.t(f"likelihood.{kind}flow_label"), limit_label=ui.t(f"likelihood.limit_{kind}"),
             title=ui.t("likelihood.logs_title"), where=chart_col)
    chart_col.latex(LOGS_LATEX % (r"\infty" if v.overflow else "0"))
    failed = nv.failure_n is not None
    info_col.metric(ui.t("likelihood.metric.failure"), f"{nv.failure_n:,}" if failed else ui.t("likelihood.never"))
    info_col.metric(ui.t("likelihood.metric.product"), f"{nv.product_last:.6g}")
    info_col.metric(ui.t("likelihood.metric.sum"), f"{nv.loglik_last:.6g}")
    info_col.markdown(ui.t(f"likelihood.{nv.failure}_note", n=f"{nv.failure_n:,}", loglik=f"{nv.loglik_at_failure:.6g}")
                      if failed else ui.t("likelihood.never_note", n=f"{v.n:,}"))
    binomial_note = "\n\n" + ui.t("likelihood.binomial_logs_note") if data["model"] == "binomial" else ""
    info_col.caption(ui.t("likelihood.logs_at", at=v.at) + binomial_note)
    ui.record(naive_failure_n=nv.failure_n)


@ui.section
def sharpen(data: dict) -> None:
    """ℓ − ℓ̂ for 10, 100, 1000, … observations; the parabola of ℓ at θ̂; Wald and likelihood-ratio intervals."""
    s = ui.run(cached(views.sharpen_view), **data, param=vary(data["model"]))
    v, sym, hat = s.view, s.symbol, s.hat
    labels = ([ui.t("likelihood.size_label", N=s.size, n=m) for m in s.sizes] if s.ks is None else
              [ui.t("likelihood.size_label_k", N=s.size, n=m, k=km) for m, km in zip(s.sizes, s.ks)])
    x_title, rel_title = ui.t("likelihood.x_axis", sym=sym), ui.t("likelihood.rel_axis", sym=sym, hat=hat)
    sharp_col, quad_col = st.columns(2)
    ui.chart(charts.sharpen_chart, v, labels, x_title=x_title, y_title=rel_title,
             truth_label=ui.t("likelihood.truth_label"), title=ui.t("likelihood.sharp_title"), where=sharp_col)
    ui.chart(charts.quadratic_chart, v, x_title=x_title, y_title=rel_title,
             curve_label=ui.t("likelihood.exact_label"), quad_label=ui.t("likelihood.quad_label", hat=hat, sym=sym),
             wald_label=ui.t("likelihood.wald_label", hat=hat), lr_label=ui.t("likelihood.lr_label"),
             threshold_label=ui.t("likelihood.threshold_label"), title=ui.t("likelihood.quad_title"), where=quad_col)
    sharp_col.latex(QUAD_LATEX)
    quad_col.latex(INTERVAL_LATEX)
    st.subheader(ui.t("likelihood.interval_title", sym=sym))
    columns = (ui.t("likelihood.col.lower"), ui.t("likelihood.col.upper"), ui.t("likelihood.col.width"))
    rows = {"wald": ui.t("likelihood.table.wald", hat=hat), "lr": ui.t("likelihood.table.lr")}
    st.dataframe(s.table(rows, columns), hide_index=True, column_config=dict.fromkeys(columns, NUMBER))
    st.caption(ui.t("likelihood.info_note", hat=hat, info=f"{v.information:.6g}", se=f"{v.se:.6g}"))
    ui.record(param=v.param, se=v.se, wald_95=v.wald, lr_95=v.lr)


{"curves": curves, "surface": surface, "logs": why_logs, "sharpen": sharpen}[view](data)

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t(f"likelihood.notice.{view}"))
ui.code(ui.run(cached(teaching.snippet), "likelihood", **data))
ui.share()
ui.exercises()
