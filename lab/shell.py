"""The shell every page calls first: page config, sidebar, URL state.

Usage in a page script::

    from lab.shell import page_shell
    from lab.params import IntParam

    N = IntParam("n", 100, lo=1, hi=1000)
    ui = page_shell("sampling", [N])
    n = ui.slider(N, ui.t("sampling.n"))

``page_shell`` sets the page config, validates the URL (warning about every
parameter it had to ignore), draws the translated sidebar navigation, the
language selector, the seed and the share hint, and returns a :class:`Shell`
whose widget methods keep each parameter in sync with the URL.
"""

from __future__ import annotations

import functools
import gc
import importlib
import json
import pkgutil
import re
import secrets
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence, TypeVar

import streamlit as st
from altair.utils.schemapi import debug_mode
from threadpoolctl import threadpool_limits

import estimation
from estimation import teaching
from estimation._validation import InputError
from estimation.charts import export
from lab import params as P
from lab.fingerprint import fingerprint
from lab.registry import BY_ID, PAGES, SECTIONS, PageInfo
from lab.strings import LANGUAGE_NAMES, LANGUAGES, STRINGS, t

T = TypeVar("T")

# One BLAS thread: the lab's matrices are small, where OpenBLAS's thread
# start-up costs more than it saves (an L-BFGS fit: 144 ms → 1 ms), and a
# server shared by a class is better served by one core per session.
threadpool_limits(limits=1, user_api="blas")


def _freeze_startup_heap() -> None:
    """Load every core module, then move all objects alive now out of the collector's way.

    Streamlit runs ``gc.collect(2)`` after every script run
    (``runner.postScriptGC``). With numpy, scipy, pandas, altair and Streamlit
    loaded, that full collection walks ~165,000 objects: ~110 ms per rerun on a
    2-core machine, more than most pages' own work. :func:`gc.freeze` moves the
    objects alive at start-up (modules, classes, functions: they live as long
    as the process) to a permanent generation that collections skip; objects
    made by page runs are still collected after every run. The core modules
    are imported first (~1 s, once per process) so that their imports are
    frozen too instead of being walked on every rerun.
    """
    for module in pkgutil.walk_packages(estimation.__path__, f"{estimation.__name__}."):
        importlib.import_module(module.name)
    gc.freeze()


_freeze_startup_heap()

LANG = P.ChoiceParam("lang", "en", LANGUAGES)
SEED = P.IntParam("seed", 42, lo=0, hi=2**32 - 1)
GLOBAL_PARAMS = (LANG, SEED)

#: Query parameters Streamlit itself understands; never reported as unknown.
RESERVED = frozenset({"embed", "embed_options"})

#: Session-state key under which the current page's id and specs are kept
#: (read by the tests and by export features).
STATE_PAGE = "_lab_page"
STATE_SPECS = "_lab_specs"

#: Bound on every cache: entries per cached function.
CACHE_ENTRIES = 32


@functools.cache
def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """``st.cache_data`` with the lab's bounds (keyed on the arguments).

    The wrapper is made once per function (pages call ``cached(fn)`` on every
    rerun; building a new wrapper each time costs ~1.5 ms).
    """
    return st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)(fn)


@st.cache_resource(max_entries=4 * CACHE_ENTRIES, show_spinner=False)
def _vega_spec(key: str, _builder: Callable[..., Any], _args: tuple, _kwargs: dict) -> dict:
    """Build a chart and serialise it once per distinct input (altair is slow).

    ``key`` is the builder's qualified name and the :func:`fingerprint` of its
    arguments. The spec is shared, never copied, so it must not be changed
    (Streamlit and :mod:`~estimation.charts.export` only read it). Its
    datasets are stored Arrow-encoded, the form Streamlit sends, so a rerun
    does not convert them again.
    """
    # Builders are validated against the Vega-Lite schema in their unit tests;
    # here altair's per-object checks (a third of the build time) are skipped.
    with debug_mode(False):
        return export.to_spec(_builder(*_args, **_kwargs))


def state_key(page_id: str, spec: P.Param) -> str:
    """Session-state key of a parameter: global ones are shared by all pages."""
    return spec.name if spec in GLOBAL_PARAMS else f"{page_id}.{spec.name}"


def _sync_from_url(page_id: str, specs: Sequence[P.Param], *, reload: bool = False) -> list[P.Rejected]:
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
        value = spec.default
        if values:
            try:
                value = P.parse_raw(spec, values)
            except P.ParamError as err:
                rejected.append(P.Rejected(spec.name, err.reason, err.fields, spec.to_url(spec.default)))
                del st.query_params[spec.name]
        st.session_state[key] = list(value) if isinstance(value, (list, tuple)) else value
    return rejected


def _sync_to_url(spec: P.Param, value: Any) -> None:
    """Mirror a widget's value in the URL; the default is left out."""
    default = list(spec.default) if isinstance(spec.default, (list, tuple)) else spec.default
    current = st.query_params.get_all(spec.name)
    if value == default:
        if current:
            del st.query_params[spec.name]
        return
    text = spec.to_url(value)
    if current != [text]:
        st.query_params[spec.name] = text


def _new_seed() -> None:
    # A fresh seed is not a data draw: it only picks which reproducible stream comes next.
    st.session_state[SEED.name] = secrets.randbelow(1_000_000)


@dataclass
class Shell:
    """What a page gets back from :func:`page_shell`."""

    page: PageInfo
    lang: str
    seed: int
    _charts: int = field(default=0, repr=False)

    def t(self, key: str, /, **fields) -> str:
        """Translate ``key`` into the page's language."""
        return t(key, self.lang, **fields)

    # -- widgets bound to URL parameters ------------------------------------
    def _bound(self, spec: P.Param, make: Callable[..., Any], where=None, **kwargs) -> Any:
        key = state_key(self.page.id, spec)
        if key not in st.session_state:  # re-appearing widget: reload from URL
            _sync_from_url(self.page.id, [spec])
        value = make(where or st, key=key, **kwargs)
        _sync_to_url(spec, value)
        return value

    def slider(self, spec: P.IntParam | P.FloatParam, label: str, *, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.slider(label, min_value=spec.lo, max_value=spec.hi, step=spec.step, **k),
            where, **kw,
        )

    def number(self, spec: P.IntParam | P.FloatParam, label: str, *, where=None, **kw) -> Any:
        extra = {"format": spec.fmt} if isinstance(spec, P.FloatParam) else {}
        return self._bound(
            spec,
            lambda w, **k: w.number_input(label, min_value=spec.lo, max_value=spec.hi, step=spec.step, **extra, **k),
            where, **kw,
        )

    def select(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.selectbox(label, spec.choices, format_func=format_func, **k), where, **kw
        )

    def radio(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec,
            lambda w, **k: w.radio(label, spec.choices, format_func=format_func, horizontal=True, **k),
            where, **kw,
        )

    def select_slider(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.select_slider(label, spec.choices, format_func=format_func, **k), where, **kw
        )

    def multiselect(self, spec: P.MultiChoiceParam, label: str, *, format_func=str, where=None, **kw) -> list:
        return self._bound(
            spec,
            lambda w, **k: w.multiselect(label, spec.choices, format_func=format_func,
                                         max_selections=spec.max_count, **k),
            where, **kw,
        )

    def toggle(self, spec: P.BoolParam, label: str, *, where=None, **kw) -> bool:
        return self._bound(spec, lambda w, **k: w.toggle(label, **k), where, **kw)

    # -- output --------------------------------------------------------------
    def chart(self, builder: Callable[..., Any], /, *args, where=None, **kwargs) -> dict:
        """Render ``builder(*args, **kwargs)`` (an altair chart), cached on its inputs.

        Returns the Vega-Lite spec (for export). The chart's title, if any, is
        also its alt text for screen readers.
        """
        key = f"{builder.__module__}.{builder.__qualname__}:{fingerprint((args, kwargs))}"
        spec = _vega_spec(key, builder, args, kwargs)
        title = spec.get("title")
        title = title.get("text") if isinstance(title, dict) else title
        container = where or st
        container.vega_lite_chart(spec=spec, width="stretch", theme=None, alt=title)
        self._export_menu(spec, title or builder.__name__, container)
        return spec

    def _export_menu(self, spec: dict, title: str, container) -> None:
        """PNG/SVG/CSV downloads of a chart, generated only when clicked."""
        self._charts += 1
        stem = re.sub(r"[^\w]+", "_", f"{self.page.id}_{title}", flags=re.ASCII).strip("_").lower()
        files = (
            ("PNG", "png", "image/png", functools.partial(export.to_png, spec)),
            ("SVG", "svg", "image/svg+xml", functools.partial(export.to_svg, spec)),
            ("CSV", "csv", "text/csv", functools.partial(export.to_csv, spec)),
        )
        with container.popover(self.t("common.export"), icon=":material/download:"):
            for label, ext, mime, make in files:
                st.download_button(
                    label, data=make, file_name=f"{stem}.{ext}", mime=mime, on_click="ignore",
                    key=f"_lab_export_{self._charts}_{ext}", width="stretch",
                )

    # -- teaching: exercises, code, sharing ----------------------------------
    def exercises(self) -> None:
        """The page's "Check yourself" questions for the current seed, with feedback."""
        questions = teaching.questions(self.page.id, self.seed)
        if not questions:
            return
        st.header(self.t("ex.header"))
        st.caption(self.t("ex.intro"))
        verdicts: dict[str, bool] = st.session_state.setdefault(f"_lab_ex_{self.page.id}", {})
        for i, q in enumerate(questions, 1):
            qid = f"{self.seed}.{i}"
            with st.container(border=True):
                st.markdown(f"**{self.t('ex.question', i=i)}.** {self.t(q.prompt, **q.fields)}")
                with st.form(key=f"_lab_ex_form_{qid}", border=False):
                    if q.is_choice:
                        response = st.radio(self.t("ex.your_answer"), range(len(q.choices)), index=None,
                                            format_func=lambda j, q=q: f"${q.choices[j]}$", key=f"_lab_ex_in_{qid}")
                    else:
                        response = st.number_input(self.t("ex.your_answer"), value=None, format="%g",
                                                   min_value=-1e12, max_value=1e12, key=f"_lab_ex_in_{qid}")
                        if q.rtol > 0:
                            st.caption(self.t("ex.tolerance", rtol=teaching.fmt(100 * q.rtol, 3)))
                    submitted = st.form_submit_button(self.t("ex.check"), key=f"_lab_ex_check_{qid}")
                if submitted and response is None:
                    st.info(self.t("ex.no_answer"))
                elif submitted:
                    verdicts[qid] = q.is_right(response)
                    if verdicts[qid]:
                        st.success(self.t("ex.right"), icon=":material/check_circle:")
                    else:
                        answer = f"${q.choices[int(q.answer)]}$" if q.is_choice else teaching.fmt(q.answer, 6)
                        st.error(self.t("ex.wrong", answer=answer), icon=":material/cancel:")
                        hint = q.slip(response)
                        if hint:
                            st.warning(self.t(hint), icon=":material/lightbulb:")
                    with st.expander(self.t("ex.solution"), expanded=True):
                        for line in q.solution:
                            st.latex(line)
        if verdicts:
            st.caption(self.t("ex.score", right=sum(verdicts.values()), answered=len(verdicts)))

    def code(self, snippet: teaching.Snippet | None) -> None:
        """A "do it in code" expander with a runnable snippet and the number it prints."""
        if snippet is None:
            return
        with st.expander(self.t("code.header"), icon=":material/code:"):
            st.code(snippet.code, language="python")
            st.caption(self.t("code.intro"))
            st.code(teaching.fmt(snippet.value, 12), language=None)

    def share(self, results: dict) -> None:
        """The link to this view and the page's parameters and results as JSON."""
        params = {spec.name: st.session_state[state_key(self.page.id, spec)]
                  for spec in (*GLOBAL_PARAMS, *st.session_state[STATE_SPECS])}
        query = urllib.parse.urlencode({k: v for k, v in st.query_params.to_dict().items()})
        base = st.context.url or f"/{self.page.url_path}"
        url = f"{base}?{query}" if query else base
        payload = {"page": self.page.id, "url": url, "parameters": params, "results": results}
        with st.expander(self.t("share.header"), icon=":material/share:"):
            st.caption(self.t("share.url"))
            st.code(url, language=None)
            st.download_button(
                self.t("share.json"), data=functools.partial(json.dumps, payload, indent=2, default=float,
                                                          ensure_ascii=False),
                file_name=f"{self.page.id}.json", mime="application/json", on_click="ignore",
                key="_lab_share_json", icon=":material/data_object:",
            )

    # -- errors --------------------------------------------------------------
    def message(self, err: ValueError) -> str:
        """A core error's message in the page's language.

        An :class:`~estimation._validation.InputError` with a translated
        ``error.<key>`` is shown translated; any other error by its own text.
        """
        if isinstance(err, InputError) and f"error.{err.key}" in STRINGS:
            return self.t(f"error.{err.key}", **err.fields)
        return str(err)

    def run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Call a core function; on ``ValueError`` show its message and stop the page."""
        try:
            return fn(*args, **kwargs)
        except ValueError as err:
            st.error(self.t("common.error", message=self.message(err)), icon=":material/error:")
            st.stop()
            raise  # unreachable: st.stop() raises


def nav_key(page: PageInfo) -> str:
    """The sidebar label's key: a short ``common.nav.<id>`` if defined, else the title."""
    key = f"common.nav.{page.id}"
    return key if key in STRINGS else page.title_key


def _navigation(lang: str, seed: int) -> None:
    carry = {}
    if lang != LANG.default:
        carry[LANG.name] = lang
    if seed != SEED.default:
        carry[SEED.name] = str(seed)
    for section in SECTIONS:
        pages = [p for p in PAGES if p.section == section]
        if not pages:
            continue
        st.sidebar.caption(t(f"common.section.{section}", lang).upper())
        for page in pages:
            st.sidebar.page_link(page.path, label=t(nav_key(page), lang), icon=page.icon,
                                 query_params=carry or None)


def page_shell(page_id: str, specs: Sequence[P.Param] = ()) -> Shell:
    """Set up a page: config, URL state, sidebar; return the :class:`Shell`.

    Parameters
    ----------
    page_id : str
        The page's id in :data:`lab.registry.PAGES`.
    specs : sequence of Param
        The page's own URL parameters (``lang`` and ``seed`` are added).
    """
    page = BY_ID[page_id]
    all_specs = (*GLOBAL_PARAMS, *specs)
    arrived = st.session_state.get(STATE_PAGE) != page_id
    st.session_state[STATE_PAGE] = page_id
    st.session_state[STATE_SPECS] = tuple(specs)
    rejected = _sync_from_url(page_id, all_specs, reload=arrived)
    lang = st.session_state[LANG.name]
    st.set_page_config(
        page_title=f"{t(page.title_key, lang)} · {t('common.app_title', lang)}",
        page_icon="📊",  # an emoji: a material icon favicon is fetched from the internet
        layout="wide",
    )
    sidebar = st.sidebar
    sidebar.markdown(f"### {t('common.app_title', lang)}")
    _navigation(lang, st.session_state[SEED.name])
    sidebar.divider()
    shell = Shell(page=page, lang=lang, seed=st.session_state[SEED.name])
    shell.select(LANG, t("common.language", lang), format_func=LANGUAGE_NAMES.get, where=sidebar)
    shell.seed = shell.number(SEED, t("common.seed", lang), where=sidebar, help=t("common.seed_help", lang))
    sidebar.button(t("common.new_seed", lang), on_click=_new_seed, key="_lab_new_seed",
                   icon=":material/casino:", width="stretch")
    sidebar.info(t("common.share", lang), icon=":material/link:")
    for item in rejected:
        if item.reason is None:
            st.warning(t("common.unknown_param", lang, name=item.name[:40]), icon=":material/warning:")
        else:
            reason = t(item.reason, lang, **item.fields)
            st.warning(t("common.bad_param", lang, name=item.name, reason=reason, default=item.default),
                       icon=":material/warning:")
    st.title(t(page.title_key, lang))
    return shell
