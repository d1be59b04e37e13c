"""The end of every page: "do it in code" and "share this view" (link and JSON).

:class:`Share` is a part of :class:`lab.shell.Shell`. Sections hand the
numbers they show to :meth:`Share.record`; the share box is its own
fragment that builds the link and the JSON when asked, from the URL and the
numbers as they are at that moment, so a section that reran alone is never
shared stale (and a page rerun sends one button, not the box).
"""

from __future__ import annotations

import json
import os
import urllib.parse

import streamlit as st

from estimation import teaching
from lab.qr import qr_png
from lab.urlstate import GLOBAL_PARAMS, STATE_SPECS, state_key, view_query

#: Where the lab's public address can be set when the browser's is unknown (environment, then secrets).
PUBLIC_URL_SETTING = "LAB_PUBLIC_URL"


class Share:
    """The code, record and share methods of the page shell (needs ``self.page``, ``self.t``, ``self.results``)."""

    def code(self, snippet: teaching.Snippet | None) -> None:
        """A "do it in code" expander with a runnable snippet and the number it prints (not when presenting)."""
        if snippet is None or self.presenting:
            return
        with st.expander(self.t("code.header"), icon=":material/code:"):
            st.code(snippet.code, language="python")
            st.caption(self.t("code.intro"))
            st.code(teaching.fmt(snippet.value, 12), language=None)

    def record(self, **results) -> None:
        """Keep the numbers a section shows for the share box's JSON (the latest run of each section wins)."""
        self.results.update(results)

    def share(self, results: dict | None = None) -> None:
        """The share box: on request, the link to this view and its parameters and results as JSON.

        ``results`` are page-level numbers, added to what the sections
        :meth:`record`.
        """
        if results:
            self.record(**results)
        if self.presenting:
            self._show_join_code()
            return
        with st.expander(self.t("share.header"), icon=":material/share:"):
            _share_box(self)

    def share_url(self) -> str:
        """The students' address of this view: absolute when the app knows its public address, else a path.

        The page and every setting now in the URL, always with the language it
        shows and never with ``present``. The address is the browser's
        (``st.context.url``), else the ``LAB_PUBLIC_URL`` setting (environment
        or ``.streamlit/secrets.toml``) joined with the page's path, else only
        the path (``/sampling?…``), which a QR code must not encode.
        """
        base = st.context.url
        if base:
            parts = urllib.parse.urlsplit(base)
            base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", "", ""))
        else:
            base = f"{(_public_url() or '').rstrip('/')}/{self.page.url_path}"
        return f"{base}?{urllib.parse.urlencode(view_query(lang=self.lang))}"

    def _show_join_code(self) -> None:
        """Presenter mode: the QR code of the students' link, in the slot beside the title."""
        url = self.share_url()
        with self.join_slot.container():
            if not _absolute(url):
                st.warning(self.t("share.no_address", setting=PUBLIC_URL_SETTING), icon=":material/qr_code:")
                return
            st.image(qr_png(url), caption=self.t("share.scan"), width="stretch")


def _absolute(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def _public_url() -> str | None:
    value = os.environ.get(PUBLIC_URL_SETTING)
    if value:
        return value
    try:
        return st.secrets.get(PUBLIC_URL_SETTING) or st.secrets.get("public_url")
    except Exception:  # no secrets file at all: Streamlit raises its own error type
        return None


@st.fragment
def _share_box(ui) -> None:
    if not st.button(ui.t("share.make"), key="_lab_share_make", icon=":material/link:"):
        st.caption(ui.t("share.make_help"))
        return
    params = {spec.name: st.session_state[state_key(ui.page.id, spec)]
              for spec in (*GLOBAL_PARAMS, *st.session_state[STATE_SPECS])}
    url = ui.share_url()
    payload = {"page": ui.page.id, "url": url, "parameters": params, "results": dict(ui.results)}
    link, code = st.columns([4, 1])
    link.caption(ui.t("share.url"))
    link.code(url, language=None, wrap_lines=True)
    if _absolute(url):
        code.image(qr_png(url), caption=ui.t("share.scan"), width="stretch")
    else:
        link.warning(ui.t("share.no_address", setting=PUBLIC_URL_SETTING), icon=":material/qr_code:")
    st.download_button(
        ui.t("share.json"), data=json.dumps(payload, indent=2, default=float, ensure_ascii=False),
        file_name=f"{ui.page.id}.json", mime="application/json", on_click="ignore",
        key="_lab_share_json", icon=":material/data_object:",
    )
