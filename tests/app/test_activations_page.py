"""The Activations page: every activation, all at once, the extremes, the numbers shown."""

import json

import numpy as np
import pytest

from estimation import activations as act
from estimation import depth as dp
from estimation import teaching
from estimation.views import activations as views
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page

PAGE = "pages/07_activations.py"
ALL = tuple(act.ACTIVATIONS)
DEPTH_DEFAULT = ("sigmoid", "tanh", "relu")


def _peak_table(at):
    """The peaks table, indexed by activation name (the page shows each row by its translated name)."""
    return at.dataframe[0].value.set_index("activation")


def _depth_table(at):
    return at.dataframe[-1].value.set_index("row")


def _num(value):
    return f"{value:.4g}"  # how the page's tables show numbers


def _assert_peaks_shown(at, names, lang, params=None):
    table = _peak_table(at)
    assert list(table.index) == list(names)
    curves = views.curves(names, params=params or {})
    expected = []
    for name in names:
        x_star, value = act.derivative_peak(name, **(params or {}).get(name, {}))
        expected.append([_num(value), "—" if x_star is None else _num(x_star), _num(curves.at_zero[name])])
    assert table.values.tolist() == expected


def _assert_depth_shown(at, names, *, n_layers=20, width=64, scale=1.0, seed=42, params=None):
    view = dp.gradient_profiles(names, n_layers, width, init_scale=scale, batch_size=32, seed=seed,
                                 params=params)
    table = _depth_table(at)
    assert list(table.index) == [*names, "bound"]
    expected = [[_num(view.profiles[n].grad_mean_abs[0]), _num(view.per_layer[n])] for n in names]
    assert table.values.tolist() == expected + [[_num(view.bound[0]), _num(scale / 4)]]
    return view


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", ALL)
def test_each_activation_alone(name, lang):
    at = open_page(PAGE, {"act": name, "lang": lang})
    assert_healthy(at)
    assert len(at.get("vega_lite_chart")) == 3  # f, f′, gradient per layer
    a = act.ACTIVATIONS[name]
    latex = [x.value.removeprefix("$$\n").removesuffix("\n$$") for x in at.latex]
    assert rf"\begin{{gathered}}{a.latex_f}\\{a.latex_df}\end{{gathered}}" in latex  # f and f′, one block
    assert t(f"activations.note.{name}", lang) in [c.value for c in at.caption]
    _assert_peaks_shown(at, (name,), lang, {name: a.params})
    depth = tuple(n for n in ALL if n in DEPTH_DEFAULT or n == name)
    _assert_depth_shown(at, depth, params={name: a.params} if a.params else None)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_all_activations_at_once_with_their_parameters(lang):
    at = open_page(PAGE, {"act": ",".join(ALL), "slope": "0.3", "alpha": "2.5", "lang": lang})
    assert_healthy(at)
    params = {"leaky_relu": {"slope": 0.3}, "elu": {"alpha": 2.5}}
    _assert_peaks_shown(at, ALL, lang, params)
    _assert_depth_shown(at, ALL, params=params)
    # ELU with α = 2.5 peaks at its kink, f′(0) = α
    table = _peak_table(at)
    assert table.loc["elu"].tolist() == ["2.5", "0", "2.5"]
    for chart in at.get("vega_lite_chart"):
        assert chart.proto.spec.count('"kind"') <= 5000


@pytest.mark.parametrize("query", [
    {"layers": "1", "width": "1", "scale": "0.1", "xmax": "1"},
    {"layers": "100", "width": "256", "scale": "4.0", "xmax": "20"},
    {"layers": "100", "width": "1", "scale": "0.1", "seed": "5"},
    {"layers": "1", "width": "256", "scale": "4.0", "xmax": "20", "act": "gelu"},
])
def test_extremes_of_depth_width_scale_and_x_range(query):
    at = open_page(PAGE, query)
    assert_healthy(at)
    assert len(at.get("vega_lite_chart")) == 3
    names = tuple(n for n in ALL if n in DEPTH_DEFAULT or n == query.get("act"))
    view = _assert_depth_shown(at, names, n_layers=int(query["layers"]), width=int(query["width"]),
                               scale=float(query["scale"]), seed=int(query.get("seed", 42)))
    assert np.all(np.isfinite(view.bound)) and view.bound[0] > 0
    x_max = float(query.get("xmax", 6.0))
    for chart in at.get("vega_lite_chart")[:2]:  # f and f′ share the x range
        assert json.loads(chart.proto.spec)["layer"][0]["encoding"]["x"]["scale"]["domain"] == [-x_max, x_max]


def test_he_scale_is_reachable_and_labelled():
    at = open_page(PAGE, {"scale": str(2 ** 0.5)})
    assert_healthy(at)
    assert not at.warning
    _assert_depth_shown(at, DEPTH_DEFAULT, scale=2 ** 0.5)
    assert any(r"\sqrt{2}" in x.value for x in at.latex)


def test_dead_relu_chain_is_explained():
    # width 1, seed 0: the single ReLU unit of some layer is inactive, so the gradient is exactly 0
    at = open_page(PAGE, {"width": "1", "seed": "0"})
    assert_healthy(at)
    view = _assert_depth_shown(at, DEPTH_DEFAULT, width=1, seed=0)
    assert view.profiles["relu"].grad_mean_abs[0] == 0.0
    assert t("activations.dead", names="ReLU") in [i.value for i in at.info]


def test_default_view_shows_the_quarter_power_and_the_conventions():
    at = open_page(PAGE)
    assert_healthy(at)
    view = _assert_depth_shown(at, DEPTH_DEFAULT)
    assert view.bound[0] == 0.25**20
    assert any(r"9.095\times10^{-13}" in x.value for x in at.latex)
    assert view.per_layer["sigmoid"] <= 0.25
    slips = t("activations.slips", "en")
    shown = [m.value for m in at.markdown]
    assert slips in shown
    for text in ("1/(1 + e⁻ˣ)", "1/4", "ReLU′(0) = 0", "y − d"):
        assert text in slips
    assert any("y-d" in x.value for x in at.latex)


def test_deselecting_every_activation_keeps_the_depth_view():
    at = open_page(PAGE)
    at.multiselect(key="activations.act").set_value([]).run()
    assert_healthy(at)
    assert t("activations.pick_none", "en") in [i.value for i in at.info]
    assert len(at.get("vega_lite_chart")) == 1
    _assert_depth_shown(at, DEPTH_DEFAULT)


def test_widgets_reach_the_core_and_the_url():
    at = open_page(PAGE)
    at.slider(key="activations.layers").set_value(7).run()
    at.select_slider(key="activations.width").set_value(16).run()
    at.select_slider(key="activations.scale").set_value(0.5).run()
    assert_healthy(at)
    assert at.query_params["layers"] == "7" and at.query_params["width"] == "16"
    assert at.query_params["scale"] == "0.5"
    _assert_depth_shown(at, DEPTH_DEFAULT, n_layers=7, width=16, scale=0.5)


def test_code_snippet_matches_the_number_shown():
    query = {"layers": "30", "width": "32", "scale": "1.25", "seed": "8"}
    at = open_page(PAGE, query)
    assert_healthy(at)
    view = _assert_depth_shown(at, DEPTH_DEFAULT, n_layers=30, width=32, scale=1.25, seed=8)
    snippet = teaching.snippet("activations", n_layers=30, width=32, init_scale=1.25, seed=8)
    assert snippet.value == pytest.approx(view.profiles["sigmoid"].grad_mean_abs[0], rel=1e-15)
    assert snippet.code in [c.value for c in at.code]
    shown = _depth_table(at).iloc[0, 0]  # sigmoid's mean |∂E/∂h₀|, to 4 significant digits
    assert _num(snippet.value) == shown
    assert not [c for c in at.code if "/activations?" in c.value]  # the link is made on request
    at.button(key="_lab_share_make").click().run()
    urls = [c.value for c in at.code if "/activations?" in c.value]
    assert urls and all(f"{k}={v}" in urls[0] for k, v in query.items())


def _section_outputs(at) -> dict:
    """What each section shows: its charts' specs and datasets, its table, its formulas and captions."""
    charts = [c.proto.spec + "".join(d.data.data.hex() for d in c.proto.datasets) for c in at.get("vega_lite_chart")]
    tables = [d.value.to_json() for d in at.dataframe]
    latex = [x.value for x in at.latex]
    return {
        "functions": (charts[:2], tables[0], [x for x in latex if "gathered" in x and "z_l" not in x]),
        "vanishing_gradients": (charts[2], tables[1], [x for x in latex if "z_l" in x or "|w|=s" in x],
                                [c.value for c in at.code]),
    }


@pytest.mark.parametrize(("kind", "key", "value", "url", "changed"), [
    ("slider", "activations.xmax", 12.0, ("xmax", "12"), "functions"),
    ("slider", "activations.layers", 7, ("layers", "7"), "vanishing_gradients"),
    ("select_slider", "activations.width", 16, ("width", "16"), "vanishing_gradients"),
    ("select_slider", "activations.scale", 0.5, ("scale", "0.5"), "vanishing_gradients"),
])
def test_a_section_widget_changes_only_its_section_and_the_url(kind, key, value, url, changed):
    at = open_page(PAGE, {"act": "sigmoid,relu,elu"})
    before = _section_outputs(at)
    getattr(at, kind)(key=key).set_value(value).run()
    assert_healthy(at)
    assert at.query_params[url[0]] == url[1]
    after = _section_outputs(at)
    for section in before:
        assert (after[section] != before[section]) == (section == changed), section


def test_the_sections_are_fragments_called_with_their_dependencies():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(PAGE).read_text(encoding="utf-8"))
    sections = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)
                and any(ast.unparse(d) == "ui.section" for d in f.decorator_list)}
    assert set(sections) == {"functions", "vanishing_gradients"}
    for name, fn in sections.items():
        free = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        params = {a.arg for a in fn.args.args}
        # the page-level choices reach a section only as arguments
        assert not free & {"chosen", "names", "params"} - params, name
    calls = [ast.unparse(n) for n in tree.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    assert {"functions(names, params)", "vanishing_gradients(names, params, ui.seed)"} <= set(calls)
