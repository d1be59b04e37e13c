"""Cross-entropy: the Bernoulli NLL is the BCE, and training a logistic regression is MLE."""

import pandas as pd
import streamlit as st

from estimation import datasets, logistic, teaching
from estimation.charts import cross_entropy as charts
from estimation.optimizers import OPTIMIZERS
from lab.params import BoolParam, ChoiceParam, FloatParam, MultiChoiceParam
from lab.shell import cached, page_shell

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
RATES = (0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
         1, 2, 5, 10, 20, 50, 100, 1_000, 10_000)
LR = {name: ChoiceParam(f"lr_{name.lower()}", logistic.LEARNING_RATES[name], RATES) for name in OPTIMIZERS}
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

IDENTITY_LATEX = r"""\begin{aligned}
L(q) &= \prod_{i=1}^{N} q^{x_i}(1-q)^{1-x_i} \\
-\log L(q) &= -\sum_{i=1}^{N}\bigl[x_i\log q+(1-x_i)\log(1-q)\bigr] = \sum_{i=1}^{N}\mathrm{BCE}(x_i,q) \\
\frac{-\log L(q)}{N} &= \frac{1}{N}\sum_{i=1}^{N}\mathrm{BCE}(x_i,q),
\qquad \frac{d}{dq}\,\frac{-\log L(q)}{N} = 0 \;\Longleftrightarrow\; \hat q=\frac{k}{N} \\
q=\sigma(z):\quad \mathrm{BCE}(1,q) &= -\log\sigma(z)=\log(1+e^{-z}),
\qquad \mathrm{BCE}(0,q) = -\log\bigl(1-\sigma(z)\bigr)=\log(1+e^{z})
\end{aligned}"""
TRAIN_LATEX = r"""\begin{aligned}
P(y=1\mid x) &= \sigma(z),\qquad z=w^{\top}x+b \\
J_0(w,b) &= \frac{1}{N}\sum_{i=1}^{N}\bigl[\log(1+e^{z_i})-y_i z_i\bigr]=\text{mean BCE},\qquad
J_\lambda(w,b) = J_0(w,b)+\frac{\lambda}{2}\lVert w\rVert^{2} \\
\nabla_{w}J_\lambda &= \frac{1}{N}X^{\top}\bigl(\sigma(z)-y\bigr)+\lambda w \\
\frac{\partial J_\lambda}{\partial b} &= \frac{1}{N}\sum_{i=1}^{N}\bigl(\sigma(z_i)-y_i\bigr)
\end{aligned}"""
SEPARABLE_LATEX = r"""\begin{aligned}
&m_i=(2y_i-1)(w^{\top}x_i+b):\quad (w,b)\neq 0,\ \ m_i\ge 0\ \ \forall i,\ \ \exists\,j:\ m_j>0 \\
&\;\Longrightarrow\; J_0(c\,w,\,c\,b)\searrow\ \ (c\to\infty),\qquad
\nexists\,(\hat w,\hat b):\ J_0(\hat w,\hat b)=\inf J_0 \\
&\lim_{c\to\infty}J_0(c\,w,\,c\,b)=\frac{\#\{i:\ m_i=0\}}{N}\,\ln 2\ \ \ge\ \inf J_0 \\
&m_i>0\ \ \forall i \;\Longrightarrow\; \inf J_0=\lim_{c\to\infty}J_0(c\,w,\,c\,b)=0 \\
&\lambda>0,\ \ 0<\textstyle\sum_i y_i<N:\quad J_\lambda(w,b)\xrightarrow[\lVert(w,b)\rVert\to\infty]{}\infty
\;\Longrightarrow\; \exists\,\arg\min J_\lambda
\end{aligned}"""

ui = page_shell("cross_entropy", [
    P, Q, FLIPS, SOURCE, N, SEP, DIM, IRIS_X, IRIS_POS, IRIS_NEG, CANCER_X,
    OPT, *LR.values(), MOM, B1, B2, RHO, EPOCHS, BATCH, L2, LOGY,
])
st.markdown(ui.t("cross_entropy.intro"))
rate = "{:g}".format

# ---------------------------------------------------------------------------
# 1. −log L / N = mean BCE
# ---------------------------------------------------------------------------
st.header(ui.t("cross_entropy.identity_header"))
st.markdown(ui.t("cross_entropy.identity_intro"))
controls, chart_col = st.columns([2, 3], gap="large")
with controls:
    p = ui.slider(P, ui.t("cross_entropy.p"))
    q = ui.slider(Q, ui.t("cross_entropy.q"))
    flips = ui.select_slider(FLIPS, ui.t("cross_entropy.bn"), format_func="{:,}".format)
    ident = ui.run(cached(logistic.bernoulli_identity), p, q, flips, ui.seed)
    nll_col, bce_col = st.columns(2)
    nll_col.metric(ui.t("cross_entropy.nll_mean"), f"{ident.nll_mean:.6f}")
    bce_col.metric(ui.t("cross_entropy.bce_mean"), f"{ident.bce_mean:.6f}")
    st.caption(ui.t("cross_entropy.identity_same"))
    st.table(pd.DataFrame(
        {ui.t("cross_entropy.value"): [f"{ident.k:,} / {ident.n:,}", f"{ident.nll_sum:.6f}",
                                       f"{ident.q_hat:.6f}", f"{ident.nll_mean_at_mle:.6f}"]},
        index=[ui.t(f"cross_entropy.row.{key}") for key in ("ones", "nll_sum", "q_hat", "nll_min")],
    ))
with chart_col:
    ui.chart(
        charts.per_sample_loss_chart, ident,
        x_title=ui.t("cross_entropy.z_axis"), y_title=ui.t("cross_entropy.loss_axis"),
        pos_label=ui.t("cross_entropy.pos"), neg_label=ui.t("cross_entropy.neg"),
        mean_label=ui.t("cross_entropy.mean_curve"), model_label=ui.t("cross_entropy.model_z"),
        mle_label=ui.t("cross_entropy.mle_point"), title=ui.t("cross_entropy.loss_chart_title"),
    )
st.latex(IDENTITY_LATEX)
st.markdown(ui.t("cross_entropy.slip", n=f"{ident.n:,}"))

# ---------------------------------------------------------------------------
# 2. Data
# ---------------------------------------------------------------------------
st.header(ui.t("cross_entropy.data_header"))
source = ui.radio(SOURCE, ui.t("cross_entropy.source"), format_func=lambda s: ui.t(f"cross_entropy.source.{s}"))
classes = (ui.t("cross_entropy.class0"), ui.t("cross_entropy.class1"))


def synthetic(n=N.default, sep=SEP.default, dim=DIM.default):
    X, y = ui.run(cached(datasets.make_gaussian_classes), n, n_features=dim, separation=sep, seed=ui.seed)
    return X, y, [ui.t("cross_entropy.x1"), ui.t("cross_entropy.x2")][:dim], classes


def picked(data: datasets.BinaryData):
    """Arrays, axis titles and class names of a table's chosen columns."""
    negative = str(data.negative[0]) if len(data.negative) == 1 else ui.t("cross_entropy.rest")
    return data.X, data.y, list(data.feature_names), (negative, str(data.positive))


def uploaded():
    """The uploaded table's chosen columns, or None (with the problem shown) if unusable.

    Neither the file nor the columns picked from it can live in the URL, so
    these pickers are plain widgets; the rest of the page stays usable.
    """
    st.info(ui.t("cross_entropy.upload_not_in_url"), icon=":material/link_off:")
    file = st.file_uploader(ui.t("cross_entropy.upload"), type=["csv"])
    if file is None:
        st.caption(ui.t("cross_entropy.upload_none"))
        return None
    try:
        table = cached(datasets.parse_csv)(file.getvalue())
        guess_label, guess_features = cached(datasets.suggest_columns)(table)
        columns = [str(c) for c in table.columns]
        label_col, feature_col, class_col = st.columns(3)
        label = label_col.selectbox(ui.t("cross_entropy.label_col"), columns, index=columns.index(guess_label))
        options = [c for c in columns if c != label]
        features = feature_col.multiselect(ui.t("cross_entropy.feature_cols"), options, max_selections=2,
                                           default=[c for c in guess_features if c in options] or options[:1])
        values = datasets.class_values(table, label)
        positive = class_col.selectbox(ui.t("cross_entropy.positive"), values, index=len(values) - 1,
                                       format_func=str) if len(values) > 2 else None
        return picked(cached(datasets.select_xy)(table, label, features, positive=positive))
    except ValueError as err:
        st.error(ui.t("cross_entropy.upload_error", message=ui.message(err)), icon=":material/error:")
        return None


if source == "synthetic":
    n_col, sep_col, dim_col = st.columns(3)
    X, y, feature_titles, class_names = synthetic(
        ui.select_slider(N, ui.t("cross_entropy.n"), format_func="{:,}".format, where=n_col),
        ui.slider(SEP, ui.t("cross_entropy.sep"), where=sep_col),
        ui.radio(DIM, ui.t("cross_entropy.dim"), format_func=lambda d: ui.t(f"cross_entropy.dim.{d}"), where=dim_col),
    )
elif source == "upload":
    X, y, feature_titles, class_names = uploaded() or synthetic()
else:
    spec = IRIS if source == "iris" else CANCER
    feature_col, pos_col, neg_col = st.columns(3)
    features = ui.multiselect(IRIS_X if source == "iris" else CANCER_X, ui.t("cross_entropy.features"),
                              where=feature_col)
    if source == "iris":
        positive = ui.select(IRIS_POS, ui.t("cross_entropy.positive"), where=pos_col)
        negative = ui.select(IRIS_NEG, ui.t("cross_entropy.negative"), where=neg_col,
                             format_func=lambda c: ui.t("cross_entropy.rest") if c == "rest" else c)
        negative = None if negative == "rest" else negative
    else:
        positive, negative = "M", None
        pos_col.caption(ui.t("cross_entropy.bc_classes"))
    X = y = None  # no feature picked: the sections that train on the data are skipped
    if features:
        data = ui.run(cached(datasets.select_xy), ui.run(cached(datasets.load_dataset), source), spec.label,
                      features, positive=positive, negative=negative)
        X, y, feature_titles, class_names = picked(data)
    else:
        st.info(ui.t("cross_entropy.pick_feature"))
    st.caption(ui.t("cross_entropy.dataset_source", source=spec.source, licence=spec.licence))
if y is not None:
    n_samples, ones = ui.run(datasets.label_counts, y)
    st.caption(ui.t("cross_entropy.data_summary", n=f"{n_samples:,}", ones=f"{ones:,}"))

# ---------------------------------------------------------------------------
# 3. Training
# ---------------------------------------------------------------------------
st.header(ui.t("cross_entropy.train_header"))
st.markdown(ui.t("cross_entropy.train_intro"))
chosen = ui.multiselect(OPT, ui.t("cross_entropy.optimizers"))
if not chosen:  # nothing to train: sections 3–5 are skipped, the rest of the page stays
    st.info(ui.t("cross_entropy.pick_optimizer"))
names = [name for name in OPTIMIZERS if name in chosen]  # registry order: stable colours and legend
columns = st.columns(4)
hyper = {name: {"lr": ui.select_slider(LR[name], ui.t("cross_entropy.lr", name=name), format_func=rate,
                                       where=columns[i % 4])}
         for i, name in enumerate(names)}
columns = iter(st.columns(4))
for spec, targets in SHARED:  # a shared widget appears only when an optimizer that uses it is chosen
    users = [name for name in names if name in targets]
    if users:
        value = (ui.select_slider(spec, ui.t(f"cross_entropy.{spec.name}"), format_func=rate, where=next(columns))
                 if isinstance(spec, ChoiceParam) else ui.slider(spec, ui.t(f"cross_entropy.{spec.name}"),
                                                                 where=next(columns)))
        for name in users:
            hyper[name][targets[name]] = value
epochs_col, batch_col, l2_col, logy_col = st.columns(4)
epochs = ui.select_slider(EPOCHS, ui.t("cross_entropy.epochs"), format_func="{:,}".format, where=epochs_col)
batch = ui.select_slider(BATCH, ui.t("cross_entropy.batch"), where=batch_col,
                         format_func=lambda b: ui.t("cross_entropy.batch_full") if b == "full" else str(b))
l2 = ui.select_slider(L2, ui.t("cross_entropy.l2"), format_func=rate, where=l2_col)
log_y = ui.toggle(LOGY, ui.t("cross_entropy.logy"), where=logy_col)

result = None  # no optimizer or no feature picked: sections 3–5 show only their controls
if names and X is not None:
    result = ui.run(cached(logistic.compare_optimizers), X, y, hyper, epochs=epochs,
                    batch_size=None if batch == "full" else batch, l2=l2, seed=ui.seed)
if result is not None:
    for name in result.names:
        if result.fits[name].diverged:
            st.error(ui.t("cross_entropy.diverged", name=name, epoch=result.fits[name].diverged_epoch),
                     icon=":material/trending_up:")

    ui.chart(
        charts.loss_curves_chart, {name: fit.objective for name, fit in result.fits.items()},
        result.reference.objective, log_y=log_y,
        x_title=ui.t("cross_entropy.epoch_axis"), y_title=ui.t("cross_entropy.objective_axis"),
        reference_label=ui.t("cross_entropy.reference"), title=ui.t("cross_entropy.curves_title"),
    )
    st.latex(TRAIN_LATEX)
    st.subheader(ui.t("cross_entropy.table_title"))
    rows = result.summary()
    st.table(pd.DataFrame({
        ui.t("cross_entropy.col.optimizer"): [r["name"] or ui.t("cross_entropy.reference_row") for r in rows],
        ui.t("cross_entropy.col.epochs"): [f"{r['epochs_run']:,}" if r["epochs_run"] else "—" for r in rows],
        ui.t("cross_entropy.col.nll"): [f"{r['nll']:.6f}" for r in rows],
        ui.t("cross_entropy.col.nll_sum"): [f"{r['nll_sum']:.4f}" for r in rows],
        ui.t("cross_entropy.col.gap"): [f"{r['gap']:.2e}" for r in rows],
        ui.t("cross_entropy.col.accuracy"): [f"{r['accuracy']:.1%}" for r in rows],
        ui.t("cross_entropy.col.status"): [
            ui.t("cross_entropy.status_diverged", epoch=r["diverged_epoch"]) if r["diverged_epoch"]
            else ui.t("cross_entropy.status_ok") if r["name"] else "—" for r in rows],
    }).set_index(ui.t("cross_entropy.col.optimizer")))
    st.caption(ui.t("cross_entropy.table_note"))

    # ---------------------------------------------------------------------------
    # 4. The fitted model and the loss landscape
    # ---------------------------------------------------------------------------
    st.header(ui.t("cross_entropy.view_header"))
    view_col, landscape_col = st.columns(2, gap="large")
    one_feature = len(feature_titles) == 1
    with view_col:
        ui.chart(
            charts.data_view_chart, result.view,
            x_title=feature_titles[0],
            y_title=ui.t("cross_entropy.prob_axis") if one_feature else feature_titles[1],
            class_labels=class_names, model_label=ui.t("cross_entropy.model_boundary", name=names[0]),
            reference_label=ui.t("cross_entropy.reference_boundary"), prob_title=ui.t("cross_entropy.prob_axis"),
            title=ui.t("cross_entropy.view_title"),
        )
        st.caption(ui.t("cross_entropy.view_caption", name=names[0], shown=f"{len(result.view.y):,}",
                        n=f"{result.view.n_total:,}"))
    with landscape_col:
        ui.chart(
            charts.landscape_chart, result.landscape,
            x_title=ui.t("cross_entropy.w_axis" if one_feature else "cross_entropy.w1_axis"),
            y_title=ui.t("cross_entropy.b_axis" if one_feature else "cross_entropy.w2_axis"),
            start_label=ui.t("cross_entropy.start"), optimum_label=ui.t("cross_entropy.optimum"),
            title=ui.t("cross_entropy.landscape_title"),
        )
        st.caption(ui.t("cross_entropy.landscape_caption_1") if one_feature
                   else ui.t("cross_entropy.landscape_caption_2", b=f"{result.landscape.fixed_b:.3g}"))

    # ---------------------------------------------------------------------------
    # 5. Separable data
    # ---------------------------------------------------------------------------
    st.header(ui.t("cross_entropy.separable_header"))
    if result.mle_exists:
        st.success(ui.t("cross_entropy.mle_exists"), icon=":material/check_circle:")
    else:
        text_col, norm_col = st.columns([2, 3], gap="large")
        text_col.info(ui.t("cross_entropy.mle_missing"), icon=":material/all_inclusive:")
        ui.chart(
            charts.weight_norm_chart,
            {ui.t("cross_entropy.lambda_run", value=rate(lam)): norms for lam, norms in result.ridge.items()},
            x_title=ui.t("cross_entropy.epoch_axis"), y_title=ui.t("cross_entropy.norm_axis"),
            title=ui.t("cross_entropy.norm_title", name=names[0]), where=norm_col,
        )
        st.latex(SEPARABLE_LATEX)
        st.caption(ui.t("cross_entropy.separable_latex_note"))

st.subheader(ui.t("common.what_to_notice"))
st.markdown(ui.t("cross_entropy.notice"))

ui.code(ui.run(cached(teaching.snippet), "cross_entropy", p=p, q=q, n=flips, seed=ui.seed))
ui.share({
    "identity": {"n": ident.n, "k": ident.k, "nll_sum": ident.nll_sum, "nll_mean": ident.nll_mean,
                 "bce_mean": ident.bce_mean, "q_hat": ident.q_hat, "nll_mean_at_mle": ident.nll_mean_at_mle},
    "training": None if result is None else result.summary(),
    "mle_exists": None if result is None else result.mle_exists,
})
ui.exercises()
