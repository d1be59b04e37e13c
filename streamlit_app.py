"""Estimation Lab: entry point and Home page (a map of the lab)."""

import streamlit as st

from lab.registry import PAGES, SECTIONS
from lab.shell import page_shell

ui = page_shell("home")
st.markdown(ui.t("home.intro"))
st.caption(ui.t("home.audience"))

st.header(ui.t("home.map"))
for section in SECTIONS[1:]:
    pages = [p for p in PAGES if p.section == section]
    if not pages:
        continue
    st.subheader(ui.t(f"common.section.{section}"))
    columns = st.columns(3)
    for i, page in enumerate(pages):
        with columns[i % 3].container(border=True):
            st.page_link(page.path, label=ui.t(page.title_key), icon=page.icon)
            st.write(ui.t(page.summary_key))
            st.caption(f"{ui.t('common.exam')}: {ui.t(page.exam_key)}")
ui.share()
