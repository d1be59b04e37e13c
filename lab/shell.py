"""The shell every page calls first: start-up, page config, sidebar, URL state.

Usage in a page script::

    from lab.params import IntParam
    from lab.shell import cached, page_shell

    N = IntParam("n", 100, lo=1, hi=1000)
    ui = page_shell("sampling", [N])
    n = ui.slider(N, ui.t("sampling.n"))

``page_shell`` runs the process start-up once (:func:`lab.startup.start`),
sets the page config, validates the URL (warning about every parameter it had
to ignore), draws the translated sidebar navigation, the language selector,
the seed and the share hint, and returns a :class:`Shell`. The shell is put
together from small parts, one module each:

=====================  ==================================================
:mod:`lab.urlstate`    URL ⇄ session state, the global parameters
:mod:`lab.widgets`     widgets bound to URL parameters (``ui.slider`` …)
:mod:`lab.cache`       bounded caches (``cached``) and chart specs
:mod:`lab.charts`      ``ui.chart``: a cached chart with its export menu
:mod:`lab.exercises`   ``ui.exercises``: "Check yourself"
:mod:`lab.share`       ``ui.code`` and ``ui.share``
:mod:`lab.nav`         the translated sidebar navigation
=====================  ==================================================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence, TypeVar

import streamlit as st

from estimation._validation import InputError
from lab import params as P
from lab.cache import cached
from lab.charts import Charts
from lab.exercises import Exercises
from lab.nav import navigation
from lab.registry import BY_ID, PageInfo
from lab.share import Share
from lab.startup import start
from lab.strings import LANGUAGE_NAMES, STRINGS, t
from lab.urlstate import (GLOBAL_PARAMS, LANG, PRESENT, SEED, STATE_PAGE, STATE_SPECS, new_seed, remember_url,
                          state_key, sync_from_url, url_moved)
from lab.widgets import Widgets

__all__ = ["Shell", "cached", "page_shell", "state_key"]

T = TypeVar("T")

#: Every page's style: a formula wider than the page scrolls in its own box instead of being cut; on a phone
#: formulas are drawn at the text's size (KaTeX's 1.21 em would need a fifth more room).
PAGE_CSS = """<style>
.katex-display { overflow-x: auto; overflow-y: hidden; padding-bottom: 0.2rem; }
@media (max-width: 640px) { .katex-display > .katex { font-size: 1em; } }
</style>"""
#: Presenter mode's page style: text, formulas and metrics sized for the back of a room at 1280×720.
PROJECTOR_CSS = """<style>
[data-testid="stMainBlockContainer"] { max-width: 100%; padding-left: 2rem; padding-right: 2rem; }
[data-testid="stMainBlockContainer"] [data-testid="stMarkdownContainer"] { font-size: 1.35rem; }
[data-testid="stMainBlockContainer"] .katex { font-size: 1.45em; }
[data-testid="stMetricValue"] { font-size: 3rem; }
[data-testid="stWidgetLabel"] p { font-size: 1.2rem; }
</style>"""


@dataclass
class Shell(Widgets, Charts, Exercises, Share):
    """What a page gets back from :func:`page_shell`."""

    page: PageInfo
    lang: str
    seed: int
    #: Presenter mode (``present=1``): sized for a projector, no exercises, code or export boxes.
    presenting: bool = False
    #: Where presenter mode shows the view's QR code (beside the title); filled by :meth:`share`.
    join_slot: Any = field(default=None, repr=False)
    _charts: int = field(default=0, repr=False)
    #: The numbers the sections show, for the share box (see :meth:`record`).
    results: dict = field(default_factory=dict, repr=False)

    def t(self, key: str, /, **fields) -> str:
        """Translate ``key`` into the page's language."""
        return t(key, self.lang, **fields)

    def section(self, fn: Callable[[], T]) -> Callable[[], T]:
        """Decorator for a page section whose widgets affect only itself: it reruns alone (``st.fragment``).

        A widget inside the section reruns only the section; the arguments it
        was called with (values from the page-level widgets above it) are
        replayed, so its dependencies are exactly its parameters. Global
        controls and page-level widgets rerun the whole page, as always.
        """
        return st.fragment(fn)

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
            self._refused(err)
            st.stop()
            raise  # unreachable: st.stop() raises

    def attempt(self, fn: Callable[..., T], *args, **kwargs) -> T | None:
        """Call a core function; on ``ValueError`` show its message and return None.

        For a section: a refused setting ends that section only (as when it
        reruns alone), the rest of the page stays; :meth:`run` stops the page.
        """
        try:
            return fn(*args, **kwargs)
        except ValueError as err:
            self._refused(err)
            return None

    def _refused(self, err: ValueError) -> None:
        """Show why the core refused a setting, in the page's language."""
        st.error(self.t("common.error", message=self.message(err)), icon=":material/error:")


def page_shell(page_id: str, specs: Sequence[P.Param] = ()) -> Shell:
    """Set up a page: start-up, config, URL state, sidebar; return the :class:`Shell`.

    Parameters
    ----------
    page_id : str
        The page's id in :data:`lab.registry.PAGES`.
    specs : sequence of Param
        The page's own URL parameters (``lang`` and ``seed`` are added).
    """
    start()
    page = BY_ID[page_id]
    all_specs = (*GLOBAL_PARAMS, *specs)
    # arriving from another page, or by Back/Forward to another history entry: read everything from the URL
    arrived = st.session_state.get(STATE_PAGE) != page_id or url_moved()
    st.session_state[STATE_PAGE] = page_id
    st.session_state[STATE_SPECS] = tuple(specs)
    rejected = sync_from_url(page_id, all_specs, reload=arrived)
    remember_url()
    lang = st.session_state[LANG.name]
    presenting = bool(st.session_state[PRESENT.name])
    st.set_page_config(
        page_title=f"{t(page.title_key, lang)} · {t('common.app_title', lang)}",
        page_icon="📊",  # an emoji: a material icon favicon is fetched from the internet
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    sidebar = st.sidebar
    sidebar.markdown(f"### {t('common.app_title', lang)}")
    navigation(lang, st.session_state[SEED.name], presenting)
    sidebar.divider()
    shell = Shell(page=page, lang=lang, seed=st.session_state[SEED.name], presenting=presenting)
    shell.select(LANG, t("common.language", lang), format_func=LANGUAGE_NAMES.get, where=sidebar)
    shell.seed = shell.number(SEED, t("common.seed", lang), where=sidebar, help=t("common.seed_help", lang),
                              reads_exponents=False)  # read as an int above, before the box is drawn
    sidebar.button(t("common.new_seed", lang), on_click=new_seed, key="_lab_new_seed",
                   icon=":material/casino:", width="stretch")
    shell.toggle(PRESENT, t("common.present", lang), where=sidebar, help=t("common.present_help", lang))
    st.html(PAGE_CSS + PROJECTOR_CSS if presenting else PAGE_CSS)
    if not presenting:
        sidebar.info(t("common.share", lang), icon=":material/link:")
    for item in rejected:
        if item.reason is None:
            st.warning(t("common.unknown_param", lang, name=item.name[:40]), icon=":material/warning:")
        else:
            reason = t(item.reason, lang, **item.fields)
            st.warning(t("common.bad_param", lang, name=item.name, reason=reason, default=item.default),
                       icon=":material/warning:")
    if presenting:
        title, shell.join_slot = st.columns([4, 1], vertical_alignment="center")
        title.title(t(page.title_key, lang))
        shell.join_slot = shell.join_slot.empty()
    else:
        st.title(t(page.title_key, lang))
    return shell
