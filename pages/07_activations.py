"""Activations: the functions and their derivatives, and why sigmoid networks train slowly."""

import streamlit as st

from estimation import teaching
from estimation.activations import ACTIVATIONS
from estimation.charts import activations as charts
from estimation.views import activations as views
from lab.params import ChoiceParam, FloatParam, IntParam, MultiChoiceParam
from lab.shell import cached, page_shell

BATCH = 32  # inputs pushed through the network (fixed: it only smooths the averages)
ALWAYS = ("sigmoid", "tanh", "relu")  # always in the vanishing-gradient view

ACT = MultiChoiceParam("act", ALWAYS, tuple(ACTIVATIONS))
XMAX = FloatParam("xmax", 6.0, lo=1.0, hi=20.0, step=0.5, fmt="%.1f")
SLOPE = FloatParam("slope", 0.01, lo=0.0, hi=0.5, step=0.01)
ALPHA = FloatParam("alpha", 1.0, lo=0.1, hi=3.0, step=0.1, fmt="%.1f")
LAYERS = IntParam("layers", 20, lo=1, hi=100)
WIDTH = ChoiceParam("width", 64, (1, 2, 4, 8, 16, 32, 64, 128, 256))
SCALE = ChoiceParam("scale", 1.0, (0.1, 0.25, 0.5, 0.75, 1.0, 1.25, views.HE, 1.5, 2.0, 3.0, 4.0))

ui = page_shell("activations", [ACT, XMAX, SLOPE, ALPHA, LAYERS, WIDTH, SCALE])
st.markdown(ui.t("activations.intro"))
labels = {name: ui.t(f"activations.name.{name}") for name in ACTIVATIONS}


def table(rows: tuple[dict, ...], key: str, name, **titles: str) -> None:
    """A view's table: the ``key`` column shows each row's ``name``, the others its numbers (text, 4 digits)."""
    config = {key: st.column_config.SelectboxColumn("", options=[r[key] for r in rows], format_func=name)}
    config |= {column: st.column_config.TextColumn(title, alignment="right") for column, title in titles.items()}
    st.dataframe(rows, hide_index=True, column_config=config)


# ---------------------------------------------------------------------------
# 1. Functions and derivatives. The activations picked and their parameters are page-level: section 2 uses them too.
# ---------------------------------------------------------------------------
st.header(ui.t("activations.curves_header"))
pick_col, slope_col, alpha_col = st.columns([2, 1, 1])
chosen = ui.multiselect(ACT, ui.t("activations.pick"), format_func=labels.get, where=pick_col)
names = tuple(name for name in ACTIVATIONS if name in chosen)  # registry order: stable colours and legend
params = {}
if "leaky_relu" in names:
    params["leaky_relu"] = {"slope": ui.slider(SLOPE, ui.t("activations.slope"), where=slope_col)}
if "elu" in names:
    params["elu"] = {"alpha": ui.slider(ALPHA, ui.t("activations.alpha"), where=alpha_col)}


@ui.section
def functions(names: tuple[str, ...], params: dict) -> None:
    x_max = ui.slider(XMAX, ui.t("activations.x_max"), where=st.columns([1, 3])[0])
    if not names:
        st.info(ui.t("activations.pick_none"), icon=":material/info:")
        ui.record(max_derivative={})
        return
    view = ui.run(cached(views.curves), names, x_max, params=params)
    chart_col, formula_col = st.columns([3, 2], gap="large")
    common = {"labels": labels, "x_title": ui.t("activations.x_axis"), "series_title": ui.t("activations.tip.series"),
              "max_label": ui.t("activations.max_marker"), "kink_label": ui.t("activations.kink_marker")}
    ui.chart(charts.curves_chart, view, derivative=False, y_title=ui.t("activations.f_axis"),
             title=ui.t("activations.f_title"), where=chart_col, **common)
    ui.chart(charts.curves_chart, view, derivative=True, y_title=ui.t("activations.df_axis"),
             title=ui.t("activations.df_title"), where=chart_col, **common)
    with formula_col:
        st.subheader(ui.t("common.formulas"))
        for name in names:  # f and f′ from the registry, one aligned block each
            st.markdown(f"**{labels[name]}**")
            st.latex(rf"\begin{{gathered}}{ACTIVATIONS[name].latex_f}\\{ACTIVATIONS[name].latex_df}\end{{gathered}}")
            st.caption(ui.t(f"activations.note.{name}"))
    st.subheader(ui.t("activations.peak_title"))
    table(view.table, "activation", labels.get, max=ui.t("activations.col.max"), at=ui.t("activations.col.at"),
          at_zero=ui.t("activations.col.at_zero"))
    st.caption(ui.t("activations.peak_note"))
    ui.record(max_derivative={n: view.peak[n][1] for n in names})


functions(names, params)


# ---------------------------------------------------------------------------
# 2. Vanishing gradients
# ---------------------------------------------------------------------------
CHAIN_LATEX = (  # back-propagation through h_l = f(h_{l-1} W_l); one sigmoid unit per layer: the chart's reference
    r"\begin{gathered}z_l=h_{l-1}W_l,\qquad h_l=f(z_l)\\"
    r"E=\textstyle\sum h_L\ \Rightarrow\ \dfrac{\partial E}{\partial h_L}=\mathbf{1}\\"
    r"\frac{\partial E}{\partial h_{l-1}}=\Bigl(\frac{\partial E}{\partial h_l}\odot f'(z_l)\Bigr)W_l^{\top}\\"
    r"\frac{\partial E}{\partial h_0}=\frac{\partial E}{\partial h_L}"
    r"\prod_{l=L}^{1}\operatorname{diag}\bigl(f'(z_l)\bigr)W_l^{\top}\\"
    r"h_l=\sigma(w\,h_{l-1}):\\\Bigl|\frac{\partial h_L}{\partial h_0}\Bigr|=\prod_{l=1}^{L}|w|\,\sigma'(w\,h_{l-1})"
    r"\le\Bigl(\frac{|w|}{4}\Bigr)^{L}\end{gathered}"
)


def scale_label(s: float) -> str:
    return ui.t("activations.scale_he", s="√2 ≈ 1.41") if s == views.HE else f"{s:g}"


@ui.section
def vanishing_gradients(names: tuple[str, ...], params: dict, seed: int) -> None:
    st.header(ui.t("activations.depth_header"))
    st.markdown(ui.t("activations.depth_intro", batch=BATCH))
    layers_col, width_col, scale_col = st.columns(3)
    n_layers = ui.slider(LAYERS, ui.t("activations.layers"), where=layers_col)
    width = ui.select_slider(WIDTH, ui.t("activations.width"), where=width_col)
    scale = ui.select_slider(SCALE, ui.t("activations.scale"), format_func=scale_label, where=scale_col,
                             help=ui.t("activations.scale_help"))
    shown = tuple(name for name in ACTIVATIONS if name in ALWAYS or name in names)
    view = ui.run(cached(views.depth), shown, n_layers, width, init_scale=scale, batch_size=BATCH, seed=seed,
                  params=params)
    chart_col, formula_col = st.columns(2, gap="large")
    ui.chart(charts.depth_chart, view.profiles, labels=labels, x_title=ui.t("activations.layer_axis"),
             y_title=ui.t("activations.grad_axis"), series_title=ui.t("activations.tip.series"),
             std_title=ui.t("activations.tip.std"), reference_label=ui.t("activations.bound"),
             title=ui.t("activations.depth_title"), where=chart_col)
    chart_col.caption(ui.t("activations.depth_caption"))
    if view.dead:
        chart_col.info(ui.t("activations.dead", names=", ".join(labels[n] for n in view.dead)),
                       icon=":material/heart_broken:")
    with formula_col:
        st.subheader(ui.t("activations.chain_title"))
        st.latex(CHAIN_LATEX)
        st.caption(ui.t("activations.reference_line"))
        st.latex(view.bound_latex)
        st.subheader(ui.t("activations.depth_table_title"))
        table(view.table, "row", (labels | {"bound": ui.t("activations.bound_row")}).get,
              input_grad=ui.t("activations.col.input_grad"), per_layer=ui.t("activations.col.per_layer"))
        st.caption(ui.t("activations.depth_table_note"))
    ui.code(cached(teaching.snippet)("activations", n_layers=n_layers, width=width, init_scale=scale, seed=seed,
                                     batch_size=BATCH))
    ui.record(input_gradient=view.inputs, factor_per_layer=view.profiles.per_layer,
              sigmoid_chain_reference=float(view.profiles.bound[0]))


vanishing_gradients(names, params, ui.seed)

notice_col, slips_col = st.columns(2, gap="large")
with notice_col:
    st.subheader(ui.t("common.what_to_notice"))
    st.markdown(ui.t("activations.notice"))
with slips_col:
    st.subheader(ui.t("activations.slips_header"))
    st.markdown(ui.t("activations.slips"))
    st.latex(r"E=\tfrac12\lVert y-d\rVert^{2}\;\Rightarrow\;\frac{\partial E}{\partial y}=y-d")  # the slip y − b: strings

ui.share()
ui.exercises()
