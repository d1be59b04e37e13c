"""Estimation Lab core: pure numpy/scipy mathematics behind every page.

This package never imports streamlit. Each public function documents the
exact equation it computes, validates its arguments (raising ``ValueError``
with a message naming the argument), and is unit-tested against an
independent oracle (scipy.stats, a closed form, a brute-force sum,
scikit-learn or torch.optim's documented algorithm).

Submodules are imported explicitly (``from estimation import sampling``);
nothing heavy is imported here. Chart builders live in
:mod:`estimation.charts` (altair only).
"""
