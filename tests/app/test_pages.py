"""AppTest for every page in pages/ (discovered): defaults, languages, URL parameters."""

from __future__ import annotations

import pytest

from lab.registry import BY_PATH
from lab.shell import GLOBAL_PARAMS, STATE_PAGE, STATE_SPECS, state_key
from lab.strings import t
from tests.app.apptest import assert_healthy, open_page, warnings_text
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
    assert {t(p.title_key, lang) for p in BY_PATH.values()} <= links


@pytest.mark.parametrize("path", PAGES)
def test_every_malformed_parameter_falls_back_with_a_warning(path):
    _, specs = _specs(path)
    rounds = max(len(s.invalid_examples()) for s in specs)
    for i in range(rounds):
        bad = {s.name: s.invalid_examples()[i % len(s.invalid_examples())] for s in specs}
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
        value = spec.valid_example()
        if value is None:
            continue
        at = open_page(path, {spec.name: spec.to_url(value)})
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
