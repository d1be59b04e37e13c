"""The end of every page: "do it in code" and "share this view" (link and JSON).

:class:`Share` is a part of :class:`lab.shell.Shell`. Sections hand the
numbers they show to :meth:`Share.record`; the share box is its own
fragment that builds the link and the JSON when asked, from the URL and the
numbers as they are at that moment, so a section that reran alone is never
shared stale (and a page rerun sends one button, not the box).
"""

from __future__ import annotations

import functools
import json
import urllib.parse

import streamlit as st

from estimation import teaching
from lab.urlstate import GLOBAL_PARAMS, STATE_SPECS, state_key


class Share:
    """The code, record and share methods of the page shell (needs ``self.page``, ``self.t``, ``self.results``)."""

    def code(self, snippet: teaching.Snippet | None) -> None:
        """A "do it in code" expander with a runnable snippet and the number it prints."""
        if snippet is None:
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
        with st.expander(self.t("share.header"), icon=":material/share:"):
            _share_box(self)

    def share_url(self) -> str:
        """The address of this view: the page and every setting in the URL now."""
        query = urllib.parse.urlencode(st.query_params.to_dict())
        base = st.context.url or f"/{self.page.url_path}"
        base = base.split("?", 1)[0]
        return f"{base}?{query}" if query else base


@st.fragment
def _share_box(ui) -> None:
    if not st.button(ui.t("share.make"), key="_lab_share_make", icon=":material/link:"):
        st.caption(ui.t("share.make_help"))
        return
    params = {spec.name: st.session_state[state_key(ui.page.id, spec)]
              for spec in (*GLOBAL_PARAMS, *st.session_state[STATE_SPECS])}
    url = ui.share_url()
    payload = {"page": ui.page.id, "url": url, "parameters": params, "results": dict(ui.results)}
    st.caption(ui.t("share.url"))
    st.code(url, language=None)
    st.download_button(
        ui.t("share.json"), data=json.dumps(payload, indent=2, default=float, ensure_ascii=False),
        file_name=f"{ui.page.id}.json", mime="application/json", on_click="ignore",
        key="_lab_share_json", icon=":material/data_object:",
    )
