"""Sampling: histograms against the exact distribution, and the law of large numbers."""

import streamlit as st

from estimation import sampling, teaching
from estimation.charts import sampling as charts
from estimation.views import sampling as views
from lab import tables
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
LLN_LATEX = (r"\begin{gathered}\bar{x}_k=\frac{1}{k}\sum_{i=1}^{k}x_i \;\longrightarrow\; \mathbb{E}[X]\\"
             r" \bar{x}_k \approx \mathbb{E}[X]\pm \frac{2\,\mathrm{sd}}{\sqrt{k}}\end{gathered}")  # two lines: fits a phone

ui = page_shell("sampling", [DIST, SIZE, P, TRIALS, MU, SIGMA])
st.markdown(ui.t("sampling.intro"))

# ---------------------------------------------------------------- the sample: page level, every section draws it
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


# ---------------------------------------------------------------- histogram and the exact pmf/pdf
@ui.section
def histogram(dist: str, params: dict, size: int) -> None:
    view = ui.run(cached(views.histogram_view), dist, params, size, ui.seed)
    ui.chart(
        charts.histogram_chart, view.hist, discrete=view.discrete,
        x_title=ui.t("sampling.x_axis"),
        y_title=ui.t("sampling.y_axis_discrete" if view.discrete else "sampling.y_axis_continuous"),
        observed_label=ui.t("sampling.observed"),
        exact_label=ui.t("sampling.exact_pmf" if view.discrete else "sampling.exact_pdf"),
        title=ui.t("sampling.hist_title"),
    )
    st.latex(view.latex)


# ---------------------------------------------------------------- the running mean (law of large numbers)
@ui.section
def running_mean(dist: str, params: dict, size: int) -> None:
    view = ui.run(cached(views.running_mean_view), dist, params, size, ui.seed)
    ui.chart(
        charts.running_mean_chart, view.k, view.running, view.band, view.mean,
        x_title=ui.t("sampling.k_axis"), y_title=ui.t("sampling.mean_axis"),
        running_label=ui.t("sampling.running"), band_label=ui.t("sampling.band"),
        mean_label=ui.t("sampling.expected"), k_window=view.k_window, title=ui.t("sampling.lln_title"),
    )
    st.latex(LLN_LATEX)


# ---------------------------------------------------------------- the sample against theory
@ui.section
def sample_and_theory(dist: str, params: dict, size: int) -> None:
    view = ui.run(cached(views.moments_view), dist, params, size, ui.seed)
    st.subheader(ui.t("sampling.table_title"))
    five = tables.significant(5)  # as text: the variance at N = 1 shows "—", as the note says, not "None"
    st.dataframe({**view.table, "sample": list(map(five, view.table["sample"])),
                  "theory": list(map(five, view.table["theory"]))}, hide_index=True, column_config={
        "row": st.column_config.SelectboxColumn("", options=views.MOMENT_ROWS,
                                                format_func=lambda row: ui.t(f"sampling.{row}")),
        "sample": tables.number(ui.t("common.sample")), "theory": tables.number(ui.t("common.theory"))})
    st.caption(ui.t("sampling.variance_note"))
    ui.record(mean=view.mean, variance=view.var, sample_mean=view.sample_mean, sample_variance=view.sample_var)
    return view.sample_mean


hist_col, lln_col = st.columns(2)
with hist_col:
    histogram(dist, params, size)
with lln_col:
    running_mean(dist, params, size)
table_col, notice_col = st.columns(2)
with table_col:
    sample_mean = sample_and_theory(dist, params, size)
with notice_col:
    st.subheader(ui.t("common.what_to_notice"))
    st.markdown(ui.t("sampling.notice"))

ui.code(ui.run(teaching.snippet, "sampling", dist=dist, params=params, size=size, seed=ui.seed,
               sample_mean=sample_mean))
ui.share()
ui.exercises()
