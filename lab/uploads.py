"""The upload pickers of the Cross-entropy and Softmax pages: a CSV file, its label and feature columns.

One picker serves both pages (:func:`upload_picker`); what differs is a
parameter: the page's wording (its strings keys), the view functions that read the file
and load the chosen columns, and whether a positive class is picked (binary)
or two features are required. The parsing itself is the core's
(:mod:`estimation.csv_files`, through the page's view).
"""

from __future__ import annotations

from typing import Any, Callable

import streamlit as st

from estimation.datasets import UploadColumns
from lab.cache import cached

__all__ = ["PICKER_KEYS", "upload_notes", "upload_picker"]

#: Each page's own wording of its picker: the strings key of each text (named in full, so that a key's use can
#: be found by its name; tests/test_strings.py does).
PICKER_KEYS = {
    "cross_entropy": {
        "not_in_url": "cross_entropy.upload_not_in_url", "file": "cross_entropy.upload",
        "none": "cross_entropy.upload_none", "label": "cross_entropy.label_col",
        "features": "cross_entropy.feature_cols", "positive": "cross_entropy.positive",
        "error": "cross_entropy.upload_error",
    },
    "softmax": {
        "not_in_url": "softmax.upload_not_in_url", "file": "softmax.upload", "none": "softmax.upload_none",
        "label": "softmax.label_col", "features": "softmax.feature_cols", "pick_two": "softmax.pick_two",
        "error": "softmax.upload_error",
    },
}


def upload_picker(ui, page: str, *, columns: Callable[[bytes], UploadColumns], load: Callable[..., Any],
                  classes: Callable[[bytes, str], list] | None = None, two_features: bool = False) -> Any:
    """The uploaded table's chosen columns as ``load`` returns them, or None (with the problem shown).

    Neither the file nor the columns picked from it can live in the URL (a
    file cannot): these pickers are plain widgets, and the page says so. Every
    text is the page's own (:data:`PICKER_KEYS`); a ``ValueError`` of any step
    is shown in the page's language as its ``error``.

    Parameters
    ----------
    ui : lab.shell.Shell
        The page's shell.
    page : str
        The page id (its texts: ``PICKER_KEYS[page]``).
    columns : callable
        The view's ``upload_columns(raw)``: the columns, their first guess of label and features.
    load : callable
        The view function (cached here) loading the choice:
        ``load(raw, label, features)``, with ``positive=`` too when ``classes`` is given.
    classes : callable, optional
        Binary pages: the view's ``upload_classes(raw, label)`` (an ID column is
        refused there, saying why); with more than two classes the positive one
        is picked (``positive``) in a third column, the last by default.
    two_features : bool
        Exactly two features are needed: with fewer, the page asks for them
        (``pick_two``) and None is returned.
    """
    key = PICKER_KEYS[page]
    st.info(ui.t(key["not_in_url"]), icon=":material/link_off:")
    file = st.file_uploader(ui.t(key["file"]), type=["csv"])
    if file is None:
        st.caption(ui.t(key["none"]))
        return None
    try:
        raw = file.getvalue()
        found = cached(columns)(raw)
        names = list(found.columns)
        label_col, feature_col, *class_col = st.columns(3 if classes else 2)
        label = label_col.selectbox(ui.t(key["label"]), names, index=names.index(found.label))
        values = cached(classes)(raw, label) if classes else None  # an ID column is refused here, saying why
        features = feature_col.multiselect(ui.t(key["features"]), found.others(label), max_selections=2,
                                           default=found.default_features(label))
        upload_notes(ui, found, label, where=feature_col)  # how the file was read; the text columns left out
        if two_features and len(features) != 2:
            st.info(ui.t(key["pick_two"]))
            return None
        if classes is None:
            return cached(load)(raw, label, tuple(features))
        positive = class_col[0].selectbox(ui.t(key["positive"]), values, index=len(values) - 1,
                                          format_func=str) if len(values) > 2 else None
        return cached(load)(raw, label, tuple(features), positive=positive)
    except ValueError as err:
        st.error(ui.t(key["error"], message=ui.message(err)), icon=":material/error:")
        return None


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
