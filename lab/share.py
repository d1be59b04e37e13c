"""The end of every page: "do it in code" and "share this view" (link and JSON).

:class:`Share` is a part of :class:`lab.shell.Shell`.
"""

from __future__ import annotations

import functools
import json
import urllib.parse

import streamlit as st

from estimation import teaching
from lab.urlstate import GLOBAL_PARAMS, STATE_SPECS, state_key


class Share:
    """The code and share methods of the page shell (needs ``self.page``, ``self.t``)."""

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
