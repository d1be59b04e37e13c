"""Optimizer playground: seven update rules race on the same surface."""

import pandas as pd
import streamlit as st

from estimation import surfaces, teaching
from estimation.charts import optimizers as charts
from estimation.optimizers import OPTIMIZERS
from estimation.surfaces import SURFACES
from estimation.views import optimizers as views
from lab import tables
from lab.params import BoolParam, ChoiceParam, FloatParam, MultiChoiceParam, code, from_grid
from lab.shell import cached, page_shell, state_key
from lab.widgets import rows_of

PAGE = "optimizers"


def _value(spec, label: str) -> float:
    """The control of ``spec`` and its value as a float."""
    if isinstance(spec, ChoiceParam):
        return float(ui.select_slider(spec, label))
    return ui.slider(spec, label, format=spec.fmt)


SURFACE = ChoiceParam("surface", "quadratic", tuple(SURFACES))
KAPPA = from_grid("kappa", views.SURFACE_WIDGETS["condition"])
ANGLE = from_grid("angle", views.SURFACE_WIDGETS["angle_deg"])
OWN_START = BoolParam("own_start", False)
# "%g": the box shows the coordinate the run starts from and the URL holds (x0=0.0001 read 0.000 with "%.3f")
X0 = FloatParam("x0", 0.0, lo=-10.0, hi=10.0, step=0.1, fmt="%g")
Y0 = FloatParam("y0", 0.0, lo=-10.0, hi=10.0, step=0.1, fmt="%g")
OPT = MultiChoiceParam("opt", ("SGD", "Momentum", "AdaGrad", "Adam"), tuple(OPTIMIZERS))
STEPS = ChoiceParam("steps", 1_000, (10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, views.MAX_STEPS))
PRESET = BoolParam("preset", True)
HP = {
    name: {hp: from_grid(f"{hp}_{name.lower()}", grid) for hp, grid in views.WIDGETS[name].items()}
    for name in OPTIMIZERS
}
PROGRESS = FloatParam("progress", 100.0, lo=0.0, hi=100.0, step=0.1, fmt="%.1f%%")
MEASURE = ChoiceParam("measure", "loss", views.MEASURES)
TOL = ChoiceParam("tol", code(1e-3), tuple(map(code, (1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1))))
#: How the race table shows its numbers (as text): 4 significant digits (a diverged 6.793e+10, not 67930000000),
#: the first step as 1,234, and "—" where the tolerance was not reached (as its footnote says).
FORMATS = {"loss": tables.significant(4), "distance": tables.significant(4), "reached": tables.count}


def _load_presets(presets: dict) -> None:
    """Switching the preset toggle off: the controls start from this surface's presets."""
    if not st.session_state[state_key(PAGE, PRESET)]:
        ui.assign({spec: code(presets[name][hp]) if isinstance(spec, ChoiceParam) else presets[name][hp]
                   for name, specs in HP.items() for hp, spec in specs.items()})


def _load_start(start: tuple[float, float]) -> None:
    """Switching "choose the start" on: the inputs start from the surface's default start."""
    if st.session_state[state_key(PAGE, OWN_START)]:
        ui.assign({X0: start[0], Y0: start[1]})


def _forget_start() -> None:
    """A start point belongs to a surface: a new surface starts from its own default."""
    ui.assign({OWN_START: False})


ui = page_shell(PAGE, [SURFACE, KAPPA, ANGLE, OWN_START, X0, Y0, OPT, STEPS, PRESET,
                       *(spec for specs in HP.values() for spec in specs.values()), PROGRESS, MEASURE, TOL])
st.markdown(ui.t("optimizers.intro"))

# -- page level: what races where, from where, with which settings (each change reruns the race) ------
surface_col, opt_col, steps_col = st.columns([1.3, 2.2, 1.3])
surface_key = ui.select(SURFACE, ui.t("optimizers.surface"), format_func=lambda k: ui.t(f"optimizers.surface.{k}"),
                        where=surface_col, on_change=_forget_start)
picked = ui.multiselect(OPT, ui.t("optimizers.optimizers"), where=opt_col)
steps = ui.select_slider(STEPS, ui.t("optimizers.steps"), format_func="{:,}".format, where=steps_col)
if not picked:  # the surface, the notice, the share link and the exercises still show
    st.info(ui.t("optimizers.no_optimizer"), icon=":material/info:")
names = [name for name in OPTIMIZERS if name in picked]  # registry order: stable table and legend

surface_params = None
columns = st.columns(4)
if surface_key == "quadratic":
    surface_params = {
        "condition": float(ui.select_slider(KAPPA, ui.t("optimizers.condition"), where=columns[0])),
        "angle_deg": ui.slider(ANGLE, ui.t("optimizers.angle"), where=columns[1], format="%.0f°"),
    }
surface = ui.run(surfaces.make_surface, surface_key, surface_params)
start = None
with columns[2]:
    if ui.toggle(OWN_START, ui.t("optimizers.own_start"), on_change=_load_start, args=(surface.start,)):
        x_col, y_col = st.columns(2)
        start = (ui.number(X0, ui.t("optimizers.x0"), where=x_col), ui.number(Y0, ui.t("optimizers.y0"), where=y_col))
    else:  # switching it on starts from the surface's start: a start in the URL would be stale
        ui.forget(X0, Y0)
if surface_key != "quadratic":  # the valley's κ and φ come back with it
    ui.remember(KAPPA, ANGLE)

presets = {name: ui.run(surfaces.preset, surface, name) for name in OPTIMIZERS}
with st.expander(ui.t("optimizers.hyper"), expanded=not st.session_state.get(state_key(PAGE, PRESET), True),
                 icon=":material/tune:"):
    if ui.toggle(PRESET, ui.t("optimizers.preset"), on_change=_load_presets, args=(presets,)):
        st.caption(ui.t("optimizers.preset_on"))
        configs = {name: presets[name] for name in names}
        ui.forget(*(spec for specs in HP.values() for spec in specs.values()))  # switching off loads the presets
    else:
        configs = {}
        for column, name in rows_of(names, 4):
            with column:
                st.markdown(f"**{name}**")
                configs[name] = {hp: _value(spec, ui.t(f"optimizers.hp.{hp}")) for hp, spec in HP[name].items()}
        # the settings of the optimizers not racing count too: adding one races it with them
        ui.remember(*(spec for name in OPTIMIZERS if name not in names for spec in HP[name].values()))


@ui.section
def race_at_step(surface_key: str, configs: dict, surface_params: dict | None, start: tuple | None,
                 steps: int) -> None:
    """The race revealed up to step t, and its snippet: the slider, error and tolerance rerun only this."""
    race = ui.run(cached(views.race), surface_key, configs, surface_params=surface_params, start=start, steps=steps)
    progress_col, measure_col, tol_col = st.columns([2.2, 1.5, 1.3])
    progress = ui.slider(PROGRESS, ui.t("optimizers.progress"), where=progress_col, format=PROGRESS.fmt)
    measure, tol = "loss", None
    if race.has_minimum:
        measure = ui.radio(MEASURE, ui.t("optimizers.measure"), format_func=lambda m: ui.t(f"optimizers.measure.{m}"),
                           where=measure_col, help=ui.t("optimizers.measure_help"))
        tol = float(ui.select_slider(TOL, ui.t("optimizers.tol"), format_func=lambda c: views.power_label(float(c)),
                                     where=tol_col))
    else:  # no minimum: the error and tolerance come back with the next surface that has one
        ui.remember(MEASURE, TOL)
    view = ui.run(views.race_view, race, progress, measure=measure, tol=tol)
    progress_col.caption(ui.t("optimizers.progress_caption", t=f"{view.step:,}", steps=f"{view.steps:,}"))
    for name, step in view.diverged:
        st.warning(ui.t("optimizers.diverged", name=name, step=step), icon=":material/warning:")
    if view.escaped:
        st.info(ui.t("optimizers.escaped", runs=view.escaped), icon=":material/south_east:")

    snap = view.snapshot
    stop_label = ui.t("optimizers.stop.diverged" if view.has_minimum else "optimizers.stop.escaped")
    land_col, loss_col = st.columns(2)
    with land_col:
        ui.chart(
            charts.landscape_chart, race.contour, snap.paths, snap.heads, snap.stops,
            names=snap.names, box=race.box, start=race.start, minima=race.surface.minima,
            x_title="x", y_title="y", level_title=ui.t("optimizers.level"), step_title=ui.t("optimizers.step"),
            start_label=ui.t("optimizers.start"), minimum_label=ui.t("optimizers.minimum"), stop_label=stop_label,
            title=ui.t("optimizers.landscape_title"),
        )
        st.latex(view.formula)
        st.caption(ui.t("optimizers.levels_log" if race.log_levels else "optimizers.levels_linear"))
    with loss_col:
        ui.chart(
            charts.loss_chart, snap.paths, snap.stops, names=snap.names, steps=race.steps,
            value_domain=snap.value_domain, log_scale=snap.log_scale, tol=view.tol,
            x_title=ui.t("optimizers.step"),
            y_title=ui.t(f"optimizers.y.{view.measure}" if view.has_minimum else "optimizers.y.saddle"),
            tol_label=ui.t("optimizers.tol_label", tol=view.tol_label) if view.tol else "", stop_label=stop_label,
            title=ui.t("optimizers.loss_title" if view.has_minimum else "optimizers.loss_title_saddle"),
        )
        st.caption(ui.t("optimizers.floor_note" if view.has_minimum else "optimizers.symlog_note"))

    st.subheader(ui.t("optimizers.table_title", t=f"{view.step:,}"))
    header = {column: ui.t(f"optimizers.col.{column}", tol=view.tol_label) for column in view.table}
    status = [ui.t(f"optimizers.status.{s}", step=at) for s, at in zip(view.table["status"], view.stopped_at)]
    shown = {"status": status} | {c: list(map(FORMATS[c], view.table[c])) for c in view.table if c in FORMATS}
    st.dataframe(pd.DataFrame({header[c]: shown.get(c, values) for c, values in view.table.items()},
                              index=pd.Index(list(view.names))),
                 column_config={header[c]: tables.number(help=ui.t("optimizers.col.distance_help") if c == "distance"
                                                         else None) for c in view.table if c in FORMATS})
    st.caption(ui.t("optimizers.table_note"))
    ui.code(ui.run(cached(teaching.snippet), "optimizers", surface=surface_key, optimizers=configs,
                   surface_params=surface_params, start=start, steps=steps, step=view.step))  # the table's t
    ui.record(**view.results)


if names:
    race_at_step(surface_key, configs, surface_params, start, steps)

st.subheader(ui.t("common.what_to_notice"))
notice = ui.run(views.notice, surface_key, configs, surface_params=surface_params, start=start, steps=steps)
if notice.changes:  # the notes say which settings they describe; here they are not the current ones
    changed = ui.t("optimizers.differs.sep").join(ui.t(f"optimizers.differs.{c}", **f) for c, f in notice.changes)
    st.info(f'{ui.t("optimizers.notice_settings")} {ui.t("optimizers.notice_differs", changed=changed)}',
            icon=":material/tune:")
else:
    st.caption(ui.t("optimizers.notice_settings"))
st.markdown(ui.t(f"optimizers.notice.{surface_key}"))

if names:  # the update rules of the optimizers racing, from the registry
    st.subheader(ui.t("optimizers.rules_title"))
    st.markdown(ui.t("optimizers.rules_intro"))
    st.latex(r"g_t = \nabla f(\theta_{t-1}),\qquad t = 1, 2, \dots")
    for column, name in rows_of(names, 2):
        with column.container(border=True):
            st.markdown(f"**{name}** · `{OPTIMIZERS[name].torch}`")
            st.latex(OPTIMIZERS[name].latex)
            st.caption(ui.t(f"optimizers.note.{name.lower()}"))
ui.share()
ui.exercises()
