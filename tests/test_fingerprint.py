"""The chart cache's content digest: equal content, equal key; any change, another key."""

import dataclasses

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lab.fingerprint import fingerprint


@dataclasses.dataclass(frozen=True)
class View:
    x: np.ndarray
    label: str
    extra: dict


_LEAF = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
                  hnp.arrays(st.sampled_from([np.float64, np.int64]), hnp.array_shapes(max_dims=2, max_side=4)))
_TREE = st.recursive(_LEAF, lambda kids: st.one_of(st.lists(kids, max_size=3), st.tuples(kids, kids),
                                                   st.dictionaries(st.text(max_size=3), kids, max_size=3)),
                     max_leaves=12)


def _copy(obj):
    if isinstance(obj, np.ndarray):
        return obj.copy()
    if isinstance(obj, (list, tuple)):
        return type(obj)(_copy(v) for v in obj)
    if isinstance(obj, dict):
        return {k: _copy(v) for k, v in obj.items()}
    return obj


@given(_TREE)
def test_equal_content_gives_the_same_digest(obj):
    assert fingerprint(obj) == fingerprint(_copy(obj))


@given(_TREE, _TREE)
def test_different_content_gives_different_digests(a, b):
    # Python equality is the reference; NaN-free leaves, so == is reflexive. 1 == 1.0 == True, but their
    # types differ, and the digest keeps them apart (a chart may format them differently).
    same = fingerprint(a) == fingerprint(b)
    if not same:
        return
    assert repr(a) == repr(b) or np.array_equal(np.asarray(a, dtype=object), np.asarray(b, dtype=object))


def test_types_shapes_order_and_fields_all_count():
    values = [(1,), [1], 1, 1.0, True, np.float64(1.0), "1", b"1", None,
              np.zeros((2, 3)), np.zeros((3, 2)), np.zeros(6), np.zeros(6, dtype=np.int64),
              {"a": 1, "b": 2}, {"b": 2, "a": 1}, ("ab", "c"), ("a", "bc"),
              View(np.arange(3.0), "L", {}), View(np.arange(3.0), "M", {}), View(np.arange(4.0), "L", {})]
    digests = [fingerprint(v) for v in values]
    assert len(set(digests)) == len(values)


def test_unknown_objects_are_hashed_by_value():
    assert fingerprint({1, 2}) == fingerprint({2, 1})
    assert fingerprint(range(3)) != fingerprint(range(4))
    view = View(np.linspace(0, 1, 5), "a", {"k": (1, 2)})
    assert fingerprint(view) == fingerprint(dataclasses.replace(view, x=np.linspace(0, 1, 5)))
    assert fingerprint(view) != fingerprint(dataclasses.replace(view, x=np.linspace(0, 1, 5) + 1e-12))
