"""Tests for estimation.datasets: synthetic classes, bundled tables, CSV upload.

Oracles: the class-size formula, sampling moments with their standard
errors, scikit-learn's bundled copies of iris and breast cancer, and
hand-built tables with known problems.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.datasets import load_breast_cancer, load_iris

from estimation import datasets as D
from estimation._validation import InputError
from estimation.separation import is_linearly_separable


# ---------------------------------------------------------------------------
# Synthetic classes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n, balance, d", [(200, 0.5, 2), (101, 0.3, 1), (10, 0.8, 2)])
def test_gaussian_classes_shapes_and_counts(n, balance, d):
    X, y = D.make_gaussian_classes(n, n_features=d, balance=balance, seed=1)
    assert X.shape == (n, d) and y.shape == (n,)
    assert set(np.unique(y)) == {0.0, 1.0}
    assert y.sum() == round(balance * n)


def test_gaussian_classes_are_reproducible_and_shuffled():
    a = D.make_gaussian_classes(100, seed=3)
    b = D.make_gaussian_classes(100, seed=3)
    c = D.make_gaussian_classes(100, seed=4)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])
    assert 0 < a[1][:50].sum() < 50  # rows are not sorted by class


def test_gaussian_classes_moments():
    n, sep, rho = 200_000, 3.0, 0.6
    X, y = D.make_gaussian_classes(n, separation=sep, correlation=rho, seed=5)
    u = np.ones(2) / np.sqrt(2)
    se = 1 / np.sqrt(n / 2)  # standard error of a class mean (unit variance)
    for k, sign in ((0, -1), (1, 1)):
        Xk = X[y == k]
        assert np.allclose(Xk.mean(0), sign * sep / 2 * u, atol=5 * se)
        # sample correlation: standard error ≈ (1 − ρ²)/√n_k
        assert np.corrcoef(Xk.T)[0, 1] == pytest.approx(rho, abs=5 * (1 - rho**2) * se)
        assert np.allclose(Xk.std(0), 1.0, atol=5 * se)


def test_large_separation_is_separable_and_zero_is_not():
    X, y = D.make_gaussian_classes(200, separation=20.0, seed=0)
    assert is_linearly_separable(X, y)
    X, y = D.make_gaussian_classes(200, separation=0.0, seed=0)
    assert not is_linearly_separable(X, y)


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"n": 1}, "n"),
        ({"n": 10**7}, "n"),
        ({"n_features": 3}, "n_features"),
        ({"separation": -1.0}, "separation"),
        ({"balance": 0.0}, "balance"),
        ({"balance": 1.0}, "balance"),
        ({"n": 10, "balance": 0.01}, "balance"),
        ({"correlation": 1.0}, "correlation"),
        ({"n_features": 1, "correlation": 0.5}, "correlation"),
        ({"seed": -3}, "seed"),
    ],
)
def test_gaussian_classes_bad_arguments(kwargs, word):
    with pytest.raises(ValueError, match=word):
        D.make_gaussian_classes(**kwargs)


# ---------------------------------------------------------------------------
# Bundled data
# ---------------------------------------------------------------------------


def test_iris_matches_scikit_learn():
    table = D.load_dataset("iris")
    spec = D.DATASETS["iris"]
    assert list(table.columns) == [*spec.features, spec.label]
    ref = load_iris()
    assert np.array_equal(table[list(spec.features)].to_numpy(), ref.data)
    assert list(table[spec.label]) == [ref.target_names[t] for t in ref.target]
    assert table[spec.label].value_counts().to_dict() == {c: 50 for c in spec.classes}


def test_breast_cancer_matches_scikit_learn():
    table = D.load_dataset("breast_cancer")
    spec = D.DATASETS["breast_cancer"]
    ref = load_breast_cancer()
    assert np.array_equal(table[list(spec.features)].to_numpy(), ref.data[:, :10])
    # scikit-learn codes 0 = malignant, 1 = benign
    assert np.array_equal(table[spec.label].to_numpy() == "M", ref.target == 0)
    assert set(table[spec.label]) == set(spec.classes)


def test_load_dataset_returns_a_copy_and_rejects_unknown_names():
    a = D.load_dataset("iris")
    a.iloc[0, 0] = -99.0
    assert D.load_dataset("iris").iloc[0, 0] == 5.1
    with pytest.raises(ValueError, match="name"):
        D.load_dataset("titanic")


def test_iris_demo_pairs():
    iris = D.load_dataset("iris")
    setosa = D.select_xy(iris, "species", ["petal_length"], positive="setosa")
    assert setosa.mapping == {"versicolor": 0, "virginica": 0, "setosa": 1}
    assert setosa.X.shape == (150, 1) and setosa.y.sum() == 50
    assert is_linearly_separable(setosa.X, setosa.y)
    pair = D.select_xy(
        iris, "species", ["petal_length", "petal_width"], positive="virginica", negative="versicolor"
    )
    assert pair.X.shape == (100, 2) and pair.y.sum() == 50
    assert pair.mapping == {"versicolor": 0, "virginica": 1}
    assert not is_linearly_separable(pair.X, pair.y)


# ---------------------------------------------------------------------------
# select_xy
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "labels, negative, positive",
    [
        (["M", "B", "B", "M"], "B", "M"),
        ([1, -1, -1, 1], -1, 1),
        ([1.0, 0.0, 0.0, 1.0], 0.0, 1.0),
        ([True, False, False, True], False, True),
        (["yes", "no", "no", "yes"], "no", "yes"),
    ],
)
def test_binary_labels_are_mapped_in_sorted_order(labels, negative, positive):
    table = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "label": labels})
    data = D.select_xy(table, "label", "x")
    assert data.negative == (negative,) and data.positive == positive
    assert np.array_equal(data.y, [1.0, 0.0, 0.0, 1.0])
    assert data.feature_names == ("x",) and data.label_name == "label"
    assert np.array_equal(data.X, [[1.0], [2.0], [3.0], [4.0]])
    flipped = D.select_xy(table, "label", "x", positive=negative)
    assert np.array_equal(flipped.y, [0.0, 1.0, 1.0, 0.0])


def test_numeric_strings_and_bools_are_accepted_as_features():
    table = pd.DataFrame({"a": ["1.5", "2", "3e0"], "b": [True, False, True], "c": [0, 1, 1]})
    data = D.select_xy(table, "c", ["a", "b"])
    assert np.array_equal(data.X, [[1.5, 1.0], [2.0, 0.0], [3.0, 1.0]])


_T = pd.DataFrame(
    {
        "f1": [1.0, 2.0, np.nan, 4.0, np.nan],
        "f2": [1.0, 2.0, 3.0, 4.0, 5.0],
        "txt": ["a", "1", "b", "2", "3"],
        "big": [1.0, np.inf, 0.0, 0.0, 0.0],
        "y2": [0, 1, 0, 1, 1],
        "y3": ["a", "b", "c", "a", "b"],
        "y1": ["k", "k", "k", "k", "k"],
        "ymiss": [0, 1, None, 1, 0],
    }
)


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"label_col": "y2", "feature_cols": ["f1"]}, ["'f1'", "2 missing", "rows 2, 4"]),
        ({"label_col": "y2", "feature_cols": ["txt"]}, ["'txt'", "not numeric", "'a'"]),
        ({"label_col": "y2", "feature_cols": ["big"]}, ["'big'", "infinite"]),
        ({"label_col": "y3", "feature_cols": ["f2"]}, ["binary", "3 distinct"]),
        ({"label_col": "y1", "feature_cols": ["f2"]}, ["only one class", "both classes"]),
        ({"label_col": "y1", "feature_cols": ["f2"], "positive": "k"}, ["only one class"]),
        ({"label_col": "ymiss", "feature_cols": ["f2"]}, ["'ymiss'", "1 missing", "rows 2"]),
        ({"label_col": "nope", "feature_cols": ["f2"]}, ["label column", "not found"]),
        ({"label_col": "y2", "feature_cols": ["nope"]}, ["'nope'", "not found"]),
        ({"label_col": "y2", "feature_cols": []}, ["1 or 2"]),
        ({"label_col": "y2", "feature_cols": ["f2", "f1", "big"]}, ["1 or 2"]),
        ({"label_col": "y2", "feature_cols": ["f2", "f2"]}, ["distinct"]),
        ({"label_col": "y2", "feature_cols": ["y2"]}, ["label column"]),
        ({"label_col": "y3", "feature_cols": ["f2"], "positive": "z"}, ["positive", "'z'"]),
        ({"label_col": "y3", "feature_cols": ["f2"], "positive": "a", "negative": "z"}, ["negative"]),
        ({"label_col": "y3", "feature_cols": ["f2"], "positive": "a", "negative": "a"}, ["different"]),
        ({"label_col": "y3", "feature_cols": ["f2"], "negative": "a"}, ["positive"]),
    ],
)
def test_select_xy_errors_name_the_problem(kwargs, words):
    with pytest.raises(ValueError) as info:
        D.select_xy(_T, **kwargs)
    for word in words:
        assert word in str(info.value)


def test_select_xy_rejects_non_tables_and_empty_tables():
    with pytest.raises(ValueError, match="DataFrame"):
        D.select_xy(np.zeros((3, 2)), "a", ["b"])
    with pytest.raises(ValueError, match="empty"):
        D.select_xy(pd.DataFrame({"x": [], "y": []}), "y", ["x"])


def test_one_vs_rest_and_pairs_filter_rows():
    data = D.select_xy(_T, "y3", ["f2"], positive="a")
    assert data.negative == ("b", "c") and np.array_equal(data.y, [1, 0, 0, 1, 0])
    pair = D.select_xy(_T, "y3", ["f2"], positive="a", negative="b")
    assert np.array_equal(pair.X[:, 0], [1.0, 2.0, 4.0, 5.0]) and np.array_equal(pair.y, [1, 0, 1, 0])


# ---------------------------------------------------------------------------
# parse_csv
# ---------------------------------------------------------------------------


def test_parse_utf8_with_and_without_bom():
    raw = "x,y,label\n1,2.5,a\n3,4,b\n".encode()
    for data in (raw, b"\xef\xbb\xbf" + raw, bytearray(raw), memoryview(raw)):
        table = D.parse_csv(data)
        assert list(table.columns) == ["x", "y", "label"]
        assert table["y"].tolist() == [2.5, 4.0]
        assert table.attrs["encoding"] == "utf-8-sig"


def test_parse_shift_jis_from_excel():
    raw = "身長,体重,ラベル\n170,60,男\n160,50,女\n".encode("cp932")
    table = D.parse_csv(raw)
    assert list(table.columns) == ["身長", "体重", "ラベル"]
    assert table.attrs["encoding"] == "cp932"
    data = D.select_xy(table, "ラベル", ["身長"])
    assert data.mapping == {"女": 0, "男": 1}


def test_parse_old_mac_line_endings():
    table = D.parse_csv(b"a,b\r1,2\r3,4\r")
    assert table.shape == (2, 2) and table["b"].tolist() == [2, 4]


def test_parse_rows_with_fewer_fields_become_missing_values():
    table = D.parse_csv(b"a,b,c\n1,2,3\n4,5\n")
    with pytest.raises(ValueError, match="1 missing"):
        D.select_xy(table, "a", ["c"])


@pytest.mark.parametrize(
    "raw, word",
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"a,b\n", "no data rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text"),
        (b"\xff\xfea\x00,\x00b\x00", "UTF-16"),
        (b"a,b\n\x81\xff,\xfe\xfd\n", "decode"),
        (b"a,b\n1,2\n1,2,3,4\n", "line 3 has 4 fields but the header has 2"),
        (b"a,b\n1,2,3\n", "line 2 has 3 fields"),  # one extra field: pandas would drop it silently
        (b"abc\n1\n", "only 1 column"),
        (",".join(["c"] * 10**6).encode() + b"\n" + b"1\n", "too many columns"),
        (b"a,b\n" + b"0,1\n" * 200_001, "too many rows"),
    ],
)
def test_parse_csv_errors_name_the_problem(raw, word):
    with pytest.raises(ValueError, match=word):
        D.parse_csv(raw)


# Issue 16: a semicolon file with decimal commas showed pandas' "Length of header or names does not match …".
def test_semicolon_file_with_decimal_commas_from_excel(tmp_path):
    path = tmp_path / "excel_de.csv"
    path.write_text("Länge;Breite;Art\n1,5;-0,25;a\n2;3,125;b\n1e3;0,5;a\n", encoding="utf-8")
    table = D.parse_csv(path.read_bytes())
    assert list(table.columns) == ["Länge", "Breite", "Art"]
    assert table["Länge"].tolist() == [1.5, 2.0, 1000.0] and table["Breite"].tolist() == [-0.25, 3.125, 0.5]
    assert (table.attrs["separator"], table.attrs["decimal"]) == (";", ",")
    assert D.select_xy(table, "Art", ["Länge", "Breite"]).X.tolist() == [[1.5, -0.25], [2.0, 3.125], [1000.0, 0.5]]


def test_semicolon_file_with_decimal_points_and_shift_jis(tmp_path):
    path = tmp_path / "excel_ja.csv"
    path.write_text("身長;体重;ラベル\n170.5;60;男\n160;50.25;女\n", encoding="cp932")
    table = D.parse_csv(path.read_bytes())
    assert table["身長"].tolist() == [170.5, 160.0] and table["体重"].tolist() == [60.0, 50.25]
    assert (table.attrs["separator"], table.attrs["decimal"], table.attrs["encoding"]) == (";", ".", "cp932")


def test_tab_separated_file(tmp_path):
    path = tmp_path / "data.tsv"
    path.write_bytes(b"x\ty\tlabel\r\n0.5\t1\tu\r\n1.5\t2\tv\r\n")
    table = D.parse_csv(path.read_bytes())
    assert list(table.columns) == ["x", "y", "label"] and table["x"].tolist() == [0.5, 1.5]
    assert table.attrs["separator"] == "\t"
    path.write_bytes(b"x\ty\tlabel\n0,5\t1\tu\n1,5\t2\tv\n")  # tabs with decimal commas
    assert D.parse_csv(path.read_bytes())["x"].tolist() == [0.5, 1.5]


def test_quoted_fields_keep_their_separators_and_line_breaks(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('"name, full";"x";"label"\n"Smith; J, Jr";"1,5";"a"\n"Doe\nK";"2";"b"\n', encoding="utf-8")
    table = D.parse_csv(path.read_bytes())  # semicolons outside quotes; commas and ; inside them
    assert list(table.columns) == ["name, full", "x", "label"]
    assert table["name, full"].tolist() == ["Smith; J, Jr", "Doe\nK"] and table["x"].tolist() == [1.5, 2.0]
    path.write_text('a,"b, c",label\n1,"2,5",x\n3,4,y\n', encoding="utf-8")  # a comma file: "2,5" is text
    table = D.parse_csv(path.read_bytes())
    assert list(table.columns) == ["a", "b, c", "label"] and table["b, c"].tolist() == ["2,5", "4"]
    assert table.attrs["separator"] == ","


def test_header_separator_wins_ties_for_the_comma():
    assert D.parse_csv(b"a;b,c\n1;2,3\n").columns.tolist() == ["a;b", "c"]  # two fields either way: commas
    assert D.parse_csv(b"a;b;c\n1;2;3\n").shape == (1, 3)


def test_unquoted_decimal_comma_in_a_comma_file_names_the_line():
    with pytest.raises(InputError) as err:
        D.parse_csv("x,label\n1,5,a\n2,b\n".encode())
    assert err.value.key == "file_ragged"
    assert err.value.fields == {"line": "2", "count": "3", "expected": "2"}
    assert "Length of header" not in str(err.value)


def test_parse_csv_checks_the_size_before_parsing():
    raw = b"a" * (D.MAX_UPLOAD_BYTES + 1)  # would decode and parse fine otherwise
    with pytest.raises(ValueError, match="too large"):
        D.parse_csv(raw)
    with pytest.raises(ValueError, match="too large"):
        D.parse_csv(b"a,b\n1,2\n", max_bytes=4)
    assert D.parse_csv(b"a,b\n1,2\n", max_rows=1).shape == (1, 2)
    with pytest.raises(ValueError, match="too many rows"):
        D.parse_csv(b"a,b\n1,2\n3,4\n", max_rows=1)


def test_parse_csv_rejects_non_bytes():
    with pytest.raises(ValueError, match="bytes"):
        D.parse_csv("a,b\n1,2\n")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parse_csv_garbage_bytes_only_raise_value_error(raw):
    try:
        table = D.parse_csv(raw)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(table, pd.DataFrame) and table.shape[0] >= 1 and table.shape[1] >= 2


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab1.,;"\n\r\t -e\u3042')), max_size=200))
def test_parse_csv_csv_like_text_only_raises_value_error(text):
    try:
        table = D.parse_csv(text.encode())
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(table, pd.DataFrame) and table.shape[1] >= 2


# ---------------------------------------------------------------------------
# Column helpers for uploads
# ---------------------------------------------------------------------------

_IDS = pd.DataFrame({"id": [f"item{i}" for i in range(60)], "x": np.arange(60.0) % 7,
                     "y": [0, 1, 1] * 20, "kind": [f"k{i % 12}" for i in range(60)]})


# Issue 16: a text ID column (60 unique values) could be the label: "Positive class = item9 … 1 of them with y = 1".
def test_an_id_column_is_refused_as_the_label_saying_why():
    for refuse in (lambda: D.check_label(_IDS, "id"), lambda: D.select_xy(_IDS, "id", ["x"], positive="item9"),
                   lambda: D.select_classes(_IDS, "id", ["x"])):
        with pytest.raises(InputError) as err:
            refuse()
        assert err.value.key == "label_is_id"
        assert err.value.fields == {"col": "'id'", "count": "60", "rows": "60", "limit": str(D.MAX_CLASSES)}
        assert "ID column" in str(err.value)
    with pytest.raises(InputError) as err:  # 12 classes repeating in 60 rows: too many, but not an ID
        D.check_label(_IDS, "kind")
    assert err.value.key == "too_many_classes" and err.value.fields["count"] == "12"
    with pytest.raises(InputError, match="has 7 classes; at most 2"):
        D.check_label(_IDS, "x", max_classes=2)  # 7 values in 60 rows are not an ID either
    assert D.check_label(_IDS, "y") == [0, 1]
    small = pd.DataFrame({"b": [1, 2, 3, 4, 5, 6]})  # a small table's distinct values stay a choice
    assert D.check_label(small, "b") == [1, 2, 3, 4, 5, 6]
    assert D.select_xy(_IDS, "kind", ["x"], positive="k3", max_classes=12).positive == "k3"


def test_text_columns_are_named_with_their_first_text_value():
    table = pd.DataFrame({"name": ["ann", "bo"], "x": [1.5, 2.0], "code": ["7", "n/a"], "m": [None, "3"],
                          "b": [True, False]})
    found = D.text_columns(table)
    assert [(c.name, c.value, c.row) for c in found] == [("name", "'ann'", 0), ("code", "'n/a'", 1)]


# Issue 16: text columns silently vanished from the feature list.
def test_upload_columns_offer_numeric_features_and_name_the_rest():
    raw = "id,height,city,label\nitem1,1.5,Tokyo,a\nitem2,2.5,Osaka,b\nitem3,3,Kyoto,a\n".encode()
    found = D.upload_columns(raw)
    assert found.label == "label" and found.others("label") == ["height"]
    assert [(c.name, c.value, c.row) for c in found.left_out("label")] == [("id", "'item1'", 0),
                                                                          ("city", "'Tokyo'", 0)]
    assert found.default_features("label") == ["height"]
    assert [c.name for c in found.left_out("id")] == ["city", "label"]
    with pytest.raises(InputError) as err:
        D.upload_columns(b"x,label\nfoo,a\nbar,b\n").others("label")
    assert err.value.key == "no_numeric_feature" and err.value.fields == {"col": "'label'", "columns": "'x'"}



def test_class_values_are_sorted_like_select_xy_and_skip_missing():
    table = pd.DataFrame({"x": range(6), "num": [10, 2, None, 2, 1, 10], "txt": ["b", "a", "c", None, "a", "b"]})
    assert D.class_values(table, "num") == [1.0, 2.0, 10.0]
    assert D.class_values(table, "txt") == ["a", "b", "c"]
    iris = D.load_dataset("iris")
    assert D.class_values(iris, "species") == list(D.DATASETS["iris"].classes)
    data = D.select_xy(iris, "species", "sepal_length", positive=D.class_values(iris, "species")[-1])
    assert data.positive == "virginica"


def test_suggest_columns_picks_the_fewest_distinct_values_and_numeric_features():
    table = pd.DataFrame({"id": ["a", "b", "c", "d"], "f1": [1.0, 2.0, 3.0, 4.0], "f2": [4, 3, 2, 1],
                          "f3": [0.5, 0.1, 0.2, 0.3], "label": ["x", "y", "x", "y"]})
    assert D.suggest_columns(table) == ("label", ["f1", "f2"])
    assert D.suggest_columns(D.load_dataset("breast_cancer")) == ("diagnosis", ["radius", "texture"])
    assert D.suggest_columns(pd.DataFrame({"y": [0, 1, 0], "t": ["p", "q", "r"]})) == ("y", ["t"])
    # ties go to the last column
    assert D.suggest_columns(pd.DataFrame({"a": [0, 1], "b": [1, 0]})) == ("b", ["a"])


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda: D.class_values([1, 2], "x"), "DataFrame"),
        (lambda: D.class_values(pd.DataFrame({"a": [1]}), "b"), "not found"),
        (lambda: D.suggest_columns("a,b"), "DataFrame"),
        (lambda: D.suggest_columns(pd.DataFrame({"a": [1, 2]})), "at least 2 columns"),
    ],
)
def test_column_helpers_reject_bad_input(call, word):
    with pytest.raises(ValueError, match=word):
        call()
