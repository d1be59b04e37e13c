"""Estimator bias: when the 1/N variance estimator is biased, by how much, and why unbiased is not best."""

import streamlit as st

from estimation import estimators as E
from estimation import teaching
from estimation.charts import estimator_bias as charts
from estimation.charts import sampling as sampling_charts
from estimation.views import estimator_bias as views
from lab.params import ChoiceParam, FloatParam, MultiChoiceParam
from lab.shell import cached, page_shell

SIZES = (2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 200, 500, 1_000)
REPS = (100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000)
POP = ChoiceParam("pop", "gaussian", tuple(E.POPULATIONS))
SIGMA2 = FloatParam("sigma2", 1.0, lo=0.1, hi=10.0, step=0.1, fmt="%.1f")
SCALE = FloatParam("scale", 1.0, lo=0.1, hi=5.0, step=0.1, fmt="%.1f")
NU = FloatParam("nu", 6.0, lo=4.5, hi=30.0, step=0.5, fmt="%.1f")
P = FloatParam("p", 0.3, lo=0.01, hi=0.99, step=0.01)
N = ChoiceParam("n", 5, SIZES)
R = ChoiceParam("reps", 20_000, REPS)
SHOW = MultiChoiceParam("show", ("n_minus_1", "n", "known_mean"), tuple(E.VARIANCE_ESTIMATORS))
PARAM_SPECS = {"sigma2": SIGMA2, "scale": SCALE, "nu": NU, "p": P}

ui = page_shell("estimator_bias", [POP, SIGMA2, SCALE, NU, P, N, R, SHOW])
NUMBER = {"format": "%.4g"}
st.markdown(ui.t("estimator_bias.intro"))


def label(key: str) -> str:
    return ui.t(f"estimator_bias.label.{key}")


def short(key: str) -> str:
    return ui.t(f"estimator_bias.short.{key}")


# ---------------------------------------------------------------- population, N, R: page level (the Monte Carlo)
pop_col, size_col, info_col = st.columns(3)
pop = ui.radio(POP, ui.t("estimator_bias.pop"), format_func=lambda k: ui.t(f"estimator_bias.pop.{k}"), where=pop_col)
params = {
    p.name: ui.slider(PARAM_SPECS[p.name], ui.t(f"estimator_bias.param.{p.name}"), where=pop_col)
    for p in E.POPULATIONS[pop].params if p.name in PARAM_SPECS
}
n = ui.select_slider(N, ui.t("estimator_bias.n"), format_func="{:,}".format, where=size_col)
reps = ui.select_slider(R, ui.t("estimator_bias.reps"), format_func="{:,}".format, where=size_col)
size_col.caption(ui.t("estimator_bias.draws_limit", limit=E.MAX_DRAWS))
study = ui.run(cached(views.estimator_study), pop, params, n, reps, ui.seed)
population = views.population_view(study)  # the section views below derive from the cached study: cheap, uncached
info_col.caption(ui.t("estimator_bias.population_caption", mean=population.mean, sigma2=population.sigma2,
                      kurtosis=population.kurtosis))
if population.heavy_tail:
    info_col.caption(ui.t("estimator_bias.heavy_tail_note"))


@ui.section
def sampling_distributions(study: views.EstimatorStudy) -> None:
    st.subheader(ui.t("estimator_bias.dist_header"))
    show = ui.multiselect(SHOW, ui.t("estimator_bias.show"), format_func=label)  # reruns this section only
    view = views.sampling_distributions(study, show)
    if view.keys:
        ui.chart(
            charts.sampling_distribution_chart, view.hist, view.expectations, view.sigma2,
            keys=view.keys, labels={k: label(k) for k in view.keys}, curve_x=view.curve_x, curves=view.curves,
            x_title=ui.t("estimator_bias.x_axis"), y_title=ui.t("estimator_bias.y_axis"),
            hist_label=ui.t("estimator_bias.hist"), exact_label=ui.t("estimator_bias.exact_pdf"),
            expectation_label=ui.t("estimator_bias.expectation"), sigma2_label=ui.t("estimator_bias.sigma2_line"),
            title=ui.t("estimator_bias.dist_title"),
        )
    else:
        st.info(ui.t("estimator_bias.show_none"), icon=":material/info:")
    caption = "estimator_bias.dist_caption_gaussian" if view.gaussian else "estimator_bias.dist_caption_other"
    st.caption(f"{ui.t(caption)} {ui.t('estimator_bias.outside', fraction=view.outside)}")
    formula_col, text_col = st.columns(2)
    formula_col.latex(views.ESTIMATORS_LATEX)
    text_col.latex(views.EXPECTATION_LATEX + (r"\\" + views.GAUSSIAN_LATEX if view.gaussian else ""))
    text_col.markdown(ui.t("estimator_bias.at_n", **view.at_n))


@ui.section
def bias_against_n(pop: str, params: dict, n: int) -> None:
    st.subheader(ui.t("estimator_bias.bias_header"))
    view = ui.run(cached(views.bias_against_n), pop, params, ui.seed)  # independent of N and R: cached apart
    chart_col, text_col = st.columns(2)
    ui.chart(
        charts.bias_chart, view.ns, view.bias, view.bias_se, view.exact_ns, view.exact,
        current_n=view.marker(n), where=chart_col,
        x_title=ui.t("estimator_bias.bias_x"), y_title=ui.t("estimator_bias.bias_y"),
        mc_label=ui.t("estimator_bias.bias_mc"), exact_label=ui.t("estimator_bias.bias_exact"),
        zero_label=ui.t("estimator_bias.bias_zero"), current_label=ui.t("estimator_bias.bias_current"),
        title=ui.t("estimator_bias.bias_title"),
    )
    chart_col.caption(ui.t("estimator_bias.bias_caption", draws=view.draws))
    text_col.latex(views.BIAS_LATEX)
    text_col.markdown(ui.t("estimator_bias.bias_text"))


@ui.section
def mse_tradeoff(study: views.EstimatorStudy) -> None:
    st.subheader(ui.t("estimator_bias.mse_header"))
    view = views.mse_tradeoff(study)
    chart_col, text_col = st.columns(2)
    ui.chart(
        charts.mse_chart, view.exact, view.summary, keys=view.keys, labels={k: short(k) for k in view.keys},
        x_title=ui.t("estimator_bias.mse_x"), y_title=ui.t("estimator_bias.mse_y"),
        variance_label=ui.t("estimator_bias.variance"), bias2_label=ui.t("estimator_bias.bias2"),
        mc_label=ui.t("estimator_bias.mse_mc"), title=ui.t("estimator_bias.mse_title"), where=chart_col,
    )
    with text_col:
        st.latex(views.MSE_LATEX)
        st.markdown(ui.t("estimator_bias.gaussian_mse"))
        st.latex(views.GAUSSIAN_MSE_LATEX)
        verdict = "estimator_bias.mse_biased_wins" if view.biased_wins else "estimator_bias.mse_unbiased_wins"
        st.markdown(ui.t(verdict, best=short(view.best), **view.sentence))
        st.latex(views.OPTIMAL_LATEX)
        st.markdown(ui.t("estimator_bias.optimal", d=view.optimal_divisor, np1=view.np1))


@ui.section
def estimator_table(study: views.EstimatorStudy) -> None:
    st.subheader(ui.t("estimator_bias.table_header"))
    view = views.estimator_table(study)
    # One column per estimator, one row per quantity: ten quantities side by side would hide the last ones at
    # 1280×720 (their headers are words); four estimators fit a projector and nearly a phone.
    names = view.table["estimator"]
    st.dataframe({"quantity": list(views.TABLE_COLUMNS),
                  **{name: [view.table[c][i] for c in views.TABLE_COLUMNS] for i, name in enumerate(names)}},
                 hide_index=True, column_config={
        "quantity": st.column_config.SelectboxColumn("", options=views.TABLE_COLUMNS,
                                                     format_func=lambda c: ui.t(f"estimator_bias.col.{c}")),
        **{name: st.column_config.NumberColumn(short(name), **NUMBER) for name in names},
    })
    st.caption(ui.t("estimator_bias.table_caption"))
    ui.record(**view.record)


@ui.section
def derivation(n: int) -> None:
    st.subheader(ui.t("estimator_bias.derivation_header"))
    st.markdown(ui.t("estimator_bias.derivation_text"))
    st.latex(views.DERIVATION_LATEX)
    st.markdown(ui.t("estimator_bias.derivation_why"))
    st.info(ui.t("estimator_bias.slip", n=n, nm1=n - 1), icon=":material/lightbulb:")


@ui.section
def proportion(study: views.EstimatorStudy) -> None:
    view = views.proportion_view(study)
    if view is None:  # Bernoulli data only
        return
    st.subheader(ui.t("estimator_bias.prop_header"))
    chart_col, text_col = st.columns(2)
    ui.chart(
        sampling_charts.histogram_chart, view.hist, discrete=True, where=chart_col,
        x_title=ui.t("estimator_bias.prop_x"), y_title=ui.t("estimator_bias.prop_y"),
        observed_label=ui.t("estimator_bias.prop_observed"), exact_label=ui.t("estimator_bias.prop_exact"),
        title=ui.t("estimator_bias.prop_title"),
    )
    with text_col:
        st.latex(views.PROPORTION_LATEX)
        st.dataframe(view.table, hide_index=True, column_config={
            "row": st.column_config.SelectboxColumn("", options=views.PROPORTION_ROWS,
                                                    format_func=lambda r: ui.t(f"estimator_bias.prop_{r}")),
            "theory": st.column_config.NumberColumn(ui.t("common.theory"), **NUMBER),
            "sample": st.column_config.NumberColumn(ui.t("common.sample"), **NUMBER)})
        st.markdown(ui.t("estimator_bias.prop_text"))


sampling_distributions(study)
bias_against_n(pop, params, n)
mse_tradeoff(study)
estimator_table(study)
derivation(n)
proportion(study)

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("estimator_bias.notice"))

ui.code(ui.run(teaching.snippet, "estimator_bias", population=pop, params=params, n=n, reps=reps, seed=ui.seed,
               result=study))  # reuses the study's simulation: no second Monte Carlo
ui.share()
ui.exercises()
