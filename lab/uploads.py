"""What the upload pickers say about a file: how it was read, and which columns are not offered as features."""

from __future__ import annotations

from typing import Any

import streamlit as st

from estimation.datasets import UploadColumns

__all__ = ["upload_notes"]


def upload_notes(ui, found: UploadColumns, label: str, *, where: Any = None) -> None:
    """Captions under the feature picker, in the page's language.

    The separator and decimal mark when the file was not a plain comma file
    with decimal points, and the text columns left out of the features, each
    with its first value that is not a number (a column never vanishes
    without a word).
    """
    where = where or st
    if (found.separator, found.decimal) != (",", "."):
        sep = ui.t("upload.tab") if found.separator == "\t" else f"“{found.separator}”"
        where.caption(ui.t("upload.read_as", sep=sep, decimal=f"“{found.decimal}”"))
    left = found.left_out(label)
    if left:
        where.caption(ui.t("upload.text_left_out", columns=ui.t("upload.list_sep").join(
            ui.t("upload.text_column", col=c.name, value=c.value, row=c.row) for c in left)))
