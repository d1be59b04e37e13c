"""The Cross-entropy page: every data source, the identity, optimizers, separation, uploads, divergence."""

import json

import pandas as pd
import pytest

from estimation import datasets, losses, separation, teaching
from estimation.views import cross_entropy as views
from estimation._validation import InputError
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page

PAGE = "pages/06_cross_entropy.py"
DEFAULT_OPTIMIZERS = {"SGD": {"lr": 0.5}, "Momentum": {"lr": 0.1, "momentum": 0.9},
                      "Adam": {"lr": 0.05, "beta1": 0.9, "beta2": 0.999}}


def _text(elements) -> str:
    return "\n".join(e.value for e in elements)


def _training_table(at) -> pd.DataFrame:
    return at.table[1].value  # [0] is the identity table of section 1


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("source", ["synthetic", "iris", "breast_cancer", "upload"])
def test_each_data_source_renders(source, lang):
    at = open_page(PAGE, {"src": source, "lang": lang})
    assert_healthy(at)
    assert len(at.get("vega_lite_chart")) >= 4
    summary = _text(at.caption)
    # (N, ones): iris virginica vs versicolor, 212 malignant of 569; upload without a file: the synthetic data
    n, ones = {"synthetic": (400, 200), "iris": (100, 50), "breast_cancer": (569, 212), "upload": (400, 200)}[source]
    assert t("cross_entropy.data_summary", lang, n=f"{n:,}", ones=f"{ones:,}") in summary
    if source == "upload":
        assert t("cross_entropy.upload_not_in_url", lang) in _text(at.info)
        assert t("cross_entropy.upload_none", lang) in summary


@pytest.mark.parametrize("p, q, flips, seed", [("0.3", "0.6", "20", "42"), ("0.9", "0.05", "10000", "7"),
                                               ("0", "0.99", "5", "1")])
def test_identity_numbers_shown_are_equal_and_match_the_core(p, q, flips, seed):
    at = open_page(PAGE, {"p": p, "q": q, "bn": flips, "seed": seed})
    assert_healthy(at)
    nll, bce = (m.value for m in at.metric[:2])
    ident = losses.bernoulli_identity(float(p), float(q), int(flips), int(seed))
    assert nll == bce == f"{ident.nll_mean:.6f}"
    table = at.table[0].value
    assert table.iloc[:, 0].tolist() == [f"{ident.k:,} / {ident.n:,}", f"{ident.nll_sum:.6f}",
                                         f"{ident.q_hat:.6f}", f"{ident.nll_mean_at_mle:.6f}"]
    assert t("cross_entropy.slip", "en", n=f"{ident.n:,}") in _text(at.markdown)
    assert len(at.latex) >= 2


def test_several_optimizers_match_the_core():
    names = ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "AdaDelta", "Adam"]
    at = open_page(PAGE, {"opt": ",".join(reversed(names)), "batch": "32", "l2": "0.01", "epochs": "50",
                          "lr_rmsprop": "0.01", "rho": "0.95", "seed": "3"})
    assert_healthy(at)
    table = _training_table(at)
    assert table.index.tolist() == names + [t("cross_entropy.reference_row", "en")]  # registry order
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=3)
    hyper = {"SGD": {"lr": 0.5}, "Momentum": {"lr": 0.1, "momentum": 0.9}, "Nesterov": {"lr": 0.1, "momentum": 0.9},
             "AdaGrad": {"lr": 0.5}, "RMSprop": {"lr": 0.01, "decay_rate": 0.95}, "AdaDelta": {"lr": 1, "rho": 0.95},
             "Adam": {"lr": 0.05, "beta1": 0.9, "beta2": 0.999}}
    res = views.compare_optimizers(X, y, hyper, epochs=50, batch_size=32, l2=0.01, seed=3)
    nll_col = t("cross_entropy.col.nll", "en")
    assert table[nll_col].tolist() == [f"{r['nll']:.6f}" for r in res.summary()]
    gap_col = t("cross_entropy.col.gap", "en")
    assert table[gap_col].tolist() == [f"{r['gap']:.2e}" for r in res.summary()]
    assert len(at.get("vega_lite_chart")) == 4 and not at.error


def test_default_view_is_the_mle_with_overlapping_classes():
    at = open_page(PAGE)
    assert_healthy(at)
    assert t("cross_entropy.mle_exists", "en") in _text(at.success)
    table = _training_table(at)
    assert all(float(g) < 1e-3 for g in table[t("cross_entropy.col.gap", "en")])  # every optimizer reaches the MLE
    assert len(at.get("vega_lite_chart")) == 4


@pytest.mark.parametrize("query", [{"sep": "8"}, {"sep": "8", "dim": "1", "l2": "0.1", "logy": "true"},
                                   {"src": "iris", "iris_pos": "setosa", "iris_neg": "rest", "iris_x": "petal_length"}])
def test_separable_data_shows_the_explanation_and_the_l2_contrast(query):
    at = open_page(PAGE, query)
    assert_healthy(at)
    assert t("cross_entropy.mle_missing", "en") in _text(at.info)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 5
    norm = json.loads(charts[-1].proto.spec)
    assert norm["layer"][0]["encoding"]["color"]["scale"]["domain"] == ["λ = 0", "λ = 0.1"]


def test_divergence_names_the_optimizer_and_epoch():
    at = open_page(PAGE, {"lr_adam": "10000", "lr_sgd": "10000", "seed": "5"})
    assert not at.exception
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=5)
    res = views.compare_optimizers(
        X, y, {**DEFAULT_OPTIMIZERS, "SGD": {"lr": 10000}, "Adam": {"lr": 10000, "beta1": 0.9, "beta2": 0.999}},
        epochs=100, seed=5)
    errors = _text(at.error)
    for name in ("SGD", "Adam"):
        assert res.fits[name].diverged
        assert t("cross_entropy.diverged", "en", name=name, epoch=res.fits[name].diverged_epoch) in errors
    assert "Momentum" not in errors
    status = _training_table(at)[t("cross_entropy.col.status", "en")]
    assert status["Adam"] == t("cross_entropy.status_diverged", "en", epoch=res.fits["Adam"].diverged_epoch)
    assert len(at.get("vega_lite_chart")) == 4
    for chart in at.get("vega_lite_chart"):
        assert "NaN" not in chart.proto.spec


def test_bad_csv_upload_shows_the_problem_and_keeps_the_page(upload):
    upload(b"\x00\x01binary")
    at = open_page(PAGE, {"src": "upload"})
    assert not at.exception
    errors = _text(at.error)
    assert t("cross_entropy.upload_error", "en", message="").split(":")[0] in errors and "NUL bytes" in errors
    assert len(at.get("vega_lite_chart")) >= 4  # synthetic data stand in


def _upload_error(raw):
    """The core's complaint about ``raw``, through the page's pipeline (parse, guess columns, classes, select)."""
    with pytest.raises(InputError) as err:
        found = views.upload_columns(raw)
        values = views.upload_classes(raw, found.label)
        views.uploaded_data(raw, found.label, found.default_features(found.label),
                            positive=values[-1] if len(values) > 2 else None)
    return err.value


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("raw, key", [
    (b"", "file_empty"),
    (b"abc\n1\n", "file_one_column"),
    ("x,label\n1,a\n2,a\n".encode(), "label_one_class"),
    (b"x,label\nfoo,a\nbar,b\n", "no_numeric_feature"),  # text columns are not offered as features
    ("x,label\n0,5,a\n1,b\n".encode(), "file_ragged"),  # an unquoted decimal comma in a comma file
])
def test_each_upload_problem_is_named_in_the_pages_language(upload, raw, key, lang):
    err = _upload_error(raw)
    assert err.key == key
    upload(raw)
    at = open_page(PAGE, {"src": "upload", "lang": lang})
    assert not at.exception
    message = t(f"error.{key}", lang, **err.fields)
    assert [e.value for e in at.error] == [t("cross_entropy.upload_error", lang, message=message)]
    assert all(v in message for v in err.fields.values())  # the column, value or count is named
    assert len(at.get("vega_lite_chart")) >= 4


def test_good_csv_upload_trains_on_the_picked_columns(upload):
    table = datasets.load_dataset("iris")[["sepal_length", "petal_width", "species"]]
    upload(table.to_csv(index=False).encode("utf-8"))
    at = open_page(PAGE, {"src": "upload"})
    assert_healthy(at)
    # suggested: label = species, features = the two numeric columns, positive = the last class
    picks = {box.label: box.value for box in at.main.selectbox}
    assert picks[t("cross_entropy.label_col", "en")] == "species"
    assert picks[t("cross_entropy.positive", "en")] == "virginica"
    assert at.main.multiselect[0].value == ["sepal_length", "petal_width"]
    assert t("cross_entropy.data_summary", "en", n="150", ones="50") in _text(at.caption)
    data = datasets.select_xy(table, "species", ["sepal_length", "petal_width"], positive="virginica")
    res = views.compare_optimizers(data.X, data.y, DEFAULT_OPTIMIZERS, epochs=100, seed=42)
    nll_col = t("cross_entropy.col.nll", "en")
    assert _training_table(at)[nll_col].tolist() == [f"{r['nll']:.6f}" for r in res.summary()]


def test_too_much_training_is_refused_without_a_traceback():
    at = open_page(PAGE, {"opt": "SGD,Momentum,Nesterov,AdaGrad,RMSprop,AdaDelta,Adam", "n": "5000",
                          "batch": "8", "epochs": "1000"})
    assert not at.exception
    assert "too much training" in _text(at.error)
    _rest_of_page_is_shown(at)  # the refusal ends the training section, not the page (as in a section-only rerun)
    assert t("cross_entropy.view_header", "en") not in [h.value for h in at.header]


def _rest_of_page_is_shown(at):
    """The notice, the code snippet, the share box and the exercises come after the training sections."""
    assert t("cross_entropy.notice", "en") in _text(at.markdown)
    assert at.code and t("ex.header", "en") in [h.value for h in at.header]
    assert [e.label for e in at.get("expander")][:2] == [t("code.header", "en"), t("share.header", "en")]


def test_empty_selections_ask_for_a_choice_and_keep_the_rest_of_the_page():
    at = open_page(PAGE)
    at.multiselect(key="cross_entropy.opt").set_value([]).run()
    assert_healthy(at)
    assert t("cross_entropy.pick_optimizer", "en") in _text(at.info)
    assert len(at.get("vega_lite_chart")) == 1  # section 1 only: nothing was trained
    assert not at.table[1:] and t("cross_entropy.view_header", "en") not in [h.value for h in at.header]
    _rest_of_page_is_shown(at)
    at = open_page(PAGE, {"src": "iris"})
    at.multiselect(key="cross_entropy.iris_x").set_value([]).run()
    assert_healthy(at)
    assert t("cross_entropy.pick_feature", "en") in _text(at.info)
    assert len(at.get("vega_lite_chart")) == 1
    assert at.multiselect(key="cross_entropy.opt").value == ["SGD", "Momentum", "Adam"]  # controls stay
    _rest_of_page_is_shown(at)


def test_a_failing_dataset_load_is_shown_not_raised(monkeypatch):
    def broken(name):
        raise ValueError(f"name: the bundled file for {name!r} is unreadable")

    monkeypatch.setattr(datasets, "load_dataset", broken)
    at = open_page(PAGE, {"src": "iris"})
    assert not at.exception
    assert "unreadable" in _text(at.error)


def test_learning_rate_defaults_come_from_the_core():
    at = open_page(PAGE, {"opt": "SGD,Momentum,Nesterov,AdaGrad,RMSprop,AdaDelta,Adam"})
    assert_healthy(at)
    for name, lr in views.LEARNING_RATES.items():
        assert at.select_slider(key=f"cross_entropy.lr_{name.lower()}").value == lr
        assert f"lr_{name.lower()}" not in at.query_params  # the default: kept out of the URL


def test_separable_formula_counts_the_penalty_once():
    at = open_page(PAGE, {"sep": "8"})
    assert_healthy(at)
    formulas = [x.value for x in at.latex]
    train = next(f for f in formulas if r"\nabla_{w}J_\lambda" in f)
    assert r"J_\lambda(w,b) = J_0(w,b)+\frac{\lambda}{2}" in train
    separable = next(f for f in formulas if r"\inf J_0" in f)
    assert r"J_\lambda(w,b)\xrightarrow" in separable and r"0<\textstyle\sum_i y_i<N" in separable
    assert r"J(w,b)+\tfrac{\lambda}{2}" not in separable and r"0=\inf J " not in separable
    assert r"\text{" not in separable  # language-neutral; the words are in the caption below it
    assert any(c.value == t("cross_entropy.separable_latex_note") for c in at.caption)


@pytest.mark.parametrize("query", [
    {"n": "20", "sep": "0", "dim": "1", "batch": "8", "epochs": "10"},
    {"n": "5000", "sep": "8", "epochs": "1000", "opt": "Adam"},
    {"src": "breast_cancer", "bc_x": "area", "lr_sgd": "0.0001", "l2": "1"},
    {"src": "iris", "iris_pos": "virginica", "iris_neg": "setosa", "iris_x": "sepal_width,petal_width"},
])
def test_extremes_render(query):
    at = open_page(PAGE, query)
    assert_healthy(at)
    assert len(at.get("vega_lite_chart")) >= 4


def test_same_class_twice_is_an_error_not_a_traceback():
    at = open_page(PAGE, {"src": "iris", "iris_pos": "setosa", "iris_neg": "setosa"})
    assert not at.exception
    assert "different" in _text(at.error)


def test_upload_column_pickers_can_be_changed(upload):
    table = pd.DataFrame({"a": [0.1, 0.5, 0.2, 0.9, 0.4, 0.8], "b": [1, 2, 3, 4, 5, 6], "y": [0, 0, 0, 1, 1, 1]})
    upload(table.to_csv(index=False).encode("utf-8"))
    at = open_page(PAGE, {"src": "upload"})
    assert_healthy(at)
    label_box = next(box for box in at.main.selectbox if box.label == t("cross_entropy.label_col", "en"))
    assert label_box.value == "y"
    label_box.set_value("b").run()  # six distinct values: a positive class must be picked (the largest)
    assert not at.exception
    picks = {box.label: box.value for box in at.main.selectbox}
    assert picks[t("cross_entropy.positive", "en")] == 6
    assert t("cross_entropy.data_summary", "en", n="6", ones="1") in _text(at.caption)
    at.main.multiselect[0].set_value([]).run()  # no feature: the core's message, synthetic data instead
    assert not at.exception and "feature_cols" in _text(at.error)


@pytest.mark.parametrize("p, q, flips, seed", [("0.3", "0.6", "20", "42"), ("0.9", "0.05", "10000", "7"),
                                               ("0", "0.99", "5", "1")])
def test_code_snippet_prints_the_mean_bce_shown(p, q, flips, seed):
    at = open_page(PAGE, {"p": p, "q": q, "bn": flips, "seed": seed})
    assert_healthy(at)
    snippet = teaching.snippet("cross_entropy", p=float(p), q=float(q), n=int(flips), seed=int(seed))
    assert snippet.code in [c.value for c in at.code]
    nll, bce = (m.value for m in at.metric[:2])
    assert nll == bce == f"{snippet.value:.6f}"


def test_questions_render_in_japanese_and_the_separable_data_have_no_mle():
    at = open_page(PAGE, {"lang": "ja", "seed": "3"})
    assert_healthy(at)
    shown = "\n".join(m.value for m in at.markdown)
    for q in teaching.questions("cross_entropy", 3):
        assert t(q.prompt, "ja", **q.fields) in shown
    for seed in range(25):  # the "why no MLE?" data are separable, as the question says
        q = next(q for q in teaching.questions("cross_entropy", seed) if q.prompt == "ex.cross_entropy.separable")
        x0, x1 = ([float(v) for v in q.fields[f].split(", ")] for f in ("x0", "x1"))
        assert not separation.mle_exists(x0 + x1, [0] * len(x0) + [1] * len(x1))


# ---------------------------------------------------------------------------
# Sections: each is a fragment; changing one section's widget leaves the others' output as it was
# ---------------------------------------------------------------------------

SECTIONS = ("identity", "training", "model_and_landscape", "separable")


def test_each_section_is_a_ui_section_taking_the_data_it_depends_on():
    import ast
    from pathlib import Path

    from tests.conftest import ROOT

    tree = ast.parse(Path(ROOT / PAGE).read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    for name in SECTIONS:
        assert [ast.unparse(d) for d in functions[name].decorator_list] == ["ui.section"], name
    # the page-level data choice is an explicit argument of every section that trains on it
    for name in SECTIONS[1:]:
        assert [a.arg for a in functions[name].args.args][0] == "data", name
    # and no section reads the page's data-choice variables behind its parameters' back
    page_level = {"source", "data", "features", "positive", "negative", "spec", "feature_col", "pos_col", "neg_col",
                  "n_col", "sep_col", "dim_col"}
    for name in SECTIONS:
        params = {a.arg for a in functions[name].args.args}
        read = {n.id for n in ast.walk(functions[name]) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        assert not (read - params) & page_level, (name, (read - params) & page_level)


def _outputs(at) -> dict:
    """What each section shows: section 1 (identity) and sections 3–5 (on the data)."""
    charts = [c.proto.spec for c in at.get("vega_lite_chart")]
    captions = [c.value for c in at.caption]
    return {
        "identity": (charts[0], at.table[0].value.to_dict(), [m.value for m in at.metric[:2]], captions[0]),
        "trained": (charts[1:], at.table[1].value.to_dict(), captions[1:], [x.value for x in at.latex[1:]]),
    }


def test_changing_the_identity_section_leaves_the_trained_sections_as_they_were():
    at = open_page(PAGE, {"sep": "8"})  # separable: all four sections draw
    before = _outputs(at)
    at.slider(key="cross_entropy.q").set_value(0.8).run()
    assert_healthy(at)
    assert at.query_params["q"] == "0.8"
    after = _outputs(at)
    assert after["identity"] != before["identity"]
    assert after["trained"] == before["trained"]


@pytest.mark.parametrize("key, value, param", [("cross_entropy.epochs", 200, "epochs"), ("cross_entropy.l2", 0.1, "l2")])
def test_changing_the_training_section_leaves_the_identity_as_it_was(key, value, param):
    at = open_page(PAGE, {"sep": "8"})
    before = _outputs(at)
    at.select_slider(key=key).set_value(value).run()
    assert_healthy(at)
    assert at.query_params[param] == str(value)
    after = _outputs(at)
    assert after["trained"] != before["trained"]  # training, the landscape and the ‖w‖ runs follow it
    assert after["identity"] == before["identity"]


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("query, advice", [
    ({}, "synthetic"),
    ({"src": "upload"}, "upload"),  # the synthetic stand-in: no distance slider is shown, so none is advised
    ({"src": "breast_cancer"}, "breast_cancer"),
    ({"src": "iris"}, "iris"),
    ({"src": "iris", "iris_pos": "setosa", "iris_x": "sepal_length"}, "iris_setosa"),
])
def test_the_separation_advice_follows_the_data_in_use(query, advice, lang):
    """Issue 16: section 5 advised raising the class distance or choosing iris while an upload was in use."""
    at = open_page(PAGE, {**query, "lang": lang})
    assert not at.exception
    shown = _text(at.success)
    assert shown == f"{t('cross_entropy.mle_exists', lang)} {t(f'cross_entropy.try_separation.{advice}', lang)}"
    if advice != "synthetic":  # the distance slider is not on the page: the advice does not name it
        assert t("cross_entropy.try_separation.synthetic", lang) not in shown


# Issue 16, uploads: an ID column as the label, text columns that vanished, semicolons with decimal commas.
def _labelled(at, label: str, lang: str = "en"):
    return next(box for box in at.main.selectbox if box.label == t(label, lang))


def _ids_table(rows: int = 60) -> pd.DataFrame:
    return pd.DataFrame({"id": [f"item{i}" for i in range(rows)], "x": [0.1 * (i % 13) for i in range(rows)],
                         "y": [i % 2 for i in range(rows)]})


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_id_column_cannot_be_the_label(upload, lang):
    upload(_ids_table().to_csv(index=False).encode())
    at = open_page(PAGE, {"src": "upload", "lang": lang})
    assert_healthy(at)
    assert _labelled(at, "cross_entropy.label_col", lang).value == "y"
    _labelled(at, "cross_entropy.label_col", lang).set_value("id").run()
    assert not at.exception
    message = t("error.label_is_id", lang, col="'id'", count="60", rows="60", limit=str(datasets.MAX_CLASSES))
    assert [e.value for e in at.error] == [t("cross_entropy.upload_error", lang, message=message)]
    # no positive class is offered from the ids ("Positive class = item9 … 1 of them with y = 1" before)
    assert t("cross_entropy.positive", lang) not in [box.label for box in at.main.selectbox]
    assert t("cross_entropy.data_summary", lang, n="400", ones="200") in _text(at.caption)  # the stand-in


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_text_columns_left_out_of_the_features_are_named(upload, lang):
    table = pd.DataFrame({"id": ["a1", "a2", "a3", "a4"], "h": [1.0, 2.0, 3.0, 4.5], "city": ["Tokyo", "Osaka", "Tokyo", "Kyoto"],
                          "w": [3, 1, 4, 1], "y": [0, 1, 0, 1]})
    upload(table.to_csv(index=False).encode())
    at = open_page(PAGE, {"src": "upload", "lang": lang})
    assert_healthy(at)
    assert at.main.multiselect[0].options == ["h", "w"] and at.main.multiselect[0].value == ["h", "w"]
    columns = t("upload.list_sep", lang).join([t("upload.text_column", lang, col="id", value="'a1'", row=0),
                                              t("upload.text_column", lang, col="city", value="'Tokyo'", row=0)])
    assert t("upload.text_left_out", lang, columns=columns) in _text(at.caption)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_semicolon_file_with_decimal_commas_trains_on_its_numbers(upload, lang, tmp_path):
    iris = datasets.load_dataset("iris")[["sepal_length", "petal_width", "species"]]
    path = tmp_path / "iris_de.csv"
    iris.to_csv(path, sep=";", decimal=",", index=False)  # as Excel writes it in a German or French locale
    assert b"5,1;0,2;setosa" in path.read_bytes()
    upload(path.read_bytes())
    at = open_page(PAGE, {"src": "upload", "lang": lang})
    assert_healthy(at)
    assert t("upload.read_as", lang, sep="“;”", decimal="“,”") in _text(at.caption)
    assert at.main.multiselect[0].value == ["sepal_length", "petal_width"]
    assert t("cross_entropy.data_summary", lang, n="150", ones="50") in _text(at.caption)
    data = datasets.select_xy(iris, "species", ["sepal_length", "petal_width"], positive="virginica")
    res = views.compare_optimizers(data.X, data.y, DEFAULT_OPTIMIZERS, epochs=100, seed=42)
    nll_col = t("cross_entropy.col.nll", lang)
    assert _training_table(at)[nll_col].tolist() == [f"{r['nll']:.6f}" for r in res.summary()]
