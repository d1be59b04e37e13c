"""Estimator bias: when the 1/N variance estimator is biased, by how much, and why unbiased is not best."""

import pandas as pd
import streamlit as st

from estimation import estimators as E
from estimation import teaching
from estimation.charts import estimator_bias as charts
from estimation.charts import sampling as sampling_charts
from lab.params import ChoiceParam, FloatParam, MultiChoiceParam
from lab.shell import cached, page_shell

SIZES = (2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1_000)
REPS = (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
MSE_KEYS = E.DIVISOR_KEYS
# Bias against N: Monte Carlo at 10 log-spaced sizes (≈ 10 ms for Gaussian data at
# 50,000 draws each, SE ≈ σ²·0.006), the exact curve at every N.
BIAS_SIZES = tuple(E.log_spaced_sizes(2, 100, 10).tolist())
EXACT_SIZES = tuple(range(2, 101))
BIAS_DRAWS = 50_000  # random numbers per Monte Carlo point

POP = ChoiceParam("pop", "gaussian", tuple(E.POPULATIONS))
SIGMA2 = FloatParam("sigma2", 1.0, lo=0.1, hi=10.0, step=0.1, fmt="%.1f")
SCALE = FloatParam("scale", 1.0, lo=0.1, hi=5.0, step=0.1, fmt="%.1f")
NU = FloatParam("nu", 6.0, lo=4.5, hi=30.0, step=0.5, fmt="%.1f")
P = FloatParam("p", 0.3, lo=0.01, hi=0.99, step=0.01)
N = ChoiceParam("n", 5, SIZES)
R = ChoiceParam("reps", 20_000, REPS)
SHOW = MultiChoiceParam("show", ("n_minus_1", "n", "known_mean"), tuple(E.VARIANCE_ESTIMATORS))
PARAM_SPECS = {"sigma2": SIGMA2, "scale": SCALE, "nu": NU, "p": P}

ESTIMATORS_LATEX = (
    r"\hat\sigma^2_{d}=\frac{1}{d}\sum_{n=1}^{N}(x_n-\bar x)^2,\quad d\in\{N-1,\;N,\;N+1\}",
    r"\hat\sigma^2_{\mu}=\frac{1}{N}\sum_{n=1}^{N}(x_n-\mu)^2,\qquad S^2=\hat\sigma^2_{N-1}",
)
EXPECTATION_LATEX = (
    r"\mathbb{E}\big[\hat\sigma^2_{d}\big]=\frac{N-1}{d}\,\sigma^2,\qquad"
    r"\mathbb{E}\big[\hat\sigma^2_{\mu}\big]=\sigma^2",
)
GAUSSIAN_LATEX = r"\frac{(N-1)S^2}{\sigma^2}\sim\chi^2_{N-1},\qquad \frac{N\hat\sigma^2_{\mu}}{\sigma^2}\sim\chi^2_{N}"
BIAS_LATEX = (
    r"\operatorname{bias}\big(\hat\sigma^2_{N}\big)=\mathbb{E}\big[\hat\sigma^2_{N}\big]-\sigma^2"
    r"=-\frac{\sigma^2}{N}\;\to\;0"
)
MSE_LATEX = (r"\operatorname{MSE}=\mathbb{E}\big[(\hat\sigma^2-\sigma^2)^2\big]"
             r"=\operatorname{Var}\big[\hat\sigma^2\big]+\operatorname{bias}^2")
GAUSSIAN_MSE_LATEX = r"\frac{2\sigma^4}{N-1}\;>\;\frac{(2N-1)\,\sigma^4}{N^2}\;>\;\frac{2\sigma^4}{N+1}"
OPTIMAL_LATEX = r"d^{*}=(N-1)\Big(1+\frac{\operatorname{Var}[S^2]}{\sigma^4}\Big)"
DERIVATION_LATEX = (
    r"\sum_{n=1}^{N}(x_n-\mu)^2=\sum_{n=1}^{N}(x_n-\bar x)^2+N(\bar x-\mu)^2",
    r"\mathbb{E}\Big[\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=N\sigma^2-N\cdot\frac{\sigma^2}{N}=(N-1)\,\sigma^2",
    r"\Rightarrow\quad\mathbb{E}\Big[\frac{1}{N}\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=\frac{N-1}{N}\,\sigma^2,"
    r"\qquad\mathbb{E}\Big[\frac{1}{N-1}\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=\sigma^2",
)
PROPORTION_LATEX = (
    r"\hat p=\frac{1}{N}\sum_{n=1}^{N}x_n=\frac{k}{N},\qquad k\sim\operatorname{Binomial}(N,p)",
    r"\mathbb{E}[\hat p]=p,\qquad\operatorname{Var}[\hat p]=\frac{p(1-p)}{N}",
)

ui = page_shell("estimator_bias", [POP, SIGMA2, SCALE, NU, P, N, R, SHOW])
NUMBER = st.column_config.NumberColumn(format="%.4g")
st.markdown(ui.t("estimator_bias.intro"))


def label(key: str) -> str:
    return ui.t(f"estimator_bias.label.{key}")


def short(key: str) -> str:
    return ui.t(f"estimator_bias.short.{key}")


pop_col, size_col, info_col = st.columns(3)
pop = ui.radio(POP, ui.t("estimator_bias.pop"), format_func=lambda k: ui.t(f"estimator_bias.pop.{k}"), where=pop_col)
params = {
    p.name: ui.slider(PARAM_SPECS[p.name], ui.t(f"estimator_bias.param.{p.name}"), where=pop_col)
    for p in E.POPULATIONS[pop].params if p.name in PARAM_SPECS
}
n = ui.select_slider(N, ui.t("estimator_bias.n"), format_func="{:,}".format, where=size_col)
reps = ui.select_slider(R, ui.t("estimator_bias.reps"), format_func="{:,}".format, where=size_col)
size_col.caption(ui.t("estimator_bias.draws_limit", limit=E.MAX_DRAWS))

study = ui.run(cached(E.estimator_study), pop, params, n, reps, ui.seed)
highlights = ui.run(E.study_highlights, study)
sigma2 = study.moments.variance
info_col.caption(ui.t("estimator_bias.population_caption", mean=study.moments.mean, sigma2=sigma2,
                      kurtosis=study.moments.excess_kurtosis))
if pop == "student_t" and params["nu"] <= 8:
    info_col.caption(ui.t("estimator_bias.heavy_tail_note"))

# -- sampling distributions ---------------------------------------------------
st.subheader(ui.t("estimator_bias.dist_header"))
show = ui.multiselect(SHOW, ui.t("estimator_bias.show"), format_func=label)
keys = tuple(k for k in E.VARIANCE_ESTIMATORS if k in show)
if keys:
    ui.chart(
        charts.sampling_distribution_chart,
        study.hist, {k: study.exact[k].mean for k in keys}, sigma2,
        keys=keys, labels={k: label(k) for k in keys},
        curve_x=study.curve_x, curves=study.curves,
        x_title=ui.t("estimator_bias.x_axis"), y_title=ui.t("estimator_bias.y_axis"),
        hist_label=ui.t("estimator_bias.hist"), exact_label=ui.t("estimator_bias.exact_pdf"),
        expectation_label=ui.t("estimator_bias.expectation"), sigma2_label=ui.t("estimator_bias.sigma2_line"),
        title=ui.t("estimator_bias.dist_title"),
    )
else:
    st.info(ui.t("estimator_bias.show_none"), icon=":material/info:")
caption = "estimator_bias.dist_caption_gaussian" if study.curves is not None else "estimator_bias.dist_caption_other"
st.caption(f"{ui.t(caption)} {ui.t('estimator_bias.outside', fraction=highlights.outside)}")
formula_col, text_col = st.columns(2)
with formula_col:
    for formula in ESTIMATORS_LATEX:
        st.latex(formula)
with text_col:
    for formula in EXPECTATION_LATEX:
        st.latex(formula)
    if study.curves is not None:
        st.latex(GAUSSIAN_LATEX)
    st.markdown(ui.t("estimator_bias.at_n", n=n, nm1=n - 1, sigma2=sigma2,
                     mean=study.exact["n"].mean, bias=study.exact["n"].bias))

# -- bias against N -----------------------------------------------------------
st.subheader(ui.t("estimator_bias.bias_header"))
curve = ui.run(cached(E.bias_curve), pop, params, BIAS_SIZES, ui.seed, draws_per_n=BIAS_DRAWS)
exact_curve = ui.run(cached(E.exact_bias), pop, params, EXACT_SIZES)
chart_col, text_col = st.columns(2)
with chart_col:
    ui.chart(
        charts.bias_chart,
        curve.ns, curve.bias, curve.bias_se, EXACT_SIZES, exact_curve,
        current_n=n if n <= EXACT_SIZES[-1] else None,
        x_title=ui.t("estimator_bias.bias_x"), y_title=ui.t("estimator_bias.bias_y"),
        mc_label=ui.t("estimator_bias.bias_mc"), exact_label=ui.t("estimator_bias.bias_exact"),
        zero_label=ui.t("estimator_bias.bias_zero"), current_label=ui.t("estimator_bias.bias_current"),
        title=ui.t("estimator_bias.bias_title"),
    )
    st.caption(ui.t("estimator_bias.bias_caption", draws=BIAS_DRAWS))
with text_col:
    st.latex(BIAS_LATEX)
    st.markdown(ui.t("estimator_bias.bias_text"))

# -- bias–variance trade-off ----------------------------------------------------
st.subheader(ui.t("estimator_bias.mse_header"))
chart_col, text_col = st.columns(2)
with chart_col:
    ui.chart(
        charts.mse_chart,
        {k: study.exact[k] for k in MSE_KEYS}, {k: study.summary[k] for k in MSE_KEYS},
        keys=MSE_KEYS, labels={k: short(k) for k in MSE_KEYS},
        x_title=ui.t("estimator_bias.mse_x"), y_title=ui.t("estimator_bias.mse_y"),
        variance_label=ui.t("estimator_bias.variance"), bias2_label=ui.t("estimator_bias.bias2"),
        mc_label=ui.t("estimator_bias.mse_mc"), title=ui.t("estimator_bias.mse_title"),
    )
with text_col:
    st.latex(MSE_LATEX)
    st.markdown(ui.t("estimator_bias.gaussian_mse"))
    st.latex(GAUSSIAN_MSE_LATEX)
    best = highlights.best
    st.markdown(ui.t("estimator_bias.mse_biased_wins" if highlights.biased_wins else "estimator_bias.mse_unbiased_wins",
                     mse_n=study.exact["n"].mse, mse_unbiased=study.exact["n_minus_1"].mse,
                     best=short(best), mse_best=study.exact[best].mse))
    st.latex(OPTIMAL_LATEX)
    st.markdown(ui.t("estimator_bias.optimal", d=study.optimal_divisor, np1=n + 1))

st.subheader(ui.t("estimator_bias.table_header"))
rows = tuple(E.VARIANCE_ESTIMATORS)
columns = {
    "divisor": [E.VARIANCE_ESTIMATORS[k].divisor(n) for k in rows],
    "mean_exact": [study.exact[k].mean for k in rows],
    "mean_mc": [study.summary[k].mean for k in rows],
    "bias_exact": [study.exact[k].bias for k in rows],
    "bias_mc": [study.summary[k].bias for k in rows],
    "bias_se": [study.summary[k].bias_se for k in rows],
    "var_exact": [study.exact[k].variance for k in rows],
    "var_mc": [study.summary[k].variance for k in rows],
    "mse_exact": [study.exact[k].mse for k in rows],
    "mse_mc": [study.summary[k].mse for k in rows],
}
table = pd.DataFrame({ui.t(f"estimator_bias.col.{c}"): v for c, v in columns.items()}, index=[short(k) for k in rows])
st.dataframe(table, column_config={c: NUMBER for c in table.columns})
st.caption(ui.t("estimator_bias.table_caption"))

# -- derivation and the common slip ------------------------------------------
st.subheader(ui.t("estimator_bias.derivation_header"))
st.markdown(ui.t("estimator_bias.derivation_text"))
for formula in DERIVATION_LATEX:
    st.latex(formula)
st.markdown(ui.t("estimator_bias.derivation_why"))
st.info(ui.t("estimator_bias.slip", n=n, nm1=n - 1), icon=":material/lightbulb:")

# -- Bernoulli proportion -------------------------------------------------------
if study.proportion_hist is not None:
    st.subheader(ui.t("estimator_bias.prop_header"))
    chart_col, text_col = st.columns(2)
    with chart_col:
        ui.chart(
            sampling_charts.histogram_chart,
            study.proportion_hist, discrete=True,
            x_title=ui.t("estimator_bias.prop_x"), y_title=ui.t("estimator_bias.prop_y"),
            observed_label=ui.t("estimator_bias.prop_observed"), exact_label=ui.t("estimator_bias.prop_exact"),
            title=ui.t("estimator_bias.prop_title"),
        )
    with text_col:
        for formula in PROPORTION_LATEX:
            st.latex(formula)
        mean = (study.exact[E.MEAN_KEY], study.summary[E.MEAN_KEY])
        prop_table = pd.DataFrame(
            {ui.t("common.theory"): [mean[0].mean, mean[0].variance],
             ui.t("common.sample"): [mean[1].mean, mean[1].variance]},
            index=[ui.t("estimator_bias.prop_mean"), ui.t("estimator_bias.prop_var")],
        )
        st.dataframe(prop_table, column_config={c: NUMBER for c in prop_table.columns})
        st.markdown(ui.t("estimator_bias.prop_text"))

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("estimator_bias.notice"))

ui.code(ui.run(teaching.snippet, "estimator_bias", population=pop, params=params, n=n, reps=reps, seed=ui.seed,
               result=study))  # reuses the study's simulation: no second Monte Carlo
ui.share({"sigma2": sigma2, "optimal_divisor": study.optimal_divisor,
          "exact": {k: v._asdict() for k, v in study.exact.items()},
          "monte_carlo": {k: v._asdict() for k, v in study.summary.items()}})
ui.exercises()
