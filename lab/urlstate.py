"""The URL is the state: parameters read from ``st.query_params`` into session state, and back.

Every widget's value lives in session state under :func:`state_key`; on a
page's first run in a session (or when a widget re-appears) it is loaded from
the URL, validated by its spec (:mod:`lab.params`), and after each widget the
value is written back to the URL, left out when it equals the default.
"""

from __future__ import annotations

import secrets
from typing import Any, Sequence

import streamlit as st

from lab import params as P
from lab.strings import LANGUAGES

LANG = P.ChoiceParam("lang", "en", LANGUAGES)
SEED = P.IntParam("seed", 42, lo=0, hi=2**32 - 1)
#: Presenter mode: projector-sized text, no exercises, code or export boxes, the view's QR code beside the title.
PRESENT = P.BoolParam("present", False)
GLOBAL_PARAMS = (LANG, SEED, PRESENT)

#: Query parameters Streamlit itself understands; never reported as unknown.
RESERVED = frozenset({"embed", "embed_options"})

#: Session-state key under which the current page's id and specs are kept
#: (read by the tests and by export features).
STATE_PAGE = "_lab_page"
STATE_SPECS = "_lab_specs"
#: Session-state key of the query this session last wrote (see :func:`url_moved`).
STATE_URL = "_lab_url"


def browser_language() -> str:
    """The lab's language for the reader's browser (``st.context.locale``): Japanese for ``ja``, else English."""
    locale = st.context.locale or ""
    return "ja" if locale.lower().split("-")[0] == "ja" else LANG.default


def default_of(spec: P.Param) -> Any:
    """A parameter's value when the URL does not give one: the browser's language for ``lang``, else the spec's."""
    default = browser_language() if spec is LANG else spec.default
    return list(default) if isinstance(default, (list, tuple)) else default


def state_key(page_id: str, spec: P.Param) -> str:
    """Session-state key of a parameter: global ones are shared by all pages."""
    return spec.name if spec in GLOBAL_PARAMS else f"{page_id}.{spec.name}"


def sync_from_url(page_id: str, specs: Sequence[P.Param], *, reload: bool = False) -> list[P.Rejected]:
    """Load parameters from the URL (or defaults) into session state.

    Only parameters missing from session state are loaded, unless ``reload``:
    on arrival from another page Streamlit drops the old page's widget values
    (even for the same key), so everything is read again from the URL, which
    the navigation links fill with the language and seed.
    """
    rejected: list[P.Rejected] = []
    known = {s.name for s in specs} | RESERVED
    for name in list(st.query_params.keys()):
        if name not in known:
            rejected.append(P.Rejected(name))
            del st.query_params[name]
    for spec in specs:
        key = state_key(page_id, spec)
        if key in st.session_state and not reload:
            continue
        values = st.query_params.get_all(spec.name)
        value = default_of(spec)
        if values:
            try:
                value = P.parse_raw(spec, values)
            except P.ParamError as err:
                rejected.append(P.Rejected(spec.name, err.reason, err.fields, spec.to_url(value)))
                del st.query_params[spec.name]
        st.session_state[key] = list(value) if isinstance(value, (list, tuple)) else value
    return rejected


def sync_to_url(spec: P.Param, value: Any) -> None:
    """Mirror a widget's value in the URL; the default (for ``lang``: the browser's language) is left out."""
    default = default_of(spec)
    current = st.query_params.get_all(spec.name)
    if value == default:
        if current:
            del st.query_params[spec.name]
    else:
        text = spec.to_url(value)
        if current != [text]:
            st.query_params[spec.name] = text
    remember_url()


def remember_url() -> None:
    """Note the query as this session wrote it, so that a query it did not write can be told apart."""
    st.session_state[STATE_URL] = _query()


def url_moved() -> bool:
    """True when the URL holds a query this session did not write: the browser's Back or Forward.

    Every settings change adds a history entry; going back to one reruns the
    page with that entry's query while session state still holds the latest
    settings. The entry's query must then win (each entry restores its own
    view), or the latest settings would be written over it.
    """
    last = st.session_state.get(STATE_URL)
    return last is not None and last != _query()


def _query() -> dict[str, list[str]]:
    return {name: st.query_params.get_all(name) for name in st.query_params.keys()}


def view_query(*, lang: str) -> dict[str, str]:
    """The query of this view for someone else: every setting now in the URL, the language always, never ``present``."""
    query = {k: v for k, v in st.query_params.to_dict().items() if k not in (LANG.name, PRESENT.name)}
    return {LANG.name: lang, **query}


def new_seed() -> None:
    """Button callback: a fresh seed (not a data draw: it only picks which reproducible stream comes next)."""
    st.session_state[SEED.name] = secrets.randbelow(1_000_000)
