"""Bayesian updating: a Beta prior meets Bernoulli data; what the prior changes."""

import streamlit as st

from estimation import teaching
from estimation.charts import bayes as charts
from estimation.views import bayes as views
from lab.params import ChoiceParam, FloatParam, IntParam
from lab.shell import cached, page_shell

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
STEP = IntParam("t", 3, lo=0, hi=1_000)  # at most n (another setting): kept while it fits, else clamped with a note


def g(x: float) -> str:
    """A number for prose: up to 4 significant digits."""
    return f"{x:.4g}"


def table(rows: tuple[dict, ...], key: str, name, digits: int, where=st, **titles: str) -> None:
    """A view's table: the ``key`` column shows each row's ``name``, the others are numbers with ``digits`` decimals."""
    config = {key: st.column_config.SelectboxColumn("", options=[r[key] for r in rows], format_func=name, width=150)}
    config |= {column: st.column_config.NumberColumn(title, format=f"%.{digits}f", width=64) for column, title in
               titles.items()}
    where.dataframe(rows, hide_index=True, column_config=config)


ui = page_shell("bayes", [PRIOR, A, B, SOURCE, P, SIZE, K, TRIALS, STEP])
st.markdown(ui.t("bayes.intro"))

# ---------------------------------------------------------------- prior and data: page level, they rerun the page
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


# ---------------------------------------------------------------- prior × likelihood → posterior
POSTERIOR_LATEX = (  # Bayes' rule for a Beta prior, the summaries, the two confidence intervals
    r"\begin{gathered}\pi(p\mid x_{1:n})=\frac{L(p)\,\pi(p)}{\int_0^1 L(q)\,\pi(q)\,dq}\;\propto\;"
    r"\underbrace{p^{k}(1-p)^{n-k}}_{L(p)}\;\underbrace{p^{a-1}(1-p)^{b-1}}_{\pi(p)\,=\,\mathrm{Beta}(a,\,b)}\\"
    r"=p^{a+k-1}(1-p)^{b+n-k-1}\;\Longrightarrow\;p\mid x_{1:n}\sim\mathrm{Beta}(a+k,\ b+n-k)\\"
    r"\hat p_{\mathrm{MLE}}=\frac{k}{n},\qquad \mathbb{E}[p\mid x_{1:n}]=\frac{a+k}{a+b+n}\\"  # short lines: a phone
    r"\hat p_{\mathrm{MAP}}=\frac{a+k-1}{a+b+n-2}\ \ (a+k>1,\ b+n-k>1)\\"
    r"\operatorname{Var}[p\mid x_{1:n}]=\frac{(a+k)(b+n-k)}{(a+b+n)^{2}(a+b+n+1)}\\"
    r"\text{Wald: }\hat p\pm z\sqrt{\hat p(1-\hat p)/n},\qquad z=1.96\\"
    r"\text{Wilson: }\{p:\ |\hat p-p|\le z\sqrt{p(1-p)/n}\}\end{gathered}"
)


@ui.section
def posterior(a: float, b: float, n: int, data: dict) -> None:
    view = ui.run(cached(views.posterior), a, b, n, **data)
    pct = f"{100 * view.level:g}"
    st.markdown(ui.t("bayes.data_line", k=view.k, n=view.n, a=g(a), b=g(b), a_post=g(view.a_post),
                     b_post=g(view.b_post)))
    chart_col, table_col = st.columns(2)  # the interval table needs half the page: a third hides its last column
    markers = {ui.t("bayes.mle_label"): view.mle, ui.t("bayes.map_label"): view.map.value,
               ui.t("bayes.mean_label"): view.mean, ui.t("bayes.truth_label"): view.truth}  # None: not drawn
    ui.chart(
        charts.posterior_chart, view.curves, view.y_top, markers, where=chart_col,
        prior_label=ui.t("bayes.prior_label", a=g(a), b=g(b)), likelihood_label=ui.t("bayes.likelihood_label"),
        posterior_label=ui.t("bayes.posterior_label", a=g(view.a_post), b=g(view.b_post)),
        x_title=ui.t("bayes.x_axis"), y_title=ui.t("bayes.y_axis"), title=ui.t("bayes.chart_title"),
    )
    chart_col.caption(ui.t("bayes.likelihood_note", k=view.k, n=view.n))
    with table_col:
        st.subheader(ui.t("bayes.estimates_title"))
        table(view.estimates, "estimate", lambda row: ui.t(f"bayes.row.{row}"), views.DIGITS,
              value=ui.t("bayes.col.value"))
        if view.map.kind != "interior":
            st.caption(ui.t("bayes.map_edge", value=g(view.map.value)))
        st.subheader(ui.t("bayes.intervals_title", level=pct))
        table(view.interval_rows, "interval", lambda row: ui.t(f"bayes.row.{row}"), views.DIGITS,
              lower=ui.t("bayes.col.lower"), upper=ui.t("bayes.col.upper"), width=ui.t("bayes.col.width"))
        st.caption(ui.t("bayes.intervals_note"))
    if view.extreme:
        lo, hi = view.intervals["equal_tailed"]
        st.info(ui.t(f"bayes.extreme.{view.extreme}", k=view.k, n=view.n, mle=g(view.mle), a=g(view.a_post),
                     b=g(view.b_post), mean=g(view.mean), lo=g(lo), hi=g(hi), level=pct), icon=":material/lightbulb:")
    with st.expander(ui.t("common.formulas"), expanded=True, icon=":material/function:"):
        st.latex(POSTERIOR_LATEX)
    ui.record(prior=[view.a, view.b], k=view.k, n=view.n, true_p=view.truth, posterior=[view.a_post, view.b_post],
              mle=view.mle, map=view.map.value, map_kind=view.map.kind, posterior_mean=view.mean,
              posterior_sd=view.sd, intervals=view.intervals)


posterior(a, b, n, data)

st.header(ui.t("bayes.map_header"))
st.markdown(ui.t("bayes.map_text", a1=g(a - 1), b1=g(b - 1)))
st.latex(  # MAP = MLE with pseudo-counts; in a model, the Gaussian prior is L2 regularisation
    r"\begin{gathered}\log\pi(p\mid x_{1:n})=\underbrace{k\log p+(n-k)\log(1-p)}_{\log L(p)}"
    r"+\underbrace{(a-1)\log p+(b-1)\log(1-p)}_{\log\pi(p)}+\mathrm{const}\\"
    r"\frac{d}{dp}\log\pi(p\mid x_{1:n})=0\;\Longrightarrow\;\hat p_{\mathrm{MAP}}=\frac{k+(a-1)}{n+(a-1)+(b-1)}\\"
    r"-\log\pi(\mathbf w\mid\mathcal D)=\underbrace{-\log L(\mathbf w)}_{N\cdot\mathrm{BCE}}"
    r"+\underbrace{\tfrac{\lambda}{2}\lVert\mathbf w\rVert^{2}}_{-\log\mathcal N(\mathbf w;\,\mathbf 0,\,\lambda^{-1}I)}"
    r"+\mathrm{const}\end{gathered}"
)
st.caption(ui.t("bayes.map_slip"))


# ---------------------------------------------------------------- one observation at a time
@ui.section
def one_at_a_time(a: float, b: float, n: int, data: dict) -> None:
    st.header(ui.t("bayes.step_header"))
    st.markdown(ui.t("bayes.step_intro"))
    step = ui.limit(STEP, hi=n)  # t ≤ n: a t that still fits is kept, a larger one is clamped to n
    if step.asked is not None:
        st.info(ui.t("bayes.step_clamped", t=step.asked, n=n), icon=":material/info:")
    t = ui.slider(step.spec, ui.t("bayes.t"))
    view = ui.run(cached(views.one_at_a_time), a, b, n, t=t, **data)
    pct = f"{100 * view.level:g}"
    st.markdown(ui.t("bayes.sequence", t=view.t, seq=view.sequence))
    step_col, path_col = st.columns(2)
    ui.chart(
        charts.step_chart, view, where=step_col, prior_label=ui.t("bayes.prior_label", a=g(a), b=g(b)),
        posterior_label=ui.t("bayes.step_posterior", t=view.t, a=g(view.a), b=g(view.b)),
        final_label=ui.t("bayes.final_label", n=view.n), mean_label=ui.t("bayes.step_mean"),
        x_title=ui.t("bayes.x_axis"), y_title=ui.t("bayes.y_axis"), title=ui.t("bayes.step_title", t=view.t),
    )
    ui.chart(
        charts.path_chart, view.path, view.t, view.truth, where=path_col, mean_label=ui.t("bayes.mean_label"),
        band_label=ui.t("bayes.band_label", level=pct), mle_label=ui.t("bayes.path_mle"),
        step_label=ui.t("bayes.step_label"), truth_label=ui.t("bayes.truth_label"),
        x_title=ui.t("bayes.t_axis"), y_title=ui.t("bayes.path_y"), title=ui.t("bayes.path_title", level=pct),
    )
    st.markdown(ui.t("bayes.step_now", t=view.t, k=view.k, a=g(view.a), b=g(view.b), mean=g(view.mean),
                     lo=g(view.interval[0]), hi=g(view.interval[1]), level=pct))
    st.latex(r"a_t=a+\sum_{i\le t}x_i,\qquad b_t=b+\sum_{i\le t}(1-x_i),\qquad"
             r"\mathrm{Beta}(a_t,b_t)\xrightarrow{\ x_{t+1}\ }\mathrm{Beta}(a_t+x_{t+1},\ b_t+1-x_{t+1})")
    ui.record(step={"t": view.t, "k": view.k, "posterior": [view.a, view.b], "mean": view.mean,
                    "interval": view.interval})


one_at_a_time(a, b, n, data)


# ---------------------------------------------------------------- frequentist check
@ui.section
def coverage(a: float, b: float, n: int, seed: int) -> None:
    # The coverage curves describe the recipes (n, prior), not this data set; the Monte Carlo dots, like every
    # random draw of the lab, come from the page's seed.
    view = ui.run(cached(views.coverage), n, a, b, seed=seed)
    pct = f"{100 * view.level:g}"
    st.header(ui.t("bayes.coverage_header", level=pct))
    st.markdown(ui.t("bayes.coverage_intro", n=n))
    ui.chart(
        charts.coverage_chart, view, view.level, labels={m: ui.t(f"bayes.cov.{m}") for m in view.mean},
        mc_label=ui.t("bayes.mc_label"), nominal_label=ui.t("bayes.nominal_label", level=pct),
        x_title=ui.t("bayes.coverage_x"), y_title=ui.t("bayes.coverage_y"),
        title=ui.t("bayes.coverage_title", level=pct, n=f"{n:,}"),
    )
    formula_col, table_col = st.columns(2)
    formula_col.latex(r"\begin{gathered}C(p)=P\bigl(p\in\mathrm{CI}(K)\bigr),\quad K\sim\mathrm{Bin}(n,\,p)\\"
                      r"=\sum_{k=0}^{n}\binom{n}{k}p^{k}(1-p)^{n-k}\,\mathbf 1\bigl[p\in\mathrm{CI}(k)\bigr]"
                      r"\end{gathered}")
    formula_col.caption(ui.t("bayes.coverage_note", reps=f"{view.n_rep:,}"))
    table(view.table, "method", lambda m: ui.t(f"bayes.cov.{m}"), views.COVERAGE_DIGITS, where=table_col,
          mean=ui.t("bayes.col.mean_cov"), worst=ui.t("bayes.col.min_cov"))
    ui.record(coverage_mean=view.mean, coverage_min=view.minimum)


coverage(a, b, n, ui.seed)

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("bayes.notice"))

ui.code(cached(teaching.snippet)("bayes", a=a, b=b, n=n, **data))
ui.share()
ui.exercises()
