"""AppTest for every page in pages/ (discovered): defaults, languages, URL parameters."""

from __future__ import annotations

import pytest

from lab.nav import nav_key
from lab.urlstate import GLOBAL_PARAMS, STATE_PAGE, STATE_SPECS, state_key
from lab.strings import t
from tests.params_examples import applies_with, invalid_examples, valid_example
from tests.app.apptest import BY_PATH, assert_healthy, open_page, warnings_text
from tests.conftest import page_scripts

PAGES = page_scripts()


def _specs(path):
    at = open_page(path)
    return at, (*GLOBAL_PARAMS, *at.session_state[STATE_SPECS])


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_defaults_in_both_languages(path, lang):
    at = open_page(path, {"lang": lang} if lang != "en" else None)
    assert_healthy(at)
    page = BY_PATH[path]
    assert at.session_state[STATE_PAGE] == page.id  # the page called the shell
    assert [x.value for x in at.title] == [t(page.title_key, lang)]
    assert not at.warning, warnings_text(at)
    if page.id != "home":
        assert len(at.get("vega_lite_chart")) >= 1
    # the translated navigation lists every registered page
    links = {link.proto.label for link in at.sidebar.get("page_link")}
    assert {t(nav_key(p), lang) for p in BY_PATH.values()} <= links


@pytest.mark.parametrize("path", PAGES)
def test_every_malformed_parameter_falls_back_with_a_warning(path):
    _, specs = _specs(path)
    rounds = max(len(invalid_examples(s)) for s in specs)
    for i in range(rounds):
        bad = {s.name: invalid_examples(s)[i % len(invalid_examples(s))] for s in specs}
        at = open_page(path, bad)
        assert not at.exception, (bad, [e.value for e in at.exception])
        text = warnings_text(at)
        page_id = at.session_state[STATE_PAGE]
        for spec in specs:
            assert f"`{spec.name}`" in text, (spec.name, bad[spec.name][:50])
            value = at.session_state[state_key(page_id, spec)]
            default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
            assert value == default, (spec.name, value)
        assert all(s.name not in at.query_params for s in specs if s.name != "lang")


@pytest.mark.parametrize("path", PAGES)
def test_each_valid_parameter_is_restored_from_the_url(path):
    _, specs = _specs(path)
    for spec in specs:
        value = valid_example(spec, BY_PATH[path].id)
        if value is None:
            continue
        at = open_page(path, {**applies_with(spec, BY_PATH[path].id), spec.name: spec.to_url(value)})
        assert not at.exception, (spec.name, [e.value for e in at.exception])
        assert not at.warning, (spec.name, warnings_text(at))
        assert at.session_state[state_key(at.session_state[STATE_PAGE], spec)] == value
        assert at.query_params[spec.name] == spec.to_url(value)


@pytest.mark.parametrize("path", PAGES)
def test_unknown_and_repeated_parameters_are_named(path):
    at = open_page(path, {"zzz": "1", "seed": ["1", "2"]})
    assert_healthy(at)
    text = warnings_text(at)
    assert "`zzz`" in text and "`seed`" in text
    assert at.session_state["seed"] == 42 and "zzz" not in at.query_params


@pytest.mark.parametrize("path", PAGES)
def test_changing_a_widget_updates_the_url(path):
    at = open_page(path)
    at.number_input(key="seed").set_value(1234).run()
    assert at.query_params["seed"] == "1234"
    at.selectbox(key="lang").set_value("ja").run()
    assert at.query_params["lang"] == "ja"
    assert_healthy(at)
    at.number_input(key="seed").set_value(42).run()  # back to the default: dropped
    assert "seed" not in at.query_params


def test_new_seed_button_changes_the_seed():
    at = open_page("pages/01_sampling.py")
    at.button(key="_lab_new_seed").click().run()
    assert_healthy(at)
    assert at.query_params.get("seed") == str(at.session_state["seed"])


@pytest.mark.parametrize("path", [p for p in PAGES if p != "streamlit_app.py"])
def test_first_exercise_takes_a_right_and_a_wrong_answer(path):
    from estimation import teaching

    page_id = BY_PATH[path].id
    questions = teaching.questions(page_id, 42)
    if not questions:
        pytest.skip(f"{page_id} has no exercises yet")
    q = questions[0]
    at = open_page(path)
    wrong = (int(q.answer) + 1) % len(q.choices) if q.is_choice else q.answer * 3 + 7
    for response, box, right in ((q.answer, "success", 1), (wrong, "error", 0)):
        widget = at.radio(key="_lab_ex_in_42.1") if q.is_choice else at.text_input(key="_lab_ex_in_42.1")
        widget.set_value(int(response) if q.is_choice else f"{response:.3g}")  # students round to 3 figures
        at.button(key="_lab_ex_check_42.1").click().run()
        assert not at.exception
        assert len(getattr(at, box)) >= 1, (box, response)
        assert len(at.latex) >= len(q.solution)  # the worked solution appears
        # the session score counts each question's latest answer
        assert t("ex.score", right=right, answered=1) in [c.value for c in at.caption]


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def test_typed_answers_are_read_in_the_pages_language():
    from estimation import teaching

    q = teaching.questions("sampling", 42)[0]
    assert not q.is_choice and q.tolerance is None
    at = open_page("pages/01_sampling.py", {"lang": "ja"})
    assert t("ex.tolerance", "ja", figures=teaching.MIN_SIG_FIGS) in [c.value for c in at.caption]
    for typed, key in (("1e400", "error.answer_not_finite"), ("abc", "error.answer_not_number")):
        at.text_input(key="_lab_ex_in_42.1").set_value(typed)
        at.button(key="_lab_ex_check_42.1").click().run()
        assert_healthy(at)
        assert t(key, "ja", text=typed) in [w.value for w in at.warning]
        assert not at.success and not at.error  # no verdict for what could not be read
    at.text_input(key="_lab_ex_in_42.1").set_value(f"{q.answer:.3g}")
    at.button(key="_lab_ex_check_42.1").click().run()
    assert [s.value for s in at.success] == [t("ex.right", "ja")]


@pytest.mark.parametrize("path", [p for p in PAGES if p != "streamlit_app.py"])
def test_every_chart_is_titled_labelled_and_legible(path):
    """Accessibility: a chart title, x and y axis titles, text of at least 12 px."""
    import json

    at = open_page(path)
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        assert spec.get("title"), "every chart has a title"
        encodings = [n["encoding"] for n in _walk(spec) if isinstance(n.get("encoding"), dict)]
        for channel in ("x", "y"):
            titles = [e[channel].get("title") for e in encodings if isinstance(e.get(channel), dict)]
            assert any(titles), (spec.get("title"), channel)
        axis = spec.get("config", {}).get("axis", {})
        assert axis.get("labelFontSize", 0) >= 12 and axis.get("titleFontSize", 0) >= 12
