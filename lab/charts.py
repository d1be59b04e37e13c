"""Charts on a page: a cached Vega-Lite spec, drawn, with its PNG/SVG/CSV download.

:class:`Charts` is a part of :class:`lab.shell.Shell`.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable

import streamlit as st

from estimation.charts import export
from estimation.charts.theme import TITLE_SIZE, for_projector, legend_room, title_lines
from lab.cache import chart_spec


class Charts:
    """The chart method of the page shell (needs ``self.page``, ``self.t``)."""

    def chart(self, builder: Callable[..., Any], /, *args, where=None, **kwargs) -> dict:
        """Render ``builder(*args, **kwargs)`` (an altair chart), cached on its inputs.

        Returns the Vega-Lite spec (for export). The chart's title, if any, is
        also its alt text for screen readers. In presenter mode its text is
        sized for a projector and the download is left out.
        """
        spec = chart_spec(builder, *args, **kwargs)
        title = spec.get("title")
        title = title.get("text") if isinstance(title, dict) else title
        container = where or st
        shown = for_projector(spec) if self.presenting else spec
        if isinstance(shown.get("height"), int):  # Streamlit fits the legends into the height: give them room
            shown = {**shown, "height": shown["height"] + legend_room(shown)}
        if isinstance(shown.get("title"), str):  # Vega cuts a title wider than the chart: wrap it for a phone
            size = shown.get("config", {}).get("title", {}).get("fontSize", TITLE_SIZE)
            lines = title_lines(shown["title"], size=size)
            if len(lines) > 1:
                shown = {**shown, "title": lines}
        container.vega_lite_chart(spec=shown, width="stretch", theme=None, alt=title)
        if not self.presenting:
            self._export_menu(spec, title or builder.__name__, container)
        return spec

    def _export_menu(self, spec: dict, title: str, container) -> None:
        """One download of the chart as PNG and SVG and its data as CSV (a ZIP), generated only when clicked."""
        self._charts += 1
        stem = re.sub(r"[^\w]+", "_", f"{self.page.id}_{title}", flags=re.ASCII).strip("_").lower()
        container.download_button(
            self.t("common.export"), data=functools.partial(export.to_zip, spec, stem), file_name=f"{stem}.zip",
            mime="application/zip", on_click="ignore", key=f"_lab_export_{self._charts}",
            icon=":material/download:", help=self.t("common.export_help"), type="tertiary",
        )
