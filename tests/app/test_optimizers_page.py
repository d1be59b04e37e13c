"""The Optimizer playground: every surface, all optimizers, the extremes, divergence, the step slider."""

from __future__ import annotations

import contextlib
import io
import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from estimation import teaching
from estimation.optimizers import OPTIMIZERS
from estimation.surfaces import SURFACES, Quadratic, distance_to_minimum, first_step_below, run_optimizer
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page, warnings_text

PAGE = "pages/05_optimizers.py"
ALL = ",".join(OPTIMIZERS)


def _charts(at):
    """Each chart's data (Streamlit sends a chart's datasets beside its spec, as Arrow)."""
    frames = []
    for chart in at.get("vega_lite_chart"):
        parts = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in chart.proto.datasets]
        frames.append(pd.concat(parts, ignore_index=True))
    return frames


def _last_step(frame):
    return frame.loc[frame["kind"] == "path", "step"].max()


def _table(at):
    """The race table as shown: its numbers are text (see _g)."""
    return at.dataframe[0].value


def _g(x) -> str:
    """A loss or distance as the table shows it: 4 significant digits, "—" for none."""
    return "—" if x is None or x != x else f"{x:.4g}"


def _expected(key, name, steps, hp=None, t_=None):
    """The row's numbers straight from the surfaces module (independent of the playground)."""
    surface = SURFACES[key]
    traj = run_optimizer(OPTIMIZERS[name](**(hp or surface.presets[name])), surface, steps=steps)
    i = traj.steps if t_ is None else min(t_, traj.steps)
    dist = distance_to_minimum(surface, traj.points)
    return traj, i, dist


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("key", list(SURFACES))
def test_every_surface_renders_in_both_languages(key, lang):
    at = open_page(PAGE, {"surface": key, "lang": lang})
    assert_healthy(at)
    assert not at.warning, warnings_text(at)  # the presets never diverge
    frames = _charts(at)
    assert len(frames) == 2
    for frame in frames:
        assert 0 < len(frame) <= 5000
    assert t(f"optimizers.notice.{key}", lang) in [m.value for m in at.markdown]
    assert len(at.latex) >= 2 + 4  # f(x, y), g_t and the four default optimizers' rules
    assert list(_table(at).index) == ["SGD", "Momentum", "AdaGrad", "Adam"]
    if key == "saddle":  # escapes are reported as information, not as divergence
        assert t("optimizers.escaped", lang, runs="SGD (218), Momentum (208)") in [i.value for i in at.info]


def test_all_seven_optimizers_at_ten_thousand_steps():
    at = open_page(PAGE, {"opt": ALL, "steps": "10000", "surface": "rosenbrock"})
    assert_healthy(at)
    table = _table(at)
    assert list(table.index) == list(OPTIMIZERS)
    for frame in _charts(at):
        assert len(frame) <= 5000
        assert _last_step(frame) == 10_000
    assert len(at.latex) >= 2 + 7
    for name in OPTIMIZERS:
        traj, i, _ = _expected("rosenbrock", name, 10_000)
        assert table.loc[name, table.columns[1]] == _g(traj.losses[i])


def test_sgd_at_its_largest_learning_rate_diverges_with_a_named_warning():
    at = open_page(PAGE, {"surface": "rosenbrock", "preset": "false", "lr_sgd": "10", "opt": "SGD,Adam"})
    assert not at.exception and not at.error
    warnings = [w.value for w in at.warning]
    assert warnings == [t("optimizers.diverged", "en", name="SGD", step=2)]
    table = _table(at)
    status = table[table.columns[-1]]
    assert status["SGD"] == t("optimizers.status.diverged", "en", step=2)
    assert status["Adam"] == t("optimizers.status.completed", "en")  # the other one carries on
    for frame in _charts(at):
        stops = frame[frame["kind"] == "stop"]
        assert list(zip(stops["series"], stops["step"])) == [("SGD", 2)]
        numbers = frame.select_dtypes("number").to_numpy(dtype=float)
        assert np.all(np.isfinite(numbers)) and not frame.isna().any().any()  # no NaN reaches a chart


@pytest.mark.parametrize(("key", "tol"), [("quadratic", "0.001"), ("himmelblau", "1e-06"), ("beale", "0.01")])
@pytest.mark.parametrize("measure", ["loss", "distance"])
def test_table_numbers_equal_the_core(key, tol, measure):
    at = open_page(PAGE, {"surface": key, "opt": ALL, "measure": measure, "tol": tol, "steps": "500"})
    assert_healthy(at)
    table = _table(at)
    settings_col, loss_col, dist_col, reached_col, status_col = table.columns
    config = json.loads(at.dataframe[0].proto.columns)
    assert {c: (v["type_config"]["type"], v["alignment"]) for c, v in config.items()} == {
        c: ("text", "right") for c in (loss_col, dist_col, reached_col)}  # numbers as text, aligned as numbers
    surface = SURFACES[key]
    for name in OPTIMIZERS:
        traj, i, dist = _expected(key, name, 500)
        assert table.loc[name, loss_col] == _g(traj.losses[i])
        assert table.loc[name, dist_col] == _g(dist[i])
        error = dist if measure == "distance" else traj.losses - surface.min_value
        first = first_step_below(error, float(tol))
        assert table.loc[name, reached_col] == ("—" if first is None else f"{first:,}")
        assert "η = " in table.loc[name, settings_col]


def test_step_slider_truncates_what_is_shown():
    at = open_page(PAGE, {"progress": "2.5"})  # 2.5 % of 1,000 steps
    assert_healthy(at)
    assert t("optimizers.table_title", "en", t="25") in [h.value for h in at.subheader]
    for frame in _charts(at):
        assert _last_step(frame) == 25
    table = _table(at)
    for name in table.index:
        traj, i, dist = _expected("quadratic", name, 1000, t_=25)
        assert table.loc[name, table.columns[1]] == _g(traj.losses[25])
        assert table.loc[name, table.columns[2]] == _g(dist[25])
    # moving the slider: the URL follows, the charts shrink, nothing is recomputed differently
    at.slider(key="optimizers.progress").set_value(0.0).run()
    assert at.query_params["progress"] == "0"
    for frame in _charts(at):
        assert set(frame.loc[frame["kind"] == "path", "step"]) == {0}
    at.slider(key="optimizers.progress").set_value(100.0).run()
    assert "progress" not in at.query_params
    assert _last_step(_charts(at)[0]) == 1000


def test_switching_presets_off_starts_the_controls_from_the_presets():
    at = open_page(PAGE, {"surface": "quadratic"})
    before = _table(at)
    at.toggle(key="optimizers.preset").set_value(False).run()
    assert_healthy(at)
    assert at.select_slider(key="optimizers.lr_sgd").value == "0.95"
    assert at.slider(key="optimizers.momentum_momentum").value == 0.9
    assert at.query_params["lr_sgd"] == "0.95" and at.query_params["preset"] == "false"
    after = _table(at)
    assert after.equals(before)  # same numbers: the controls hold the preset values
    at.select_slider(key="optimizers.lr_sgd").set_value("1.5").run()  # beyond 1: diverges on this valley
    assert "SGD" in warnings_text(at)


@pytest.mark.parametrize("x0", ["0.0001", "-2.5e-05", "1.23456"])
def test_a_start_coordinate_is_shown_as_the_url_holds_it(x0):
    at = open_page(PAGE, {"own_start": "true", "x0": x0, "y0": "1"})
    assert_healthy(at)
    box = at.number_input(key="optimizers.x0")
    assert box.value == float(x0)
    # the box's printf format shows every digit the run starts from (the frontend formats with sprintf.js,
    # whose %g prints the number as JavaScript does: 0.0001, -0.000025, 1.23456)
    assert box.proto.format == "%g"
    assert float(box.proto.format % box.value) == float(x0)


def test_own_start_point_and_its_reset_when_the_surface_changes():
    at = open_page(PAGE, {"surface": "himmelblau"})
    at.toggle(key="optimizers.own_start").set_value(True).run()
    assert_healthy(at)
    assert (at.number_input(key="optimizers.x0").value, at.number_input(key="optimizers.y0").value) == (0.5, -1.0)
    at.number_input(key="optimizers.x0").set_value(-1.0).run()
    at.number_input(key="optimizers.y0").set_value(1.0).run()
    assert at.query_params["x0"] == "-1" and at.query_params["y0"] == "1"
    traj = run_optimizer(OPTIMIZERS["Adam"](**SURFACES["himmelblau"].presets["Adam"]), SURFACES["himmelblau"],
                         start=(-1.0, 1.0), steps=1000)
    assert _table(at).loc["Adam", _table(at).columns[1]] == _g(traj.losses[-1])
    at.selectbox(key="optimizers.surface").set_value("beale").run()
    assert_healthy(at)
    assert at.toggle(key="optimizers.own_start").value is False
    assert "own_start" not in at.query_params


def test_quadratic_parameters_reach_the_core():
    at = open_page(PAGE, {"surface": "quadratic", "kappa": "100", "angle": "30", "opt": "SGD"})
    assert_healthy(at)
    surface = Quadratic(100.0, 30.0)
    traj = run_optimizer(OPTIMIZERS["SGD"](lr=0.95), surface, steps=1000)
    assert _table(at).loc["SGD", _table(at).columns[1]] == _g(traj.losses[-1])


def test_no_optimizer_explains_what_is_missing():
    at = open_page(PAGE)
    at.multiselect(key="optimizers.opt").set_value([]).run()
    assert not at.exception
    assert t("optimizers.no_optimizer", "en") in [i.value for i in at.info]
    assert not at.get("vega_lite_chart") and not at.dataframe and not [c for c in at.code if "import" in c.value]
    # only the race is missing: the controls, the notice, the share link and the questions stay
    assert at.selectbox(key="optimizers.surface").value == "quadratic"
    assert t("optimizers.notice.quadratic", "en") in [m.value for m in at.markdown]
    assert t("share.header", "en") in [e.label for e in at.expander]
    text = "\n".join(m.value for m in at.markdown)
    for q in teaching.questions("optimizers", 42):
        assert t(q.prompt, "en", **q.fields) in text
    at.selectbox(key="optimizers.surface").set_value("saddle").run()  # still a working page
    assert not at.exception and not at.error
    assert t("optimizers.notice.saddle", "en") in [m.value for m in at.markdown]


@pytest.mark.parametrize(("query", "name", "lang"), [
    ({}, "Adam", "en"),  # defaults: Adam is racing, so the snippet runs Adam
    ({"surface": "himmelblau", "opt": "SGD,Momentum", "steps": "500", "seed": "5"}, "SGD", "ja"),
    ({"progress": "3.7"}, "Adam", "en"),  # a revealed step t = 37 < 1,000: the snippet prints the loss there
    ({"progress": "0"}, "Adam", "ja"),  # t = 0: the start
])
def test_code_snippet_prints_the_tables_loss_and_the_questions_render(query, name, lang):
    from estimation import teaching

    at = open_page(PAGE, {**query, "lang": lang})
    assert_healthy(at)
    key = query.get("surface", "quadratic")
    params = {"condition": 20.0, "angle_deg": 0.0} if key == "quadratic" else None
    configs = {n: dict(SURFACES[key].presets[n]) for n in query.get("opt", "SGD,Momentum,AdaGrad,Adam").split(",")}
    steps = int(query.get("steps", 1000))
    t_shown = round(float(query.get("progress", 100)) * steps / 100)
    snippet = teaching.snippet("optimizers", surface=key, optimizers=configs, surface_params=params,
                               steps=steps, step=t_shown)
    assert snippet.code in [c.value for c in at.code]
    assert f"{name}: loss at step t = {t_shown:,}" in snippet.code
    table = _table(at)
    assert _g(snippet.value) == table.loc[name, table.columns[1]]  # the loss the table shows at the revealed step
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(snippet.code, "<snippet>", "exec"), {})
    printed = float(out.getvalue().rsplit("=", 1)[1])
    assert printed == pytest.approx(snippet.value, rel=1e-11)  # .12g: what it prints, too
    seed = int(query.get("seed", 42))
    text = "\n".join(m.value for m in at.markdown)
    for q in teaching.questions("optimizers", seed):
        assert t(q.prompt, lang, **q.fields) in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_quadratic_notice_quotes_the_default_table(lang):
    at = open_page(PAGE, {"lang": lang})  # quadratic, κ = 20, loss gap below 10⁻³
    assert_healthy(at)
    reached = _table(at)[t("optimizers.col.reached", lang, tol="10⁻³")]
    sgd, momentum, adam = (int(reached[name].replace(",", "")) for name in ("SGD", "Momentum", "Adam"))
    assert sgd < momentum < adam  # what the notice says: SGD first at the default κ
    notice = t("optimizers.notice.quadratic", lang)
    assert f"{sgd}、{momentum}、{adam}" in notice if lang == "ja" else f"{sgd}, {momentum}, {adam}" in notice
    assert notice in [m.value for m in at.markdown]


# ---------------------------------------------------------------------------
# Sections: the race at step t is a fragment; its widgets change only its own output
# ---------------------------------------------------------------------------


def test_the_race_section_is_a_fragment():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(PAGE).read_text(encoding="utf-8"))
    sections = {node.name: [ast.unparse(d) for d in node.decorator_list]
                for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    assert sections["race_at_step"] == ["ui.section"]


def _outside_the_race(at):
    """What the page shows outside the race section: controls, notice, rules, questions."""
    return {
        "markdown": [m.value for m in at.markdown],
        "latex": [x.value for x in at.latex if not x.value.startswith(r"\begin{gathered} f(x, y)")],
        "controls": (at.selectbox(key="optimizers.surface").value, at.multiselect(key="optimizers.opt").value,
                     at.select_slider(key="optimizers.steps").value),
        "expanders": [e.label for e in at.expander],
    }


def _inside_the_race(at):
    return [frame.to_dict("list") for frame in _charts(at)], _table(at).to_dict("list"), \
        [h.value for h in at.subheader], [c.value for c in at.caption], [c.value for c in at.code]


@pytest.mark.parametrize(("widget", "key", "value", "url"), [
    ("slider", "optimizers.progress", 12.5, "12.5"),
    ("radio", "optimizers.measure", "distance", "distance"),
    ("select_slider", "optimizers.tol", "1e-06", "1e-06"),
])
def test_a_race_widget_changes_the_race_and_the_url_and_nothing_else(widget, key, value, url):
    at = open_page(PAGE, {"surface": "himmelblau", "opt": ALL})
    outside, inside = _outside_the_race(at), _inside_the_race(at)
    getattr(at, widget)(key=key).set_value(value).run()
    assert_healthy(at)
    assert at.query_params[key.split(".")[1]] == url
    assert _inside_the_race(at) != inside  # the section redrew with the new value
    if key == "optimizers.progress":  # the snippet belongs to the section: it prints the loss at the new t
        assert "loss at step t = 125" in "\n".join(c.value for c in at.code)
    assert _outside_the_race(at) == outside  # the other sections' output is identical


# ---------------------------------------------------------------------------
# Issue 16: the URL is exactly the state (nothing missing, nothing stale)
# ---------------------------------------------------------------------------

_SET = {"toggle": "toggle", "number": "number_input", "select": "selectbox", "multi": "multiselect",
        "slider": "select_slider"}


def _act(at, kind, key, value):
    getattr(at, _SET[kind])(key=f"optimizers.{key}").set_value(value).run()
    assert_healthy(at)


def _view(at):
    """What a run shows that the settings decide: the table, the charts' data, the snippet, the URL."""
    table = _table(at).to_json() if at.dataframe else None  # JSON: NaN (not reached) compares equal to NaN
    return table, [f.to_json() for f in _charts(at)], [c.value for c in at.code], dict(at.query_params)


@pytest.mark.parametrize(("query", "actions", "then", "gone"), [
    # the issue: tuned settings off; adding RMSprop must race it with the same settings in the link
    ({"surface": "rosenbrock"}, [("toggle", "preset", False)],
     ("multi", "opt", ["SGD", "Momentum", "RMSprop", "Adam"]), ()),
    ({"surface": "quadratic", "opt": "Adam"}, [("toggle", "preset", False), ("slider", "lr_adam", "1")],
     ("multi", "opt", ["Nesterov", "RMSprop", "AdaDelta", "Adam"]), ()),
    # the issue: a start belongs to its surface; after a surface change no x0/y0 may stay in the link
    ({"surface": "himmelblau"}, [("toggle", "own_start", True), ("number", "y0", 2.0), ("select", "surface", "beale")],
     ("toggle", "own_start", True), ("own_start", "x0", "y0")),
    # tuned settings back on: the controls' values are no longer the state (switching off loads the presets)
    ({"surface": "rosenbrock", "opt": "SGD,Adam"},
     [("toggle", "preset", False), ("slider", "lr_sgd", "10"), ("toggle", "preset", True)],
     ("toggle", "preset", False), ("preset", "lr_sgd", "lr_rmsprop", "lr_nesterov")),
    # the valley's κ is remembered while another surface is shown, in the session and in the link alike
    ({}, [("slider", "kappa", "100"), ("select", "surface", "rosenbrock")], ("select", "surface", "quadratic"), ()),
])
def test_a_link_is_exactly_the_state(query, actions, then, gone):
    at = open_page(PAGE, query)
    for action in actions:
        _act(at, *action)
    assert not set(gone) & set(at.query_params), dict(at.query_params)
    linked = open_page(PAGE, dict(at.query_params))  # opening the link this session would share
    assert_healthy(linked)
    assert _view(linked) == _view(at)
    for app in (at, linked):  # and the next change gives the same run in both
        _act(app, *then)
    assert _view(linked) == _view(at)


def test_a_setting_that_applies_only_with_another_is_dropped_from_a_link_alone():
    from lab.urlstate import STATE_SPECS
    from tests.params_examples import APPLIES_WITH, valid_example

    specs = {s.name: s for s in open_page(PAGE).session_state[STATE_SPECS]}
    for (page, name), needs in APPLIES_WITH.items():
        if page != "optimizers":
            continue
        value = specs[name].to_url(valid_example(specs[name], page))
        alone = open_page(PAGE, {name: value})
        assert_healthy(alone)
        assert name not in alone.query_params  # stale alone: the start / the tuned settings replace it
        with_it = open_page(PAGE, {**needs, name: value})
        assert with_it.query_params[name] == value


# ---------------------------------------------------------------------------
# Issue 16: "What to notice" says which settings it describes, and what differs now
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_notice_names_the_settings_it_describes(lang):
    at = open_page(PAGE, {"lang": lang})
    assert t("optimizers.notice_settings", lang) in [c.value for c in at.caption]
    assert not [i for i in at.info if t("optimizers.notice_settings", lang) in i.value]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize(("query", "actions", "changes"), [
    # the issue: SGD set to η = 10 diverges while the notes talk about η = 0.95
    ({}, [("toggle", "preset", False), ("slider", "lr_sgd", "10")], [("retuned", {"names": "SGD"})]),
    # a link with tuned settings off races the others at their class defaults: they are named too
    ({"preset": "false", "lr_sgd": "10", "opt": "SGD,Adam"}, [], [("retuned", {"names": "SGD, Adam"})]),
    ({"own_start": "true", "x0": "1", "steps": "500", "kappa": "100", "opt": "Momentum,Adam"}, [],
     [("start", {}), ("steps", {"steps": "500"}), ("valley", {"kappa": "100", "angle": "0"})]),
])
def test_notice_says_when_the_settings_differ(query, actions, changes, lang):
    at = open_page(PAGE, {**query, "lang": lang})
    for action in actions:
        _act(at, *action)
    assert not at.exception
    changed = t("optimizers.differs.sep", lang).join(t(f"optimizers.differs.{c}", lang, **f) for c, f in changes)
    expected = f'{t("optimizers.notice_settings", lang)} {t("optimizers.notice_differs", lang, changed=changed)}'
    assert expected in [i.value for i in at.info]
    assert t("optimizers.notice_settings", lang) not in [c.value for c in at.caption]
    assert t("optimizers.notice.quadratic", lang) in [m.value for m in at.markdown]  # the notes stay, now qualified
