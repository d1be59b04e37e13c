"""Softmax: entropy + KL = cross-entropy, softmax regression trained like the binary model, temperature."""

import streamlit as st

from estimation import datasets, teaching
from estimation.charts import softmax as charts
from estimation.optimizers import OPTIMIZERS
from estimation.views import softmax as views
from lab.params import BoolParam, ChoiceParam, FloatParam, IntParam, MultiChoiceParam
from lab.shell import cached, page_shell
from lab.uploads import upload_picker

IRIS = datasets.DATASETS["iris"]
SOURCE = ChoiceParam("src", "iris", views.SOURCES)
IRIS_X = MultiChoiceParam("iris_x", ("petal_length", "petal_width"), IRIS.features, max_count=2)
K = IntParam("k", 3, lo=2, hi=6)
SEP = FloatParam("sep", 2.5, lo=0.0, hi=8.0, step=0.25)
N = ChoiceParam("n", 300, (30, 60, 150, 300, 600, 1_000, 2_000))
P = FloatParam("p", 0.3, lo=0.0, hi=1.0, step=0.01)
Q = FloatParam("q", 0.6, lo=0.01, hi=0.99, step=0.01)
FLIPS = ChoiceParam("bn", 20, (5, 10, 20, 50, 100, 1_000, 10_000))
UNITS = ChoiceParam("units", "nats", views.UNITS)
OPT = ChoiceParam("opt", "Adam", tuple(OPTIMIZERS))
RATES = (0.0001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 100, 10_000)
LR = {name: ChoiceParam(f"lr_{name.lower()}", views.LEARNING_RATES[name], RATES) for name in OPTIMIZERS}
EPOCHS = ChoiceParam("epochs", 200, (10, 20, 50, 100, 200, 500, 1_000))
BATCH = ChoiceParam("batch", "full", ("full", 8, 16, 32, 64, 128))
L2 = ChoiceParam("l2", 0, (0, 0.0001, 0.001, 0.01, 0.1, 1))
STD = BoolParam("std", True)
LOGY = BoolParam("logy", False)
TEMP = ChoiceParam("T", 1.0, (0.1, 0.2, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0))
SHIFT = ChoiceParam("shift", 0, (-10_000, -1_000, -100, 0, 100, 500, 1_000, 10_000))
TL2 = ChoiceParam("tl2", 0, (0, 0.001, 0.01, 0.1, 1))

ui = page_shell("softmax", [SOURCE, IRIS_X, K, SEP, N, P, Q, FLIPS, UNITS, OPT, *LR.values(), EPOCHS, BATCH, L2,
                            STD, LOGY, TEMP, SHIFT, TL2])
st.markdown(ui.t("softmax.intro"))
num = "{:g}".format


def columns_of(rows: list[dict], prefix: str) -> dict:
    """Translated headers for a view's table (its keys are language-neutral)."""
    return {key: ui.t(f"softmax.col.{prefix}.{key}") for key in rows[0]} if rows else {}


# Data (the whole page trains on it)
st.header(ui.t("softmax.data_header"))
source = ui.radio(SOURCE, ui.t("softmax.source"), format_func=lambda s: ui.t(f"softmax.source.{s}"))
choice = views.DataChoice()
if source == "iris":
    picked = ui.multiselect(IRIS_X, ui.t("softmax.features"))
    choice = views.DataChoice("iris", tuple(picked))
    st.caption(ui.t("softmax.dataset_source", source=IRIS.source, licence=IRIS.licence))
elif source == "blobs":
    k_col, sep_col, n_col = st.columns(3)
    choice = views.DataChoice("blobs", k=ui.slider(K, ui.t("softmax.k"), where=k_col),
                              separation=ui.slider(SEP, ui.t("softmax.sep"), where=sep_col),
                              n=ui.select_slider(N, ui.t("softmax.n"), format_func="{:,}".format, where=n_col),
                              seed=ui.seed)
else:
    choice = (upload_picker(ui, "softmax", columns=views.upload_columns, load=views.uploaded_choice, two_features=True)
              or views.DataChoice())  # a problem with the file is said above it; iris stands in
    if choice.source != "upload":
        st.caption(ui.t("softmax.upload_fallback"))
if len(choice.features) != 2 and choice.source != "blobs":
    st.info(ui.t("softmax.pick_two"))
    st.stop()
data = ui.run(cached(views.data_view), choice)
st.caption(ui.t("softmax.data_summary", n=f"{data.n:,}", k=data.k,
                counts=", ".join(f"{c}: {n:,}" for c, n in zip(data.classes, data.counts))))


# 1. Entropy + KL = cross-entropy
@ui.section
def entropy_section(choice):
    st.header(ui.t("softmax.entropy_header"))
    st.markdown(ui.t("softmax.entropy_intro"))
    p_col, flips_col, q_col, units_col = st.columns(4)
    p = ui.slider(P, ui.t("softmax.p"), where=p_col)
    flips = ui.select_slider(FLIPS, ui.t("softmax.bn"), format_func="{:,}".format, where=flips_col)
    q = ui.slider(Q, ui.t("softmax.q"), where=q_col)
    units = ui.radio(UNITS, ui.t("softmax.units"), format_func=lambda u: ui.t(f"softmax.units.{u}"), where=units_col)
    if (view := ui.attempt(cached(views.entropy_view), choice, p, q, flips, ui.seed, units)) is None:
        return
    unit = ui.t(f"softmax.units.{units}")
    models = {m: ui.t(f"softmax.model.{m}") for m in ("coin", "uniform", "mle", "tilted", "peaked")}
    curve_col, bars_col = st.columns([3, 2], gap="large")
    ui.chart(charts.entropy_curve_chart, view, x_title=ui.t("softmax.q_axis"), y_title=unit,
             entropy_label=ui.t("softmax.part.entropy"), kl_label=ui.t("softmax.part.kl"),
             cross_label=ui.t("softmax.part.cross"), mle_label=ui.t("softmax.mle_line", p_hat=f"{view.p_hat:.3f}"),
             model_label=ui.t("softmax.model_q"),
             title=ui.t("softmax.curve_title", k=view.k_ones, n=f"{view.n_flips:,}"), where=curve_col)
    ui.chart(charts.entropy_bars_chart, view.bars, model_labels=models, x_title=ui.t("softmax.model_axis"), y_title=unit,
             entropy_label=ui.t("softmax.part.entropy"), kl_label=ui.t("softmax.part.kl"),
             title=ui.t("softmax.bars_title"), where=bars_col)
    cross, ent, kl = view.at_q
    curve_col.caption(ui.t("softmax.curve_caption", q=f"{view.q:.2f}", cross=f"{cross:.4f}", h=f"{ent:.4f}",
                           kl=f"{kl:.4f}", unit=unit))
    bars_col.caption(ui.t("softmax.bars_caption", p_hat=", ".join(f"{v:.3f}" for v in view.class_p_hat)))
    st.latex(views.LATEX["entropy"])
    rows = [{**row, "model": models[row["model"]]} for row in view.table]
    st.dataframe(rows, column_config=columns_of(rows, "entropy"), hide_index=True)
    st.caption(ui.t("softmax.scipy_caption", unit=unit))
    ui.code(ui.run(cached(teaching.snippet), "softmax", p=p, q=q, n=flips, seed=ui.seed, units=units))


# 2. Softmax regression
@ui.section
def training_section(choice):
    st.header(ui.t("softmax.train_header"))
    st.markdown(ui.t("softmax.train_intro"))
    opt_col, lr_col, epochs_col, batch_col = st.columns(4)
    name = ui.select(OPT, ui.t("softmax.optimizer"), where=opt_col)
    lr = ui.select_slider(LR[name], ui.t("softmax.lr", name=name), format_func=num, where=lr_col)
    epochs = ui.select_slider(EPOCHS, ui.t("softmax.epochs"), format_func="{:,}".format, where=epochs_col)
    batch = ui.select_slider(BATCH, ui.t("softmax.batch"), where=batch_col,
                             format_func=lambda b: ui.t("softmax.batch_full") if b == "full" else str(b))
    l2_col, std_col, logy_col = st.columns([2, 1, 1])
    l2 = ui.select_slider(L2, ui.t("softmax.l2"), format_func=num, where=l2_col)
    standardize = ui.toggle(STD, ui.t("softmax.std"), where=std_col)
    log_y = ui.toggle(LOGY, ui.t("softmax.logy"), where=logy_col)
    if (view := ui.attempt(cached(views.training_view), choice, name, (("lr", lr),), epochs, batch, l2,
                           standardize, ui.seed)) is None:
        return
    if view.diverged_epoch is not None:
        st.error(ui.t("softmax.diverged", name=name, epoch=view.diverged_epoch), icon=":material/trending_up:")
    regions_col, loss_col = st.columns(2, gap="large")
    ui.chart(charts.decision_regions_chart, view, x_title=view.features[0], y_title=view.features[1],
             class_labels=view.classes, class_title=ui.t("softmax.class"), title=ui.t("softmax.regions_title", name=name),
             where=regions_col)
    ui.chart(charts.loss_curve_chart, view, x_title=ui.t("softmax.epoch_axis"), y_title=ui.t("softmax.objective_axis"),
             run_label=name, optimum_label=ui.t("softmax.optimum"), log_y=log_y, title=ui.t("softmax.loss_title"),
             where=loss_col)
    regions_col.caption(ui.t("softmax.regions_caption"))
    loss_col.caption(ui.t("softmax.loss_caption", nll=f"{view.nll:.5f}", acc=f"{view.accuracy:.1%}",
                          gap=f"{view.gap:.2e}", opt_acc=f"{view.optimum_accuracy:.1%}"))
    if not view.optimum_converged:
        loss_col.caption(ui.t("softmax.no_optimum"))
    st.latex(views.LATEX["softmax"])
    ui.chart(charts.probability_surfaces_chart, view, x_title=view.features[0], y_title=view.features[1],
             class_labels=view.classes, prob_title=ui.t("softmax.prob_axis"), title=ui.t("softmax.surfaces_title"))
    st.subheader(ui.t("softmax.k2_header"))
    if view.binary_check is None:
        st.info(ui.t("softmax.k2_missing"))
    else:
        rows = [{**row, "trainer": ui.t(f"softmax.trainer.{row['trainer']}")} for row in view.binary_check]
        st.markdown(ui.t("softmax.k2_intro", a=view.binary_classes[0], b=view.binary_classes[1]))
        st.dataframe(rows, column_config=columns_of(rows, "k2"), hide_index=True)
        st.caption(ui.t("softmax.k2_caption", diff=f"{view.binary_max_diff:.1e}"))


# 3. Shift, overflow, temperature
@ui.section
def temperature_section(choice):
    st.header(ui.t("softmax.temp_header"))
    st.markdown(ui.t("softmax.temp_intro"))
    shift_col, t_col, l2_col = st.columns(3)
    shift = ui.select_slider(SHIFT, ui.t("softmax.shift"), format_func="{:,}".format, where=shift_col)
    temperature = ui.select_slider(TEMP, ui.t("softmax.T"), format_func=num, where=t_col)
    l2 = ui.select_slider(TL2, ui.t("softmax.tl2"), format_func=num, where=l2_col)
    if (view := ui.attempt(cached(views.temperature_view), choice, temperature, shift, l2)) is None:
        return
    table_col, bars_col = st.columns(2, gap="large")
    table_col.dataframe(view.shift_table, column_config=columns_of(view.shift_table, "shift"), hide_index=True)
    table_col.caption(ui.t("softmax.naive_fails" if view.naive_fails else "softmax.naive_ok"))
    ui.chart(charts.softmax_bars_chart, view.example_probs, x_title=ui.t("softmax.class_axis"),
             y_title=ui.t("softmax.prob_axis"), at_t_label=ui.t("softmax.at_t", t=num(temperature)),
             at_one_label=ui.t("softmax.at_one"), title=ui.t("softmax.example_title"), where=bars_col)
    calib_col, nll_col = st.columns(2, gap="large")
    chosen, best = ui.t("softmax.chosen_t", t=num(temperature)), ui.t("softmax.best_t", t=f"{view.best_t:.3g}")
    ui.chart(charts.calibration_chart, view, x_title=ui.t("softmax.t_axis"), y_title=ui.t("softmax.share_axis"),
             confidence_label=ui.t("softmax.confidence"), accuracy_label=ui.t("softmax.accuracy"),
             ece_label=ui.t("softmax.ece"), chosen_label=chosen, best_label=best,
             title=ui.t("softmax.calibration_title"), where=calib_col)
    ui.chart(charts.temperature_nll_chart, view, x_title=ui.t("softmax.t_axis"), y_title=ui.t("softmax.nll_axis"),
             nll_label=ui.t("softmax.nll"), chosen_label=chosen, best_label=best, title=ui.t("softmax.tnll_title"),
             where=nll_col)
    st.caption(ui.t("softmax.temp_caption", t=num(temperature), conf=f"{view.at_t['confidence']:.1%}",
                    acc=f"{view.accuracy:.1%}", ece=f"{view.at_t['ece']:.3f}", nll=f"{view.at_t['nll']:.4f}",
                    best=f"{view.best_t:.3g}"))
    st.latex(views.LATEX["temperature"])


entropy_section(choice)
training_section(choice)
temperature_section(choice)

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("softmax.notice"))
ui.share({"data": {"n": data.n, "k": data.k, "classes": list(data.classes), "counts": list(data.counts)}})
ui.exercises()
