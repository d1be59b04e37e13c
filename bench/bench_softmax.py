"""Cost of one full-batch training epoch of ``fit_softmax`` versus bare numpy (N = 10⁵, d = 2, K = 3).

The bare baseline is the minimum work of one gradient step on the same
(standardised) arrays: the logits ``Z = XW + b``, a stable log-sum-exp, the
mean NLL, ``P = exp(Z − lse)`` and the gradient ``Xᵀ(P − Y)/N``, plus the
update. ``fit_softmax`` (through :func:`estimation.training.train`)
additionally records the full-data accuracy after every epoch and copies
the parameters; the target is <= 3× the bare step.

Two figures for the trainer: the whole call amortised over its epochs
(validation, standardisation and the initial evaluation included), and the
marginal cost of one more epoch ((t(E₂) − t(E₁)) / (E₂ − E₁)).

Second table: script time of a widget change inside each section of the
page (AppTest reruns the whole script, every other section hitting its
cache, so this bounds what the section's fragment costs in the browser).

Run: ``python bench/bench_softmax.py`` (prints two markdown tables).
"""

from __future__ import annotations

import timeit

import numpy as np
from _util import ROOT  # noqa: F401  (puts the repository on sys.path)

from estimation import training
from estimation.datasets import make_gaussian_blobs
from estimation.softmax import fit_softmax

N, K, EPOCHS, REPEATS = 100_000, 3, 50, 5


def bare_epoch(X, Y, W, b, lr=0.5):
    """One forward + backward + SGD step, nothing else."""
    Z = X @ W + b
    m = Z.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(Z - m).sum(axis=1, keepdims=True))
    nll = float(np.sum(lse) - np.einsum("ik,ik->", Y, Z)) / len(Y)
    G = (np.exp(Z - lse) - Y) / len(Y)
    W -= lr * (X.T @ G)
    b -= lr * G.sum(axis=0)
    return nll


def main() -> None:
    X, y = make_gaussian_blobs(N, K, separation=2.0, seed=0)
    Xs = (X - X.mean(0)) / X.std(0)
    Y = np.eye(K)[y.astype(int)]
    W, b = np.zeros((2, K)), np.zeros(K)

    bare = min(timeit.repeat(lambda: bare_epoch(Xs, Y, W, b), number=EPOCHS, repeat=REPEATS)) / EPOCHS

    def fit(epochs):
        return min(timeit.repeat(lambda: fit_softmax(X, y, training.make_optimizer("SGD", lr=0.5), epochs),
                                 number=1, repeat=REPEATS))

    t_small, t_big = fit(10), fit(EPOCHS)
    whole = t_big / EPOCHS
    marginal = (t_big - t_small) / (EPOCHS - 10)
    print(f"One full-batch epoch of softmax regression, N = {N:,}, d = 2, K = {K} (best of {REPEATS})\n")
    print("| what | ms per epoch | ratio to bare |")
    print("|---|---:|---:|")
    print(f"| bare numpy forward + backward + SGD step | {bare * 1e3:.2f} | 1.00 |")
    print(f"| fit_softmax, one more epoch (update + recorded loss/accuracy) | {marginal * 1e3:.2f} | "
          f"{marginal / bare:.2f} |")
    print(f"| fit_softmax, {EPOCHS} epochs amortised incl. setup | {whole * 1e3:.2f} | {whole / bare:.2f} |")


#: (section, widget kind, key, values cycled through): one widget per page section.
WIDGETS = [
    ("1. entropy + KL", "slider", "softmax.q", [0.2, 0.4, 0.6, 0.8]),
    ("2. training: epochs", "select_slider", "softmax.epochs", [50, 100, 200, 500]),
    ("2. training: λ", "select_slider", "softmax.l2", [0.001, 0.01, 0.1, 0]),
    ("3. temperature T", "select_slider", "softmax.T", [0.5, 2.0, 5.0, 1.0]),
]


def widgets(repeat: int = 4) -> None:
    import logging

    import bench_pages
    from streamlit.testing.v1 import AppTest

    from _util import median

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    bench_pages._instrument()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.switch_page("pages/08_softmax.py")
    at.run()
    print("\nScript time of one widget change (AppTest, whole script; the other sections are cache hits)\n")
    print("| section / widget | new value (computed) median ms | max ms | value seen before (cached) median ms |")
    print("|---|---:|---:|---:|")
    for label, kind, key, values in WIDGETS:
        computed, cached = [], []
        for round_ in range(repeat):
            for value in values:
                bench_pages._SCRIPT_MS.clear()
                getattr(at, kind)(key=key).set_value(value).run()
                assert not at.exception, at.exception
                (cached if round_ else computed).extend(bench_pages._SCRIPT_MS)
        print(f"| {label} | {median(computed):.0f} | {max(computed):.0f} | {median(cached):.0f} |")


if __name__ == "__main__":
    main()
    widgets()
