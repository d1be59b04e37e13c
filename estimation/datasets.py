"""Data for the logistic-regression lab: synthetic classes, bundled tables, CSV upload.

Three sources end in the same place, an ``(X, y)`` pair for
:mod:`estimation.logistic`:

* :func:`make_gaussian_classes` draws two Gaussian classes (from :mod:`estimation.synthetic`);
* :func:`load_dataset` reads a bundled table from ``data/`` (see
  ``data/README.md`` for sources and licences; registry :data:`DATASETS`);
* :func:`parse_csv` turns an uploaded file into a table, defensively (from :mod:`estimation.csv_files`).

:func:`select_xy` then picks the label and 1–2 feature columns of a table,
maps the label to 0/1 and reports the mapping (:class:`BinaryData`).
"""

from __future__ import annotations

import functools
import numbers
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from estimation._validation import InputError, as_finite_array, check_int, lookup
from estimation.csv_files import MAX_COLUMNS, MAX_ROWS, MAX_UPLOAD_BYTES, parse_csv
from estimation.synthetic import MAX_CLASSES, make_gaussian_blobs, make_gaussian_classes

__all__ = [
    "make_gaussian_classes",
    "make_gaussian_blobs",
    "DatasetSpec",
    "DATASETS",
    "load_dataset",
    "BinaryData",
    "select_xy",
    "ClassData",
    "select_classes",
    "MAX_CLASSES",
    "class_values",
    "suggest_columns",
    "check_label",
    "TextColumn",
    "text_columns",
    "UploadColumns",
    "upload_columns",
    "parse_csv",
    "MAX_UPLOAD_BYTES",
    "MAX_ROWS",
    "MAX_COLUMNS",
]

#: Most feature columns :func:`select_xy` accepts (the lab draws 1-D and 2-D pictures).
MAX_FEATURES = 2

#: A label column with more than ``MAX_CLASSES`` values, distinct in at least this share of its rows, is
#: refused as an ID (or a measurement), not a class label.
ID_SHARE = 0.9

_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


# ---------------------------------------------------------------------------
# Bundled data sets
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatasetSpec:
    """Description of a bundled table (the page's picker reads these).

    Attributes
    ----------
    name : str
        Registry key.
    filename : str
        File in ``data/``.
    label : str
        The class column.
    features : tuple of str
        The numeric feature columns.
    classes : tuple
        The class values, in a fixed display order.
    source : str
        Where the values come from (details in ``data/README.md``).
    licence : str
    """

    name: str
    filename: str
    label: str
    features: tuple[str, ...]
    classes: tuple
    source: str
    licence: str


DATASETS: dict[str, DatasetSpec] = {
    "iris": DatasetSpec(
        name="iris",
        filename="iris.csv",
        label="species",
        features=("sepal_length", "sepal_width", "petal_length", "petal_width"),
        classes=("setosa", "versicolor", "virginica"),
        source="Fisher (1936), UCI Machine Learning Repository; values from scikit-learn's copy",
        licence="CC BY 4.0 (UCI); scikit-learn's copy BSD-3-Clause",
    ),
    "breast_cancer": DatasetSpec(
        name="breast_cancer",
        filename="breast_cancer.csv",
        label="diagnosis",
        features=(
            "radius",
            "texture",
            "perimeter",
            "area",
            "smoothness",
            "compactness",
            "concavity",
            "concave_points",
            "symmetry",
            "fractal_dimension",
        ),
        classes=("B", "M"),
        source=(
            "Breast Cancer Wisconsin (Diagnostic), Wolberg, Street & Mangasarian (1995), "
            "UCI Machine Learning Repository; the ten 'mean' features, values from scikit-learn's copy"
        ),
        licence="CC BY 4.0 (UCI); scikit-learn's copy BSD-3-Clause",
    ),
}


@functools.lru_cache(maxsize=None)
def _read_bundled(filename: str) -> pd.DataFrame:
    return pd.read_csv(_DATA_DIR / filename)


def load_dataset(name: str) -> pd.DataFrame:
    """Return a bundled table (a fresh copy) with its column names.

    Parameters
    ----------
    name : str
        A key of :data:`DATASETS` (``"iris"``, ``"breast_cancer"``).

    Returns
    -------
    pandas.DataFrame
        The label column ``DATASETS[name].label`` and the numeric features.
        Pass it to :func:`select_xy`, e.g. iris setosa vs the rest:
        ``select_xy(load_dataset("iris"), "species", ["petal_length"], positive="setosa")``
        (linearly separable), or versicolor vs virginica:
        ``select_xy(..., positive="virginica", negative="versicolor")`` (not).

    Examples
    --------
    >>> iris = load_dataset("iris")
    >>> iris.shape, iris.columns[-1]
    ((150, 5), 'species')
    """
    return _read_bundled(lookup(DATASETS, name, "name").filename).copy()


# ---------------------------------------------------------------------------
# Picking X and y from a table
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BinaryData:
    """Features and 0/1 labels chosen from a table by :func:`select_xy`.

    Attributes
    ----------
    X : ndarray of shape (n_samples, n_features)
        Float features.
    y : ndarray of shape (n_samples,)
        Labels 0.0/1.0.
    feature_names : tuple of str
    label_name : str
    negative : tuple
        The original label value(s) mapped to 0 (several for one-vs-rest).
    positive : object
        The original label value mapped to 1.
    """

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]
    label_name: str
    negative: tuple
    positive: object

    @property
    def mapping(self) -> dict:
        """``{original label value: 0 or 1}``."""
        return {**{v: 0 for v in self.negative}, self.positive: 1}


def _plain(value):
    """numpy scalar → Python scalar, for display and dictionary keys."""
    return value.item() if isinstance(value, np.generic) else value


def _sorted_values(values) -> list:
    """Numbers in numeric order; anything else by its text (deterministic)."""
    values = [_plain(v) for v in values]
    if all(isinstance(v, numbers.Real) for v in values):
        return sorted(values)
    return sorted(values, key=str)


def _describe_rows(mask: np.ndarray, limit: int = 5) -> str:
    rows = np.flatnonzero(mask)
    shown = ", ".join(str(r) for r in rows[:limit])
    return f"{shown}{', …' if rows.size > limit else ''}"


def _feature_matrix(table: pd.DataFrame, feature_cols: list[str]) -> np.ndarray:
    """Numeric, complete, finite float matrix of the chosen columns (named errors)."""
    columns = []
    for col in feature_cols:
        series = table[col]
        if pd.api.types.is_bool_dtype(series):
            series = series.astype(float)
        if not pd.api.types.is_numeric_dtype(series):
            numeric = pd.to_numeric(series, errors="coerce")
            bad = numeric.isna().to_numpy() & series.notna().to_numpy()
            if bad.any():
                first = int(np.flatnonzero(bad)[0])
                raise InputError(
                    "feature_not_numeric",
                    "feature column {col} is not numeric: value {value} in row {row} "
                    "(row numbers count data rows from 0)",
                    col=repr(col), value=repr(series.iloc[first]), row=str(first),
                )
            series = numeric
        values = series.to_numpy(dtype=np.float64, na_value=np.nan)
        missing = np.isnan(values)
        if missing.any():
            raise InputError(
                "feature_missing",
                "feature column {col} has {count} missing value(s) (rows {rows}); remove or fill them",
                col=repr(col), count=str(int(missing.sum())), rows=_describe_rows(missing),
            )
        if not np.all(np.isfinite(values)):
            raise InputError(
                "feature_infinite", "feature column {col} has infinite values (rows {rows})",
                col=repr(col), rows=_describe_rows(~np.isfinite(values)),
            )
        columns.append(values)
    return np.column_stack(columns)


def _check_columns(table, label_col, feature_cols) -> tuple[list, pd.Series, list]:
    """Checked (feature columns, label column, its sorted distinct values) of a table."""
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    columns = list(table.columns)
    if label_col not in columns:
        raise ValueError(f"label column {label_col!r} not found; columns are {columns[:20]}")
    if isinstance(feature_cols, str):
        feature_cols = [feature_cols]
    feature_cols = list(feature_cols)
    if not 1 <= len(feature_cols) <= MAX_FEATURES:
        raise ValueError(f"feature_cols must name 1 or 2 feature columns, got {len(feature_cols)}")
    if len(set(feature_cols)) != len(feature_cols):
        raise ValueError(f"feature_cols must be distinct, got {feature_cols}")
    for col in feature_cols:
        if col not in columns:
            raise ValueError(f"feature column {col!r} not found; columns are {columns[:20]}")
        if col == label_col:
            raise ValueError(f"feature column {col!r} is the label column; pick another feature")
    if table.shape[0] == 0:
        raise ValueError("table is empty: it has no data rows")

    labels = table[label_col]
    missing = labels.isna().to_numpy()
    if missing.any():
        raise InputError(
            "label_missing", "label column {col} has {count} missing value(s) (rows {rows}); remove those rows",
            col=repr(label_col), count=str(int(missing.sum())), rows=_describe_rows(missing),
        )
    values = _sorted_values(pd.unique(labels))
    return feature_cols, labels, values


def select_xy(
    table: pd.DataFrame,
    label_col: str,
    feature_cols,
    *,
    positive=None,
    negative=None,
    max_classes: int = MAX_CLASSES,
) -> BinaryData:
    """Pick a binary label and 1–2 numeric features from a table.

    Parameters
    ----------
    table : pandas.DataFrame
        E.g. from :func:`load_dataset` or :func:`parse_csv`.
    label_col : str
        The class column.
    feature_cols : str or sequence of str
        One or two numeric columns, other than ``label_col``.
    positive : optional
        Label value to map to 1. Required when the label has more than two
        values (then it is that class against the rest, or against
        ``negative``).
    negative : optional
        Label value to map to 0; rows with other labels are dropped. Needs
        ``positive``.
    max_classes : int, default :data:`MAX_CLASSES`
        Most distinct label values to pick the positive class from
        (:func:`check_label`).

    Returns
    -------
    BinaryData
        ``X``, ``y`` and the label mapping actually used.

    Notes
    -----
    Without ``positive``/``negative`` the label must have exactly two
    distinct values; they are sorted (numbers numerically, otherwise as
    text) and the first maps to 0, the second to 1 — so {0, 1} stays as is,
    {−1, 1} → {0, 1}, {"B", "M"} → B = 0, M = 1, {False, True} → {0, 1}.
    Missing labels or features, non-numeric or infinite features, a
    single class, or a bad column choice raise ``ValueError`` naming the
    column (and the rows, for missing values). A label with more than
    ``max_classes`` values (an ID column, a measurement) is refused by
    :func:`check_label`.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"x": [0.5, 1.5, 2.5, 3.5], "label": ["no", "yes", "no", "yes"]})
    >>> data = select_xy(table, "label", ["x"])
    >>> data.y.tolist(), data.positive, data.negative
    ([0.0, 1.0, 0.0, 1.0], 'yes', ('no',))
    """
    feature_cols, labels, values = _check_columns(table, label_col, feature_cols)
    _check_class_count(label_col, values, len(labels), max_classes)
    plain = labels.map(_plain)

    if positive is None and negative is not None:
        raise ValueError("negative needs positive: name the class to map to 1 as well")
    if positive is None:
        if len(values) == 1:
            raise InputError(
                "label_one_class", "label column {col} has only one class ({value}); both classes must be present",
                col=repr(label_col), value=repr(values[0]),
            )
        if len(values) != 2:
            shown = ", ".join(repr(v) for v in values[:10])
            raise ValueError(
                f"label column {label_col!r} must be binary: found {len(values)} distinct values "
                f"({shown}{', …' if len(values) > 10 else ''}); choose a positive class"
            )
        negative_values, positive = (values[0],), values[1]
        keep = np.ones(len(table), dtype=bool)
    else:
        positive = _plain(positive)
        if positive not in values:
            raise ValueError(f"positive class {positive!r} is not a value of label column {label_col!r}")
        if negative is None:
            negative_values = tuple(v for v in values if v != positive)
            keep = np.ones(len(table), dtype=bool)
        else:
            negative = _plain(negative)
            if negative not in values:
                raise ValueError(
                    f"negative class {negative!r} is not a value of label column {label_col!r}"
                )
            if negative == positive:
                raise InputError("same_class", "{value} is both the positive and the negative class; pick two "
                                 "different classes", value=repr(positive))
            negative_values = (negative,)
            keep = plain.isin([positive, negative]).to_numpy()
        if not negative_values:
            raise InputError(
                "label_one_class", "label column {col} has only one class ({value}); both classes must be present",
                col=repr(label_col), value=repr(positive),
            )

    sub = table.loc[keep]
    X = _feature_matrix(sub, feature_cols)
    y = (plain[keep] == positive).to_numpy(dtype=np.float64)
    return BinaryData(
        X=X,
        y=y,
        feature_names=tuple(str(c) for c in feature_cols),
        label_name=str(label_col),
        negative=tuple(negative_values),
        positive=positive,
    )


@dataclass(frozen=True, slots=True)
class ClassData:
    """Features and integer class labels chosen from a table by :func:`select_classes`.

    Attributes
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,)
        Labels 0 … K−1 (as floats), class ``j`` being ``classes[j]``.
    classes : tuple
        The label values in :func:`class_values` order.
    feature_names : tuple of str
    label_name : str
    """

    X: np.ndarray
    y: np.ndarray
    classes: tuple
    feature_names: tuple[str, ...]
    label_name: str


def select_classes(table: pd.DataFrame, label_col: str, feature_cols, *, max_classes: int = MAX_CLASSES) -> ClassData:
    """Pick a K-class label and 1–2 numeric features from a table (K = 2 … ``max_classes``).

    Parameters
    ----------
    table : pandas.DataFrame
    label_col : str
    feature_cols : str or sequence of str
        One or two numeric columns other than ``label_col``.
    max_classes : int, default :data:`MAX_CLASSES`

    Returns
    -------
    ClassData

    Notes
    -----
    The label's distinct values, ordered as :func:`class_values` orders them,
    map to 0 … K−1. The column checks (and their messages) are those of
    :func:`select_xy`; a label with one class or more than ``max_classes``
    classes (e.g. a numeric column picked as the label by mistake) is refused.

    Examples
    --------
    >>> table = pd.DataFrame({"x": [0.5, 1.5, 2.5], "kind": ["b", "a", "b"]})
    >>> data = select_classes(table, "kind", ["x"])
    >>> data.classes, data.y.tolist()
    (('a', 'b'), [1.0, 0.0, 1.0])
    """
    feature_cols, labels, values = _check_columns(table, label_col, feature_cols)
    if len(values) == 1:
        raise InputError(
            "label_single_class", "label column {col} has only one class ({value}); a classifier needs at least two",
            col=repr(label_col), value=repr(values[0]),
        )
    _check_class_count(label_col, values, len(labels), max_classes)
    X = _feature_matrix(table, feature_cols)
    index = {v: j for j, v in enumerate(values)}
    y = labels.map(_plain).map(index).to_numpy(dtype=np.float64)
    return ClassData(X=X, y=y, classes=tuple(values), feature_names=tuple(str(c) for c in feature_cols),
                     label_name=str(label_col))


def _check_class_count(label_col, values: list, rows: int, max_classes) -> None:
    """Refuse a label with more than ``max_classes`` distinct values, saying when it looks like an ID."""
    max_classes = check_int(max_classes, "max_classes", lo=2)
    if len(values) <= max_classes:
        return
    if len(values) >= ID_SHARE * rows:
        raise InputError(
            "label_is_id",
            "label column {col} has {count} different values in {rows} rows: nearly every row has its own value, "
            "like an ID column (or a measurement); a class label repeats a few values (at most {limit} classes), "
            "so pick the column that holds the classes",
            col=repr(label_col), count=f"{len(values):,}", rows=f"{rows:,}", limit=str(max_classes),
        )
    raise InputError(
        "too_many_classes", "label column {col} has {count} classes; at most {limit} are supported",
        col=repr(label_col), count=f"{len(values):,}", limit=str(max_classes),
    )


def check_label(table: pd.DataFrame, label_col: str, *, max_classes: int = MAX_CLASSES) -> list:
    """The classes of a label column, refusing a column that cannot be a class label.

    Parameters
    ----------
    table : pandas.DataFrame
    label_col : str
        A column of ``table``.
    max_classes : int, default :data:`MAX_CLASSES`

    Returns
    -------
    list
        The distinct values in :func:`class_values` order (what a page offers
        as the positive class).

    Notes
    -----
    More than ``max_classes`` distinct values raise ``InputError``:
    ``label_is_id`` when the values differ in at least :data:`ID_SHARE` of
    the rows (an ID column, or a measurement: not a class label), else
    ``too_many_classes``. Missing labels are not counted here
    (:func:`select_xy` names them).

    Examples
    --------
    >>> table = pd.DataFrame({"id": [f"item{i}" for i in range(60)], "x": range(60)})
    >>> check_label(table, "id")
    Traceback (most recent call last):
    ...
    estimation._validation.InputError: label column 'id' has 60 different values in 60 rows: nearly every row has its own value, like an ID column (or a measurement); a class label repeats a few values (at most 10 classes), so pick the column that holds the classes
    """
    values = class_values(table, label_col)
    _check_class_count(label_col, values, int(table[label_col].notna().sum()), max_classes)
    return values


def class_values(table: pd.DataFrame, label_col: str) -> list:
    """The distinct non-missing values of a label column, in :func:`select_xy`'s order.

    Parameters
    ----------
    table : pandas.DataFrame
    label_col : str
        A column of ``table``.

    Returns
    -------
    list
        Python scalars, numbers in numeric order, anything else sorted by its
        text, so that a page can offer them as the positive class.

    Examples
    --------
    >>> class_values(load_dataset("iris"), "species")
    ['setosa', 'versicolor', 'virginica']
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if label_col not in table.columns:
        raise ValueError(f"label column {label_col!r} not found; columns are {list(table.columns)[:20]}")
    return _sorted_values(pd.unique(table[label_col].dropna()))


def suggest_columns(table: pd.DataFrame) -> tuple[str, list[str]]:
    """A first guess of the label column and up to two feature columns of an uploaded table.

    Parameters
    ----------
    table : pandas.DataFrame
        At least two columns (as :func:`parse_csv` guarantees).

    Returns
    -------
    label : str
        The column with the fewest distinct values among the first 2,000
        rows (ties: the last such column), e.g. ``species`` or ``y``.
    features : list of str
        The first one or two numeric columns other than ``label``; if there
        is none, the first other column (then :func:`select_xy` names the
        problem).

    Notes
    -----
    Only a starting point for the page's pickers: the user can change both.

    Examples
    --------
    >>> suggest_columns(load_dataset("iris"))
    ('species', ['sepal_length', 'sepal_width'])
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if table.shape[1] < 2:
        raise ValueError(f"table must have at least 2 columns (a label and a feature), got {table.shape[1]}")
    head = table.head(2000)  # a guess: counting every row of a 50 MB upload is not worth it
    counts = [int(head[c].nunique()) for c in table.columns]
    label_pos = len(counts) - 1 - int(np.argmin(counts[::-1]))
    label = table.columns[label_pos]
    others = [c for c in table.columns if c != label]
    numeric = [c for c in others if pd.api.types.is_numeric_dtype(table[c])
               and not pd.api.types.is_bool_dtype(table[c])]
    features = numeric[:MAX_FEATURES] or others[:1]
    return str(label), [str(c) for c in features]


@dataclass(frozen=True, slots=True)
class TextColumn:
    """A column that is not numeric, so cannot be a feature (:func:`text_columns`).

    Attributes
    ----------
    name : str
    value : str
        Its first value that is not a number, ``repr``-quoted for display.
    row : int
        That value's data row (from 0).
    """

    name: str
    value: str
    row: int


def text_columns(table: pd.DataFrame) -> tuple[TextColumn, ...]:
    """The columns of a table that hold something other than numbers, with the first such value.

    Parameters
    ----------
    table : pandas.DataFrame

    Returns
    -------
    tuple of TextColumn
        In column order. A column counts as numeric when it has a numeric
        or boolean dtype, or when every non-missing value converts with
        ``pandas.to_numeric`` (the test :func:`select_xy` applies to
        features); missing values alone do not make a column text.

    Examples
    --------
    >>> table = pd.DataFrame({"name": ["ann", "bo"], "x": [1.5, 2.0], "code": ["7", "n/a"]})
    >>> [(c.name, c.value, c.row) for c in text_columns(table)]
    [('name', "'ann'", 0), ('code', "'n/a'", 1)]
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    found = []
    for col in table.columns:
        series = table[col]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            continue
        bad = pd.to_numeric(series, errors="coerce").isna().to_numpy() & series.notna().to_numpy()
        if bad.any():
            first = int(np.flatnonzero(bad)[0])
            found.append(TextColumn(str(col), repr(_plain(series.iloc[first])), first))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class UploadColumns:
    """An uploaded table's columns, which of them are text, and a first guess of the label and features.

    Attributes
    ----------
    columns : tuple of str
        Every column, in file order (any can be the label).
    label : str
        The guessed label (:func:`suggest_columns`).
    features : tuple of str
        The guessed features.
    text : tuple of TextColumn
        The columns that are not numeric (:func:`text_columns`): never offered as features.
    separator, decimal : str
        How the file was read (:func:`parse_csv`).
    """

    columns: tuple[str, ...]
    label: str
    features: tuple[str, ...]
    text: tuple[TextColumn, ...]
    separator: str = ","
    decimal: str = "."

    def others(self, label: str) -> list[str]:
        """The columns offered as features when ``label`` is the class column: the numeric others.

        Raises ``InputError`` (``no_numeric_feature``) when there is none, naming the text columns.
        """
        text = {c.name for c in self.text}
        options = [c for c in self.columns if c != label and c not in text]
        if not options:
            names = [repr(c.name) for c in self.left_out(label)]
            raise InputError(
                "no_numeric_feature",
                "no column other than the label {col} holds numbers ({columns}: text); a feature must be numeric",
                col=repr(label), columns=", ".join(names[:10]) + (", …" if len(names) > 10 else ""),
            )
        return options

    def left_out(self, label: str) -> tuple[TextColumn, ...]:
        """The text columns other than ``label``: what the feature picker leaves out, and why."""
        return tuple(c for c in self.text if c.name != label)

    def default_features(self, label: str, count: int = 2) -> list[str]:
        """Feature columns to start with: the guessed ones still offered, then the next others."""
        options = self.others(label)
        guess = [c for c in self.features if c in options]
        return (guess + [c for c in options if c not in guess])[:count]


def upload_columns(raw: bytes) -> UploadColumns:
    """Parse an upload (:func:`parse_csv`, translated errors) and describe its columns.

    Examples
    --------
    >>> found = upload_columns("id;height;kind\\nitem1;1,5;a\\nitem2;2,5;b\\nitem3;3;a\\n".encode())
    >>> found.label, found.others(found.label), [c.name for c in found.left_out(found.label)]
    ('kind', ['height'], ['id'])
    """
    table = parse_csv(raw)
    label, features = suggest_columns(table)
    return UploadColumns(tuple(str(c) for c in table.columns), label, tuple(features), text_columns(table),
                         table.attrs["separator"], table.attrs["decimal"])


def label_counts(y) -> tuple[int, int]:
    """Return ``(N, ones)``: the number of 0/1 labels and how many of them are 1.

    Parameters
    ----------
    y : array_like of shape (n_samples,)
        Labels, each exactly 0 or 1 (as :func:`make_gaussian_classes` and
        :func:`select_xy` return them).

    Returns
    -------
    (int, int)

    Notes
    -----
    N = len(y), ones = Σᵢ yᵢ.
    """
    y = as_finite_array(y, "y", ndim=1)
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("y must contain only the labels 0 and 1")
    return int(y.size), int(np.count_nonzero(y))
