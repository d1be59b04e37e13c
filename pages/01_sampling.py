"""Sampling: histograms against the exact distribution, and the law of large numbers."""

import pandas as pd
import streamlit as st

from estimation import sampling, teaching
from estimation.charts import sampling as charts
from lab.params import ChoiceParam, FloatParam, IntParam
from lab.shell import cached, page_shell

SIZES = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000,
         20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000)
DIST = ChoiceParam("dist", "gaussian", tuple(sampling.DISTRIBUTIONS))
SIZE = ChoiceParam("n", 1_000, SIZES)
P = FloatParam("p", 0.3, lo=0.0, hi=1.0, step=0.01)
TRIALS = IntParam("trials", 10, lo=1, hi=100)
MU = FloatParam("mu", 0.0, lo=-10.0, hi=10.0, step=0.1, fmt="%.1f")
SIGMA = FloatParam("sigma", 1.0, lo=0.1, hi=10.0, step=0.1, fmt="%.1f")

LATEX = {
    "bernoulli": (r"P(X=x)=p^{x}(1-p)^{1-x},\quad x\in\{0,1\}",
                  r"\mathbb{E}[X]=p,\qquad \operatorname{Var}[X]=p(1-p)"),
    "binomial": (r"P(X=k)=\binom{n}{k}p^{k}(1-p)^{n-k},\quad k=0,\dots,n",
                 r"\mathbb{E}[X]=np,\qquad \operatorname{Var}[X]=np(1-p)"),
    "gaussian": (r"f(x)=\frac{1}{\sqrt{2\pi\sigma^{2}}}\exp\!\left(-\frac{(x-\mu)^{2}}{2\sigma^{2}}\right)",
                 r"\mathbb{E}[X]=\mu,\qquad \operatorname{Var}[X]=\sigma^{2}"),
}
LLN_LATEX = r"\bar{x}_k=\frac{1}{k}\sum_{i=1}^{k}x_i \;\longrightarrow\; \mathbb{E}[X],\qquad \bar{x}_k \approx \mathbb{E}[X]\pm \frac{2\,\mathrm{sd}}{\sqrt{k}}"

ui = page_shell("sampling", [DIST, SIZE, P, TRIALS, MU, SIGMA])
st.markdown(ui.t("sampling.intro"))

left, right = st.columns(2)
dist = ui.radio(DIST, ui.t("sampling.dist"), format_func=lambda d: ui.t(f"sampling.dist.{d}"), where=left)
size = ui.select_slider(SIZE, ui.t("sampling.size"), format_func="{:,}".format, where=right)
if dist == "gaussian":
    params = {"mu": ui.slider(MU, ui.t("sampling.mu"), where=left),
              "sigma": ui.slider(SIGMA, ui.t("sampling.sigma"), where=right)}
else:
    params = {"p": ui.slider(P, ui.t("sampling.p"), where=left)}
    if dist == "binomial":
        params = {"n": ui.slider(TRIALS, ui.t("sampling.trials"), where=right), **params}

summary = ui.run(cached(sampling.summarize), dist, params, size, ui.seed)
discrete = sampling.DISTRIBUTIONS[dist].discrete

hist_col, lln_col = st.columns(2)
with hist_col:
    ui.chart(
        charts.histogram_chart,
        summary.hist,
        discrete=discrete,
        x_title=ui.t("sampling.x_axis"),
        y_title=ui.t("sampling.y_axis_discrete" if discrete else "sampling.y_axis_continuous"),
        observed_label=ui.t("sampling.observed"),
        exact_label=ui.t("sampling.exact_pmf" if discrete else "sampling.exact_pdf"),
        title=ui.t("sampling.hist_title"),
    )
    for formula in LATEX[dist]:
        st.latex(formula)
with lln_col:
    ui.chart(
        charts.running_mean_chart,
        summary.k, summary.running, summary.band, summary.mean,
        x_title=ui.t("sampling.k_axis"),
        y_title=ui.t("sampling.mean_axis"),
        running_label=ui.t("sampling.running"),
        band_label=ui.t("sampling.band"),
        mean_label=ui.t("sampling.expected"),
        title=ui.t("sampling.lln_title"),
    )
    st.latex(LLN_LATEX)

table_col, notice_col = st.columns(2)
with table_col:
    st.subheader(ui.t("sampling.table_title"))
    columns = {ui.t("common.sample"): [summary.sample_mean, summary.sample_var],
               ui.t("common.theory"): [summary.mean, summary.var]}
    st.dataframe(  # a Styler would cost ~10 ms per rerun; the column format is free
        pd.DataFrame(columns, index=[ui.t("sampling.mean"), ui.t("sampling.variance")]),
        column_config={name: st.column_config.NumberColumn(format="%.5g") for name in columns},
    )
    st.caption(ui.t("sampling.variance_note"))
with notice_col:
    st.subheader(ui.t("common.what_to_notice"))
    st.markdown(ui.t("sampling.notice"))

ui.code(ui.run(teaching.snippet, "sampling", dist=dist, params=params, size=size, seed=ui.seed,
              sample_mean=summary.sample_mean))
ui.share({"mean": summary.mean, "variance": summary.var,
          "sample_mean": summary.sample_mean, "sample_variance": summary.sample_var})
ui.exercises()
