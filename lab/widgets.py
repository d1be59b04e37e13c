"""Widgets bound to URL parameters: the value comes from session state, goes back to the URL.

:class:`Widgets` is a part of :class:`lab.shell.Shell`; each method takes a
parameter spec (:mod:`lab.params`) and the widget's label, creates the widget
with only a ``key`` and mirrors its value in the URL (:mod:`lab.urlstate`).
``where`` places the widget in a column or the sidebar.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Callable

import streamlit as st

from lab import params as P
from lab.urlstate import state_key, sync_from_url, sync_to_url


def rows_of(items: Sequence[Any], per_row: int) -> Iterator[tuple[Any, Any]]:
    """Each item with the column it goes in: ``per_row`` columns a row (``st.columns``), a new row as needed."""
    for start in range(0, len(items), per_row):
        yield from zip(st.columns(per_row), items[start:start + per_row])


class Widgets:
    """The bound widget methods of the page shell (needs ``self.page``)."""

    def _bound(self, spec: P.Param, make: Callable[..., Any], where=None, **kwargs) -> Any:
        key = state_key(self.page.id, spec)
        if key not in st.session_state:  # re-appearing widget: reload from URL
            sync_from_url(self.page.id, [spec])
        value = make(where or st, key=key, **kwargs)
        sync_to_url(spec, value)
        return value

    def narrow(self, spec: P.ChoiceParam, choices) -> tuple[P.ChoiceParam, bool]:
        """``spec`` offering only ``choices`` (same URL name and default), and whether its value had to be reset.

        For a choice that only some settings allow (the Likelihood page's
        surface needs two parameters): a current value outside ``choices``
        falls back to the default, and the page says why.
        """
        narrowed = dataclasses.replace(spec, choices=tuple(choices))
        key = state_key(self.page.id, spec)
        reset = key in st.session_state and st.session_state[key] not in narrowed.choices
        if reset:
            st.session_state[key] = spec.default
        return narrowed, reset

    def limit(self, spec: P.IntParam | P.FloatParam, hi: Any) -> P.Limited:
        """Bound ``spec``'s widget above by ``hi``, another setting's value, before drawing it (e.g. t ≤ n).

        The current value (session state, or the URL on arrival) is kept while
        it fits and clamped to ``hi`` only when it does not
        (:func:`lab.params.limit`); ``asked`` then tells the page what was
        asked for. Draw the widget with the returned ``spec``. The value is
        written back to session state because Streamlit counts a slider whose
        bounds changed as a new widget, which would start again at its lowest
        value (issue 16: t = 3 became 0 when n went from 10 to 20).
        """
        key = state_key(self.page.id, spec)
        if key not in st.session_state:
            sync_from_url(self.page.id, [spec])
        limited = P.limit(spec, st.session_state[key], hi)
        st.session_state[key] = limited.value
        return limited

    def slider(self, spec: P.IntParam | P.FloatParam, label: str, *, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.slider(label, min_value=spec.lo, max_value=spec.hi, step=spec.step, **k),
            where, **kw,
        )

    def number(self, spec: P.IntParam | P.FloatParam, label: str, *, where=None, reads_exponents: bool = True,
               **kw) -> Any:
        """A number box. A whole-number parameter gets a float box showing no decimals (see :meth:`_whole`).

        ``reads_exponents=False`` keeps Streamlit's integer box, for a parameter whose session-state
        value other code reads as an int before the box is drawn (the sidebar's seed).
        """
        if isinstance(spec, P.IntParam) and reads_exponents:
            return self._whole(spec, label, where, **kw)
        extra = {"format": spec.fmt} if isinstance(spec, P.FloatParam) else {}
        return self._bound(
            spec,
            lambda w, **k: w.number_input(label, min_value=spec.lo, max_value=spec.hi, step=spec.step, **extra, **k),
            where, **kw,
        )

    def _whole(self, spec: P.IntParam, label: str, where=None, **kw) -> int:
        """A whole number in a float box: Streamlit's integer box reads a typed ``1e3`` as 1 (``parseInt``).

        The float box reads it as 1000 (``parseFloat``) and shows ``%.0f``; a typed non-integer
        (2.5) is replaced by the nearest whole number in range before the page reruns, so the box,
        the URL and the page agree. Session state holds the float; the page gets an int.
        """
        key = state_key(self.page.id, spec)
        if key not in st.session_state:  # re-appearing widget: reload from URL
            sync_from_url(self.page.id, [spec])
        st.session_state[key] = float(st.session_state[key])  # the box's type, set before it is drawn

        def to_whole() -> None:
            st.session_state[key] = float(min(max(round(st.session_state[key]), spec.lo), spec.hi))

        value = (where or st).number_input(label, min_value=float(spec.lo), max_value=float(spec.hi),
                                           step=float(spec.step), format="%.0f", key=key, on_change=to_whole, **kw)
        value = int(min(max(round(value), spec.lo), spec.hi))
        sync_to_url(spec, value)
        return value

    def select(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.selectbox(label, spec.choices, format_func=format_func, **k), where, **kw
        )

    def radio(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec,
            lambda w, **k: w.radio(label, spec.choices, format_func=format_func, horizontal=True, **k),
            where, **kw,
        )

    def select_slider(self, spec: P.ChoiceParam, label: str, *, format_func=str, where=None, **kw) -> Any:
        return self._bound(
            spec, lambda w, **k: w.select_slider(label, spec.choices, format_func=format_func, **k), where, **kw
        )

    def multiselect(self, spec: P.MultiChoiceParam, label: str, *, format_func=str, where=None, **kw) -> list:
        return self._bound(
            spec,
            lambda w, **k: w.multiselect(label, spec.choices, format_func=format_func,
                                         max_selections=spec.max_count, **k),
            where, **kw,
        )

    def toggle(self, spec: P.BoolParam, label: str, *, where=None, **kw) -> bool:
        return self._bound(spec, lambda w, **k: w.toggle(label, **k), where, **kw)

    def control(self, spec: P.ChoiceParam | P.IntParam | P.FloatParam, label: str, *, format_func=str, where=None,
                **slider_kw) -> Any:
        """A setting's slider, whatever its kind: a select slider over a :class:`~lab.params.ChoiceParam`'s
        choices (``format_func`` labels them), else a slider (``slider_kw``, e.g. ``format``, go to it alone)."""
        if isinstance(spec, P.ChoiceParam):
            return self.select_slider(spec, label, format_func=format_func, where=where)
        return self.slider(spec, label, where=where, **slider_kw)

    def per_item(self, specs: Mapping[str, P.Param], chosen: Sequence[str], label: Callable[[str], str], *,
                 format_func=str, columns: int = 4) -> dict[str, Any]:
        """One setting per chosen item (``specs[item]``, e.g. each optimizer's learning rate): its control
        (:meth:`control`) in turn across one row of ``columns`` columns, a fifth under the first.
        Returns ``{item: value}``."""
        row = st.columns(columns)
        return {item: self.control(specs[item], label(item), format_func=format_func, where=row[i % columns])
                for i, item in enumerate(chosen)}

    def shared(self, settings: Sequence[tuple[P.Param, Mapping[str, str]]], chosen: Sequence[str],
               label: Callable[[P.Param], str], *, format_func=str, columns: int = 4) -> dict[str, dict[str, Any]]:
        """Settings each shared by several of the ``chosen`` items (a momentum shared by two optimizers).

        ``settings`` pairs each spec with ``{item: keyword}``, the items it
        feeds. A spec's control (:meth:`control`) is drawn, in the next of a
        row of ``columns`` columns (so at most ``columns`` are drawn at once),
        only when a chosen item uses it; its value
        goes to each such item under its keyword. Returns ``{item: {keyword:
        value}}`` for every chosen item, in the order of ``settings``.
        """
        values: dict[str, dict[str, Any]] = {item: {} for item in chosen}
        where = iter(st.columns(columns))
        for spec, targets in settings:
            users = [item for item in chosen if item in targets]
            if users:
                value = self.control(spec, label(spec), format_func=format_func, where=next(where))
                for item in users:
                    values[item][targets[item]] = value
        return values

    # -- parameters without a widget in this run: the URL stays exactly the state ------------------------

    def assign(self, values: dict[P.Param, Any]) -> None:
        """Give bound widgets new values: in an ``on_change`` callback, before they are drawn."""
        for spec, value in values.items():
            st.session_state[state_key(self.page.id, spec)] = list(value) if isinstance(value, tuple) else value

    def remember(self, *specs: P.Param) -> None:
        """Parameters whose widget is hidden in this run but whose value still counts (a hidden option's
        settings, used again when it comes back): kept in session state and in the URL, so that a link
        restores them exactly as this session will.

        The value is written back to session state as a plain value, so Streamlit's clean-up of widgets
        not drawn in a run does not drop it.
        """
        for spec in specs:
            key = state_key(self.page.id, spec)
            if key not in st.session_state:
                sync_from_url(self.page.id, [spec])
            value = st.session_state[key]
            st.session_state[key] = value
            sync_to_url(spec, value)

    def forget(self, *specs: P.Param) -> None:
        """Parameters that no longer apply (their widget starts afresh when it comes back): back to their
        defaults in session state and out of the URL, so no stale value lingers in a link."""
        for spec in specs:
            default = list(spec.default) if isinstance(spec.default, tuple) else spec.default
            st.session_state[state_key(self.page.id, spec)] = default
            sync_to_url(spec, default)
