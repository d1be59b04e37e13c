"""Bayesian updating: a Beta prior meets Bernoulli data; what the prior changes."""

import dataclasses

import pandas as pd
import streamlit as st

from estimation import bayes, teaching
from estimation.charts import bayes as charts
from lab.params import ChoiceParam, FloatParam, IntParam
from lab.shell import cached, page_shell, state_key


PRESETS = {"uniform": (1.0, 1.0), "jeffreys": (0.5, 0.5), "weak": (2.0, 2.0), "strong": (20.0, 20.0)}
SIZES = (1, 2, 3, 5, 10, 20, 50, 100, 200, 500, 1_000)
PRIOR = ChoiceParam("prior", "weak", (*PRESETS, "custom"))
A = FloatParam("a", 2.0, lo=0.1, hi=50.0, step=0.1, fmt="%.1f")  # a <= 0 in a link falls back with a warning
B = FloatParam("b", 5.0, lo=0.1, hi=50.0, step=0.1, fmt="%.1f")
SOURCE = ChoiceParam("source", "simulated", ("simulated", "typed"))
P = FloatParam("p", 0.2, lo=0.0, hi=1.0, step=0.01)
SIZE = ChoiceParam("n", 10, SIZES)
K = IntParam("k", 3, lo=0, hi=1_000)  # k > trials is caught by the core (message via ui.run)
TRIALS = IntParam("trials", 3, lo=1, hi=1_000)
STEP = IntParam("t", 3, lo=0, hi=1_000)  # at most n (another setting): a larger t is clamped with a note

BAYES_LATEX = (
    r"\pi(p\mid x_{1:n})=\frac{L(p)\,\pi(p)}{\int_0^1 L(q)\,\pi(q)\,dq}\;\propto\;"
    r"\underbrace{p^{k}(1-p)^{n-k}}_{L(p)}\;\underbrace{p^{a-1}(1-p)^{b-1}}_{\pi(p)\,=\,\mathrm{Beta}(a,\,b)}",
    r"=p^{a+k-1}(1-p)^{b+n-k-1}\;\Longrightarrow\;p\mid x_{1:n}\sim\mathrm{Beta}(a+k,\ b+n-k)",
)
SUMMARY_LATEX = (
    r"\hat p_{\mathrm{MLE}}=\frac{k}{n},\qquad \mathbb{E}[p\mid x_{1:n}]=\frac{a+k}{a+b+n},\qquad"
    r"\hat p_{\mathrm{MAP}}=\frac{a+k-1}{a+b+n-2}\ \ (a+k>1,\ b+n-k>1)",
    r"\operatorname{Var}[p\mid x_{1:n}]=\frac{(a+k)(b+n-k)}{(a+b+n)^{2}(a+b+n+1)}",
)
INTERVAL_LATEX = (
    r"\text{Wald: }\hat p\pm z\sqrt{\hat p(1-\hat p)/n},\qquad"
    r"\text{Wilson: }\{p:\ |\hat p-p|\le z\sqrt{p(1-p)/n}\},\qquad z=1.96"
)
MAP_LATEX = (
    r"\log\pi(p\mid x_{1:n})=\underbrace{k\log p+(n-k)\log(1-p)}_{\log L(p)}"
    r"+\underbrace{(a-1)\log p+(b-1)\log(1-p)}_{\log\pi(p)}+\mathrm{const}",
    r"\frac{d}{dp}\log\pi(p\mid x_{1:n})=0\;\Longrightarrow\;"
    r"\hat p_{\mathrm{MAP}}=\frac{k+(a-1)}{n+(a-1)+(b-1)}",
    r"-\log\pi(\mathbf w\mid\mathcal D)=\underbrace{-\log L(\mathbf w)}_{N\cdot\mathrm{BCE}}"
    r"+\underbrace{\tfrac{\lambda}{2}\lVert\mathbf w\rVert^{2}}_{-\log\mathcal N(\mathbf w;\,\mathbf 0,\,\lambda^{-1}I)}"
    r"+\mathrm{const}",
)
STEP_LATEX = (r"a_t=a+\sum_{i\le t}x_i,\qquad b_t=b+\sum_{i\le t}(1-x_i),\qquad"
              r"\mathrm{Beta}(a_t,b_t)\xrightarrow{\ x_{t+1}\ }\mathrm{Beta}(a_t+x_{t+1},\ b_t+1-x_{t+1})")
COVERAGE_LATEX = (r"C(p)=P\bigl(p\in\mathrm{CI}(K)\bigr),\quad K\sim\mathrm{Bin}(n,\,p)",
                  r"=\sum_{k=0}^{n}\binom{n}{k}p^{k}(1-p)^{n-k}\,\mathbf 1\bigl[p\in\mathrm{CI}(k)\bigr]")
SEQUENCE_SHOWN = 60
DIGITS = 4  # decimals in the tables (plain rounded frames: a pandas Styler costs ~10 ms per table)


def g(x: float) -> str:
    """A number for prose: up to 4 significant digits."""
    return f"{x:.4g}"


ui = page_shell("bayes", [PRIOR, A, B, SOURCE, P, SIZE, K, TRIALS, STEP])
st.markdown(ui.t("bayes.intro"))

# ---------------------------------------------------------------- prior and data
prior_col, data_col = st.columns(2)
with prior_col:
    preset = ui.select(PRIOR, ui.t("bayes.prior"), format_func=lambda c: ui.t(f"bayes.prior.{c}"))
    if preset == "custom":
        a_col, b_col = st.columns(2)
        a = ui.slider(A, ui.t("bayes.a"), where=a_col)
        b = ui.slider(B, ui.t("bayes.b"), where=b_col)
    else:
        a, b = PRESETS[preset]
    st.caption(ui.t("bayes.prior_help"))
with data_col:
    source = ui.radio(SOURCE, ui.t("bayes.source"), format_func=lambda s: ui.t(f"bayes.source.{s}"))
    left, right = st.columns(2)
    if source == "simulated":
        data = {"p": ui.slider(P, ui.t("bayes.p"), where=left), "seed": ui.seed}
        n = ui.select_slider(SIZE, ui.t("bayes.size"), format_func="{:,}".format, where=right)
    else:
        data = {"k": ui.number(K, ui.t("bayes.k"), where=left)}
        n = ui.number(TRIALS, ui.t("bayes.trials"), where=right)

main = st.container()  # filled once the step below is known (one core call computes everything)

# ---------------------------------------------------------------- the step control (rendered below the main view)
st.header(ui.t("bayes.step_header"))
st.markdown(ui.t("bayes.step_intro"))
step_key = state_key("bayes", STEP)
if st.session_state.get(step_key, 0) > n:  # n went down (or a link asked for too much): stop at the last one
    st.info(ui.t("bayes.step_clamped", t=st.session_state[step_key], n=n), icon=":material/info:")
    st.session_state[step_key] = n
t = ui.slider(dataclasses.replace(STEP, hi=n), ui.t("bayes.t"))

with main:
    rep = ui.run(cached(bayes.report), a, b, n, t=t, **data)
    pct = f"{100 * rep.level:g}"
    st.markdown(ui.t("bayes.data_line", k=rep.k, n=rep.n, a=g(rep.a), b=g(rep.b), a_post=g(rep.a_post),
                     b_post=g(rep.b_post)))
    chart_col, table_col = st.columns([3, 2])
    with chart_col:
        markers = {ui.t("bayes.mle_label"): rep.mle, ui.t("bayes.map_label"): rep.map.value,
                   ui.t("bayes.mean_label"): rep.mean}
        if rep.truth is not None:
            markers[ui.t("bayes.truth_label")] = rep.truth
        ui.chart(
            charts.posterior_chart, rep.curves, rep.y_top, markers,
            prior_label=ui.t("bayes.prior_label", a=g(rep.a), b=g(rep.b)),
            likelihood_label=ui.t("bayes.likelihood_label"),
            posterior_label=ui.t("bayes.posterior_label", a=g(rep.a_post), b=g(rep.b_post)),
            x_title=ui.t("bayes.x_axis"), y_title=ui.t("bayes.y_axis"), title=ui.t("bayes.chart_title"),
        )
        st.caption(ui.t("bayes.likelihood_note", k=rep.k, n=rep.n))
    with table_col:
        st.subheader(ui.t("bayes.estimates_title"))
        st.table(pd.DataFrame(
            {ui.t("bayes.col.value"): [rep.mle, rep.map.value, rep.mean, rep.sd, rep.prior_mean]},
            index=[ui.t(f"bayes.row.{r}") for r in ("mle", "map", "mean", "sd", "prior_mean")],
        ).round(DIGITS))
        if rep.map.kind != "interior":
            st.caption(ui.t("bayes.map_edge", value=g(rep.map.value)))
        st.subheader(ui.t("bayes.intervals_title", level=pct))
        methods = ("equal_tailed", "hdi", "wald", "wilson")
        st.table(pd.DataFrame(
            [[*rep.intervals[m], rep.intervals[m][1] - rep.intervals[m][0]] for m in methods],
            index=[ui.t(f"bayes.row.{m}") for m in methods],
            columns=[ui.t("bayes.col.lower"), ui.t("bayes.col.upper"), ui.t("bayes.col.width")],
        ).round(DIGITS))
        st.caption(ui.t("bayes.intervals_note"))
    if rep.k in (0, rep.n):
        lo, hi = rep.intervals["equal_tailed"]
        st.info(ui.t("bayes.extreme.all" if rep.k == rep.n else "bayes.extreme.none",
                     k=rep.k, n=rep.n, mle=g(rep.mle), a=g(rep.a_post), b=g(rep.b_post), mean=g(rep.mean),
                     lo=g(lo), hi=g(hi), level=pct), icon=":material/lightbulb:")
    with st.expander(ui.t("common.formulas"), expanded=True, icon=":material/function:"):
        for formula in (*BAYES_LATEX, *SUMMARY_LATEX, INTERVAL_LATEX):
            st.latex(formula)

    st.header(ui.t("bayes.map_header"))
    st.markdown(ui.t("bayes.map_text", a1=g(rep.a - 1), b1=g(rep.b - 1)))
    for formula in MAP_LATEX:
        st.latex(formula)
    st.caption(ui.t("bayes.map_slip"))

# ---------------------------------------------------------------- one observation at a time
s = rep.step
shown = "".join(str(int(v)) for v in rep.x[: s.t])
if s.t > SEQUENCE_SHOWN:
    shown = "…" + shown[-SEQUENCE_SHOWN:]
st.markdown(ui.t("bayes.sequence", t=s.t, seq=shown or "∅"))
step_col, path_col = st.columns(2)
with step_col:
    ui.chart(
        charts.step_chart, s,
        prior_label=ui.t("bayes.prior_label", a=g(rep.a), b=g(rep.b)),
        posterior_label=ui.t("bayes.step_posterior", t=s.t, a=g(s.a), b=g(s.b)),
        final_label=ui.t("bayes.final_label", n=rep.n), mean_label=ui.t("bayes.step_mean"),
        x_title=ui.t("bayes.x_axis"), y_title=ui.t("bayes.y_axis"), title=ui.t("bayes.step_title", t=s.t),
    )
with path_col:
    ui.chart(
        charts.path_chart, rep.path, s.t, rep.truth,
        mean_label=ui.t("bayes.mean_label"), band_label=ui.t("bayes.band_label", level=pct),
        mle_label=ui.t("bayes.path_mle"), step_label=ui.t("bayes.step_label"), truth_label=ui.t("bayes.truth_label"),
        x_title=ui.t("bayes.t_axis"), y_title=ui.t("bayes.path_y"), title=ui.t("bayes.path_title", level=pct),
    )
st.markdown(ui.t("bayes.step_now", t=s.t, k=s.k, a=g(s.a), b=g(s.b), mean=g(s.mean), lo=g(s.interval[0]),
                 hi=g(s.interval[1]), level=pct))
st.latex(STEP_LATEX)

# ---------------------------------------------------------------- frequentist check
st.header(ui.t("bayes.coverage_header", level=pct))
st.markdown(ui.t("bayes.coverage_intro", n=rep.n))
# The coverage curves describe the recipes (n, prior), not this data set; the Monte Carlo dots, like every
# random draw of the lab, come from the page's seed.
cov = ui.run(cached(bayes.coverage_summary), rep.n, rep.a, rep.b, level=rep.level, seed=ui.seed)
labels = {m: ui.t(f"bayes.cov.{m}") for m in bayes.INTERVAL_METHODS}
ui.chart(
    charts.coverage_chart, cov, rep.level, labels=labels, mc_label=ui.t("bayes.mc_label"),
    nominal_label=ui.t("bayes.nominal_label", level=pct), x_title=ui.t("bayes.coverage_x"),
    y_title=ui.t("bayes.coverage_y"), title=ui.t("bayes.coverage_title", level=pct, n=f"{rep.n:,}"),
)
formula_col, table_col = st.columns(2)
with formula_col:
    for formula in COVERAGE_LATEX:
        st.latex(formula)
    st.caption(ui.t("bayes.coverage_note", reps=f"{cov.n_rep:,}"))
with table_col:
    st.table(pd.DataFrame(
        {ui.t("bayes.col.mean_cov"): [cov.mean[m] for m in labels],
         ui.t("bayes.col.min_cov"): [cov.minimum[m] for m in labels]},
        index=list(labels.values()),
    ).round(3))

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("bayes.notice"))

ui.code(cached(teaching.snippet)("bayes", a=a, b=b, n=n, **data))
ui.share({"prior": [rep.a, rep.b], "k": rep.k, "n": rep.n, "true_p": rep.truth,
          "posterior": [rep.a_post, rep.b_post], "mle": rep.mle, "map": rep.map.value, "map_kind": rep.map.kind,
          "posterior_mean": rep.mean, "posterior_sd": rep.sd, "intervals": rep.intervals,
          "step": {"t": s.t, "k": s.k, "posterior": [s.a, s.b], "mean": s.mean, "interval": s.interval},
          "coverage_mean": cov.mean, "coverage_min": cov.minimum})
ui.exercises()
