"""Cost of one full-batch training epoch of ``fit_logistic`` versus bare numpy.

The bare baseline is the minimum work of one gradient step on the same
(standardised) arrays: the matmul ``z = X w + b``, the sigmoid, and the
gradient ``Xᵀ(σ − y)/N``. ``fit_logistic`` additionally records the full-data
loss and accuracy after every epoch (one more forward pass) and copies the
parameters, so a ratio around 2 is expected; the target is <= 3.

Run: ``python bench/bench_logistic.py`` (prints a markdown table).
"""

from __future__ import annotations

import sys
import timeit
from pathlib import Path

import numpy as np
from scipy import special

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from estimation.datasets import make_gaussian_classes  # noqa: E402
from estimation.logistic import fit_logistic  # noqa: E402

N, D, EPOCHS, REPEATS = 100_000, 2, 50, 5


class PlainSGD:
    """θ ← θ − lr·g (the cheapest possible optimizer, so the trainer is what is timed)."""

    def __init__(self, lr: float) -> None:
        self.lr = lr

    def update(self, params, grads) -> None:
        for k in params:
            params[k] -= self.lr * grads[k]


def bare_epoch(X, y, w, b):
    z = X @ w + b
    r = special.expit(z) - y
    return X.T @ r / len(y), r.mean()


def main() -> None:
    X, y = make_gaussian_classes(N, n_features=D, separation=2.0, seed=0)
    Xs = (X - X.mean(0)) / X.std(0)
    w, b = np.zeros(D), 0.0

    bare = min(timeit.repeat(lambda: bare_epoch(Xs, y, w, b), number=EPOCHS, repeat=REPEATS)) / EPOCHS
    fit = (
        min(timeit.repeat(lambda: fit_logistic(X, y, PlainSGD(0.5), EPOCHS), number=1, repeat=REPEATS))
        / EPOCHS
    )
    print(
        f"One full-batch epoch, N = {N:,}, d = {D} "
        f"(best of {REPEATS}; fit amortised over {EPOCHS} epochs incl. setup)\n"
    )
    print("| what | ms per epoch | ratio |")
    print("|---|---:|---:|")
    print(f"| bare numpy forward + backward | {bare * 1e3:.2f} | 1.00 |")
    print(f"| fit_logistic (update + recorded loss/accuracy) | {fit * 1e3:.2f} | {fit / bare:.2f} |")


if __name__ == "__main__":
    main()
