"""Cross-entropy: the Bernoulli NLL is the BCE, and training a logistic regression is MLE."""

import streamlit as st

from estimation import datasets, teaching
from estimation.charts import cross_entropy as charts
from estimation.optimizers import OPTIMIZERS
from estimation.views import cross_entropy as views
from lab.params import BoolParam, ChoiceParam, FloatParam, MultiChoiceParam
from lab.shell import cached, page_shell
from lab.uploads import upload_picker

# -- 1. the identity on a coin-flip sample
P = FloatParam("p", 0.3, lo=0.0, hi=1.0, step=0.01)
Q = FloatParam("q", 0.6, lo=0.01, hi=0.99, step=0.01)
FLIPS = ChoiceParam("bn", 20, (5, 10, 20, 50, 100, 1_000, 10_000))
# -- 2. data
SOURCE = ChoiceParam("src", "synthetic", ("synthetic", "iris", "breast_cancer", "upload"))
N = ChoiceParam("n", 400, (20, 50, 100, 200, 400, 1_000, 2_000, 5_000))
SEP = FloatParam("sep", 2.0, lo=0.0, hi=8.0, step=0.25)
DIM = ChoiceParam("dim", 2, (1, 2))
IRIS, CANCER = datasets.DATASETS["iris"], datasets.DATASETS["breast_cancer"]
IRIS_X = MultiChoiceParam("iris_x", ("petal_length", "petal_width"), IRIS.features, max_count=2)
IRIS_POS = ChoiceParam("iris_pos", "virginica", IRIS.classes)
IRIS_NEG = ChoiceParam("iris_neg", "versicolor", ("rest", *IRIS.classes))
CANCER_X = MultiChoiceParam("bc_x", ("radius", "texture"), CANCER.features, max_count=2)
# -- 3. training: one learning rate per optimizer (their good ranges differ by orders of magnitude)
LR = {name: ChoiceParam(f"lr_{name.lower()}", views.LEARNING_RATES[name], views.RATES) for name in OPTIMIZERS}
OPT = MultiChoiceParam("opt", ("SGD", "Momentum", "Adam"), tuple(OPTIMIZERS))
MOM = FloatParam("mom", 0.9, lo=0.0, hi=0.99, step=0.01)
B1 = FloatParam("b1", 0.9, lo=0.0, hi=0.99, step=0.01)
B2 = ChoiceParam("b2", 0.999, (0.9, 0.99, 0.999, 0.9999))
RHO = FloatParam("rho", 0.9, lo=0.5, hi=0.99, step=0.01)
#: Shared hyperparameter widgets: each feeds these optimizers' keyword arguments.
SHARED = ((MOM, {"Momentum": "momentum", "Nesterov": "momentum"}), (B1, {"Adam": "beta1"}),
          (B2, {"Adam": "beta2"}), (RHO, {"RMSprop": "decay_rate", "AdaDelta": "rho"}))
EPOCHS = ChoiceParam("epochs", 100, (10, 20, 50, 100, 200, 500, 1_000))
BATCH = ChoiceParam("batch", "full", ("full", 8, 16, 32, 64, 128))
L2 = ChoiceParam("l2", 0, (0, 0.0001, 0.001, 0.01, 0.1, 1))
LOGY = BoolParam("logy", False)

ui = page_shell("cross_entropy", [
    P, Q, FLIPS, SOURCE, N, SEP, DIM, IRIS_X, IRIS_POS, IRIS_NEG, CANCER_X,
    OPT, *LR.values(), MOM, B1, B2, RHO, EPOCHS, BATCH, L2, LOGY,
])
st.markdown(ui.t("cross_entropy.intro"))
rate = "{:g}".format


@ui.section
def identity() -> None:
    """1. −log L / N = mean BCE on a coin-flip sample."""
    st.header(ui.t("cross_entropy.identity_header"))
    st.markdown(ui.t("cross_entropy.identity_intro"))
    controls, chart_col = st.columns([2, 3], gap="large")
    with controls:
        p = ui.slider(P, ui.t("cross_entropy.p"))
        q = ui.slider(Q, ui.t("cross_entropy.q"))
        flips = ui.select_slider(FLIPS, ui.t("cross_entropy.bn"), format_func="{:,}".format)
        view = ui.run(cached(views.identity_section), p, q, flips, ui.seed)
        nll_col, bce_col = st.columns(2)
        nll_col.metric(ui.t("cross_entropy.nll_mean"), f"{view.identity.nll_mean:.6f}")
        bce_col.metric(ui.t("cross_entropy.bce_mean"), f"{view.identity.bce_mean:.6f}")
        st.caption(ui.t("cross_entropy.identity_same"))
        st.table(view.table(ui.t))
    ui.chart(
        charts.per_sample_loss_chart, view,
        x_title=ui.t("cross_entropy.z_axis"), y_title=ui.t("cross_entropy.loss_axis"),
        pos_label=ui.t("cross_entropy.pos"), neg_label=ui.t("cross_entropy.neg"),
        mean_label=ui.t("cross_entropy.mean_curve"), model_label=ui.t("cross_entropy.model_z"),
        mle_label=ui.t("cross_entropy.mle_point"), title=ui.t("cross_entropy.loss_chart_title"), where=chart_col,
    )
    st.latex(views.IDENTITY_LATEX)
    st.markdown(ui.t("cross_entropy.slip", n=f"{view.identity.n:,}"))
    ui.code(ui.run(cached(teaching.snippet), "cross_entropy", p=p, q=q, n=flips, seed=ui.seed))
    ui.record(identity=view.record())


identity()

# -- 2. the data: a page-level choice (training, landscape and separation all use it)
st.header(ui.t("cross_entropy.data_header"))
source = ui.radio(SOURCE, ui.t("cross_entropy.source"), format_func=lambda s: ui.t(f"cross_entropy.source.{s}"))
if source == "synthetic":
    n_col, sep_col, dim_col = st.columns(3)
    data = ui.run(cached(views.synthetic_data),
                  ui.select_slider(N, ui.t("cross_entropy.n"), format_func="{:,}".format, where=n_col),
                  ui.slider(SEP, ui.t("cross_entropy.sep"), where=sep_col),
                  ui.radio(DIM, ui.t("cross_entropy.dim"), format_func=lambda d: ui.t(f"cross_entropy.dim.{d}"),
                           where=dim_col), seed=ui.seed)
elif source == "upload":
    data = (upload_picker(ui, "cross_entropy", columns=views.upload_columns, classes=views.upload_classes,
                          load=views.uploaded_data)
            or ui.run(cached(views.synthetic_data), seed=ui.seed, source="upload"))  # a stand-in
else:
    feature_col, pos_col, neg_col = st.columns(3)
    features = ui.multiselect(IRIS_X if source == "iris" else CANCER_X, ui.t("cross_entropy.features"),
                              where=feature_col)
    if source == "iris":
        positive = ui.select(IRIS_POS, ui.t("cross_entropy.positive"), where=pos_col)
        negative = ui.select(IRIS_NEG, ui.t("cross_entropy.negative"), where=neg_col,
                             format_func=lambda c: ui.t("cross_entropy.rest") if c == "rest" else c)
    else:
        positive, negative = "M", "rest"
        pos_col.caption(ui.t("cross_entropy.bc_classes"))
    data = None  # no feature picked: the sections that train on the data show only their controls
    if features:
        data = ui.run(cached(views.bundled_data), source, tuple(features), positive=positive, negative=negative)
    else:
        st.info(ui.t("cross_entropy.pick_feature"))
    spec = IRIS if source == "iris" else CANCER
    st.caption(ui.t("cross_entropy.dataset_source", source=spec.source, licence=spec.licence))
if data is not None:
    st.caption(ui.t("cross_entropy.data_summary", n=f"{data.n:,}", ones=f"{data.ones:,}"))


@ui.section
def training(data: views.Data | None) -> None:
    """3. Several optimizers minimise the mean BCE of the chosen data."""
    st.header(ui.t("cross_entropy.train_header"))
    st.markdown(ui.t("cross_entropy.train_intro"))
    chosen = ui.multiselect(OPT, ui.t("cross_entropy.optimizers"))
    if not chosen:  # nothing to train: sections 3–5 are skipped, the rest of the page stays
        st.info(ui.t("cross_entropy.pick_optimizer"))
    names = [name for name in OPTIMIZERS if name in chosen]  # registry order: stable colours and legend
    rates = ui.per_item(LR, names, lambda name: ui.t("cross_entropy.lr", name=name), format_func=rate)
    # a shared widget appears only when an optimizer that uses it is chosen
    shared = ui.shared(SHARED, names, lambda param: ui.t(f"cross_entropy.{param.name}"), format_func=rate)
    hyper = {name: {"lr": rates[name]} | shared[name] for name in names}
    epochs_col, batch_col, l2_col, logy_col = st.columns(4)
    epochs = ui.select_slider(EPOCHS, ui.t("cross_entropy.epochs"), format_func="{:,}".format, where=epochs_col)
    batch = ui.select_slider(BATCH, ui.t("cross_entropy.batch"), where=batch_col,
                             format_func=lambda b: ui.t("cross_entropy.batch_full") if b == "full" else str(b))
    l2 = ui.select_slider(L2, ui.t("cross_entropy.l2"), format_func=rate, where=l2_col)
    log_y = ui.toggle(LOGY, ui.t("cross_entropy.logy"), where=logy_col)
    ui.record(training=None, mle_exists=None)
    if not names or data is None:  # no optimizer or no feature picked: sections 3–5 show only their controls
        return
    run = ui.attempt(cached(views.training_section), data, hyper, epochs=epochs, batch_size=batch, l2=l2, seed=ui.seed)
    if run is None:  # a refused setting ends this section only (as when the section reruns alone), not the page
        return
    for name, epoch in run.diverged:
        st.error(ui.t("cross_entropy.diverged", name=name, epoch=epoch), icon=":material/trending_up:")
    ui.chart(
        charts.loss_curves_chart, run.objectives, run.comparison.reference.objective, log_y=log_y,
        x_title=ui.t("cross_entropy.epoch_axis"), y_title=ui.t("cross_entropy.objective_axis"),
        reference_label=ui.t("cross_entropy.reference"), title=ui.t("cross_entropy.curves_title"),
    )
    st.latex(views.TRAIN_LATEX)
    st.subheader(ui.t("cross_entropy.table_title"))
    st.table(run.table(ui.t))
    st.caption(ui.t("cross_entropy.table_note"))
    ui.record(training=list(run.summary), mle_exists=run.comparison.mle_exists)
    model_and_landscape(data, run)
    separable(data, run)


@ui.section
def model_and_landscape(data: views.Data, run: views.TrainingSection) -> None:
    """4. The fitted model over the data, and the loss landscape with every path."""
    view = views.landscape_section(run)
    titles, classes = data.labels(ui.t)
    st.header(ui.t("cross_entropy.view_header"))
    view_col, landscape_col = st.columns(2, gap="large")
    ui.chart(
        charts.data_view_chart, view.view, x_title=titles[0],
        y_title=ui.t("cross_entropy.prob_axis") if view.one_feature else titles[1],
        class_labels=classes, model_label=ui.t("cross_entropy.model_boundary", name=view.first),
        reference_label=ui.t("cross_entropy.reference_boundary"), prob_title=ui.t("cross_entropy.prob_axis"),
        title=ui.t("cross_entropy.view_title"), where=view_col,
    )
    view_col.caption(ui.t("cross_entropy.view_caption", name=view.first, shown=f"{view.shown:,}",
                          n=f"{view.n_total:,}"))
    ui.chart(
        charts.loss_landscape_chart, view.landscape,
        x_title=ui.t("cross_entropy.w_axis" if view.one_feature else "cross_entropy.w1_axis"),
        y_title=ui.t("cross_entropy.b_axis" if view.one_feature else "cross_entropy.w2_axis"),
        start_label=ui.t("cross_entropy.start"), optimum_label=ui.t("cross_entropy.optimum"),
        title=ui.t("cross_entropy.landscape_title"), where=landscape_col,
    )
    landscape_col.caption(ui.t("cross_entropy.landscape_caption_1") if view.one_feature
                          else ui.t("cross_entropy.landscape_caption_2", b=f"{view.fixed_b:.3g}"))


@ui.section
def separable(data: views.Data, run: views.TrainingSection) -> None:
    """5. Separable data: no MLE; ‖w‖ grows without λ and settles with it."""
    view = views.separable_section(data, run, max_separation=SEP.hi)
    st.header(ui.t("cross_entropy.separable_header"))
    if view.mle_exists:  # what to try next follows the data choice in use
        st.success(f"{ui.t('cross_entropy.mle_exists')} {ui.t(f'cross_entropy.try_separation.{view.advice}')}",
                   icon=":material/check_circle:")
        return
    text_col, norm_col = st.columns([2, 3], gap="large")
    text_col.info(ui.t("cross_entropy.mle_missing"), icon=":material/all_inclusive:")
    ui.chart(
        charts.weight_norm_chart,
        {ui.t("cross_entropy.lambda_run", value=rate(lam)): norms for lam, norms in view.norms.items()},
        x_title=ui.t("cross_entropy.epoch_axis"), y_title=ui.t("cross_entropy.norm_axis"),
        title=ui.t("cross_entropy.norm_title", name=view.first), where=norm_col,
    )
    st.latex(views.SEPARABLE_LATEX)
    st.caption(ui.t("cross_entropy.separable_latex_note"))


training(data)

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("cross_entropy.notice"))
ui.share()
ui.exercises()
