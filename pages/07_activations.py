"""Activations: the functions and their derivatives, and why sigmoid networks train slowly."""

import pandas as pd
import streamlit as st

from estimation import activations, teaching
from estimation.activations import ACTIVATIONS
from estimation.charts import activations as charts
from lab.params import ChoiceParam, FloatParam, IntParam, MultiChoiceParam
from lab.shell import cached, page_shell

HE = 2 ** 0.5  # He initialisation scale √2
BATCH = 32  # inputs pushed through the network (fixed: it only smooths the averages)
ALWAYS = ("sigmoid", "tanh", "relu")  # always in the vanishing-gradient view

ACT = MultiChoiceParam("act", ALWAYS, tuple(ACTIVATIONS))
XMAX = FloatParam("xmax", 6.0, lo=1.0, hi=20.0, step=0.5, fmt="%.1f")
SLOPE = FloatParam("slope", 0.01, lo=0.0, hi=0.5, step=0.01)
ALPHA = FloatParam("alpha", 1.0, lo=0.1, hi=3.0, step=0.1, fmt="%.1f")
LAYERS = IntParam("layers", 20, lo=1, hi=100)
WIDTH = ChoiceParam("width", 64, (1, 2, 4, 8, 16, 32, 64, 128, 256))
SCALE = ChoiceParam("scale", 1.0, (0.1, 0.25, 0.5, 0.75, 1.0, 1.25, HE, 1.5, 2.0, 3.0, 4.0))

CHAIN_LATEX = (
    r"z_l=h_{l-1}W_l,\qquad h_l=f(z_l)",
    r"E=\textstyle\sum h_L\ \Rightarrow\ \dfrac{\partial E}{\partial h_L}=\mathbf{1}",
    r"\frac{\partial E}{\partial h_{l-1}}=\Bigl(\frac{\partial E}{\partial h_l}\odot f'(z_l)\Bigr)W_l^{\top}",
    r"\frac{\partial E}{\partial h_0}=\frac{\partial E}{\partial h_L}"
    r"\prod_{l=L}^{1}\operatorname{diag}\bigl(f'(z_l)\bigr)W_l^{\top}",
)
BOUND_LATEX = (  # one sigmoid unit per layer, every |w| equal: a scalar chain (the chart's reference curve)
    r"h_l=\sigma(w\,h_{l-1}):",
    r"\Bigl|\frac{\partial h_L}{\partial h_0}\Bigr|=\prod_{l=1}^{L}|w|\,\sigma'(w\,h_{l-1})"
    r"\le\Bigl(\frac{|w|}{4}\Bigr)^{L}",
)
OUTPUT_LATEX = r"E=\tfrac12\lVert y-d\rVert^{2}\;\Rightarrow\;\frac{\partial E}{\partial y}=y-d"  # the slip y − b: strings

ui = page_shell("activations", [ACT, XMAX, SLOPE, ALPHA, LAYERS, WIDTH, SCALE])
st.markdown(ui.t("activations.intro"))
labels = {name: ui.t(f"activations.name.{name}") for name in ACTIVATIONS}


def scale_label(s: float) -> str:
    return ui.t("activations.scale_he", s="√2 ≈ 1.41") if s == HE else f"{s:g}"


def num(value: float) -> str:
    """A number for the tables: four significant digits."""
    return f"{value:.4g}"


def sci(value: float) -> str:
    """A number for LaTeX: 9.095e-13 → 9.095 × 10⁻¹³."""
    mantissa, _, exponent = f"{value:.4g}".partition("e")
    return rf"{mantissa}\times10^{{{int(exponent)}}}" if exponent else mantissa


# ---------------------------------------------------------------------------
# 1. Functions and derivatives
# ---------------------------------------------------------------------------
st.header(ui.t("activations.curves_header"))
pick_col, x_col = st.columns([3, 1])
chosen = ui.multiselect(ACT, ui.t("activations.pick"), format_func=labels.get, where=pick_col)
x_max = ui.slider(XMAX, ui.t("activations.x_max"), where=x_col)
names = [name for name in ACTIVATIONS if name in chosen]  # registry order: stable colours and legend
params = {}
if {"leaky_relu", "elu"} & set(names):
    slope_col, alpha_col, _ = st.columns(3)
    if "leaky_relu" in names:
        params["leaky_relu"] = {"slope": ui.slider(SLOPE, ui.t("activations.slope"), where=slope_col)}
    if "elu" in names:
        params["elu"] = {"alpha": ui.slider(ALPHA, ui.t("activations.alpha"), where=alpha_col)}

if not names:
    st.info(ui.t("activations.pick_none"), icon=":material/info:")
    curves = None
else:
    curves = ui.run(cached(activations.activation_curves), tuple(names), x_max, params=params)
    chart_col, formula_col = st.columns([3, 2], gap="large")
    with chart_col:
        common = {"labels": labels, "x_title": ui.t("activations.x_axis"), "series_title": ui.t("activations.tip.series"),
                  "max_label": ui.t("activations.max_marker"), "kink_label": ui.t("activations.kink_marker")}
        ui.chart(charts.curves_chart, curves, derivative=False, y_title=ui.t("activations.f_axis"),
                 title=ui.t("activations.f_title"), **common)
        ui.chart(charts.curves_chart, curves, derivative=True, y_title=ui.t("activations.df_axis"),
                 title=ui.t("activations.df_title"), **common)
    with formula_col:
        st.subheader(ui.t("common.formulas"))
        for name in names:
            st.markdown(f"**{labels[name]}**")
            st.latex(ACTIVATIONS[name].latex_f)
            st.latex(ACTIVATIONS[name].latex_df)
            st.caption(ui.t(f"activations.note.{name}"))
    st.subheader(ui.t("activations.peak_title"))
    st.table(pd.DataFrame(  # x* is None where the supremum has no single point: "—"
        {ui.t("activations.col.max"): [num(curves.peak[n][1]) for n in names],
         ui.t("activations.col.at"): [num(curves.peak[n][0]) if curves.peak[n][0] is not None else "—"
                                      for n in names],
         ui.t("activations.col.at_zero"): [num(curves.at_zero[n]) for n in names]},
        index=[labels[n] for n in names],
    ))
    st.caption(ui.t("activations.peak_note"))

# ---------------------------------------------------------------------------
# 2. Vanishing gradients
# ---------------------------------------------------------------------------
st.header(ui.t("activations.depth_header"))
st.markdown(ui.t("activations.depth_intro", batch=BATCH))
layers_col, width_col, scale_col = st.columns(3)
n_layers = ui.slider(LAYERS, ui.t("activations.layers"), where=layers_col)
width = ui.select_slider(WIDTH, ui.t("activations.width"), where=width_col)
scale = ui.select_slider(SCALE, ui.t("activations.scale"), format_func=scale_label, where=scale_col,
                         help=ui.t("activations.scale_help"))
depth_names = [name for name in ACTIVATIONS if name in ALWAYS or name in names]
depth = ui.run(cached(activations.gradient_profiles), tuple(depth_names), n_layers, width,
               init_scale=scale, batch_size=BATCH, seed=ui.seed, params=params)
inputs = {n: float(p.grad_mean_abs[0]) for n, p in depth.profiles.items()}

chart_col, formula_col = st.columns(2, gap="large")
with chart_col:
    ui.chart(charts.depth_chart, depth, labels=labels, x_title=ui.t("activations.layer_axis"),
             y_title=ui.t("activations.grad_axis"), series_title=ui.t("activations.tip.series"),
             std_title=ui.t("activations.tip.std"), reference_label=ui.t("activations.bound"),
             title=ui.t("activations.depth_title"))
    st.caption(ui.t("activations.depth_caption"))
    dead = [labels[n] for n, g in inputs.items() if g == 0.0]
    if dead:
        st.info(ui.t("activations.dead", names=", ".join(dead)), icon=":material/heart_broken:")
scale_tex = r"\sqrt{2}" if scale == HE else f"{scale:g}"
with formula_col:
    st.subheader(ui.t("activations.chain_title"))
    for line in (*CHAIN_LATEX, *BOUND_LATEX):
        st.latex(line)
    st.caption(ui.t("activations.reference_line"))
    st.latex(rf"|w|=s={scale_tex},\ L={n_layers}:\ \Bigl(\frac{{{scale_tex}}}{{4}}\Bigr)^{{{n_layers}}}"
             rf"={sci(depth.bound[0])}")
    st.subheader(ui.t("activations.depth_table_title"))
    st.table(pd.DataFrame(
        {ui.t("activations.col.input_grad"): [num(g) for g in (*inputs.values(), depth.bound[0])],
         ui.t("activations.col.per_layer"): [num(f) for f in (*depth.per_layer.values(), depth.bound[-2])]},
        index=[*(labels[n] for n in inputs), ui.t("activations.bound_row")],
    ))  # the reference's factor per layer is bound[-2] = (s/4)^1
    st.caption(ui.t("activations.depth_table_note"))

notice_col, slips_col = st.columns(2, gap="large")
with notice_col:
    st.subheader(ui.t("common.what_to_notice"))
    st.markdown(ui.t("activations.notice"))
with slips_col:
    st.subheader(ui.t("activations.slips_header"))
    st.markdown(ui.t("activations.slips"))
    st.latex(OUTPUT_LATEX)

ui.code(cached(teaching.snippet)("activations", n_layers=n_layers, width=width, init_scale=scale,
                                 seed=ui.seed, batch_size=BATCH))
ui.share({
    "input_gradient": inputs,
    "factor_per_layer": depth.per_layer,
    "sigmoid_chain_reference": float(depth.bound[0]),
    "max_derivative": {n: curves.peak[n][1] for n in names} if curves else {},
})
ui.exercises()
