"""The Softmax page's view layer: widget values in, everything a section draws out.

One frozen result and one function per page section; the page caches each
function (``cached(views.softmax.<section>)``) and hands the result to the
builders in :mod:`estimation.charts.softmax`. The maths lives in
:mod:`estimation.softmax`; here are only the data choice, grids, thinning
and the numbers captions and tables show (tables as records with
language-neutral keys).

Sections
--------
:func:`data_view`        the chosen data set (iris, K-class blobs, an upload)
:func:`entropy_view`     H(p̂, q) = H(p̂) + KL(p̂‖q) for a coin sample and the class labels
:func:`training_view`    softmax regression by an optimizer, its L-BFGS optimum, K = 2 check
:func:`temperature_view` shift invariance, overflow, temperature and calibration
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import numpy as np
from scipy import optimize

from estimation import datasets, information, logistic, sampling, training
from estimation import softmax as sm
from estimation._validation import InputError, check_int, check_real, lookup

__all__ = [
    "SOURCES",
    "LATEX",
    "UNITS",
    "LEARNING_RATES",
    "DataChoice",
    "DataView",
    "data_view",
    "UploadColumns",
    "upload_columns",
    "uploaded_choice",
    "EntropyView",
    "entropy_view",
    "TrainingView",
    "training_view",
    "TemperatureView",
    "temperature_view",
]

SOURCES = ("iris", "blobs", "upload")
#: Units of information the entropy section offers.
UNITS = tuple(information.UNITS)
#: A learning rate per optimizer that trains softmax regression on standardised features well.
LEARNING_RATES = {"SGD": 0.5, "Momentum": 0.1, "Nesterov": 0.1, "AdaGrad": 0.5, "RMSprop": 0.02,
                  "AdaDelta": 1.0, "Adam": 0.05}
#: The formula beside each section's charts (LaTeX, language-neutral).
LATEX = {
    "entropy": r"""H(\hat p,q) = -\sum_{k}\hat p_k\log q_k
= \underbrace{-\sum_{k}\hat p_k\log\hat p_k}_{H(\hat p)} + \underbrace{\sum_{k}\hat p_k\log\frac{\hat p_k}{q_k}}_{\mathrm{KL}(\hat p\,\|\,q)\;\ge\;0},
\qquad -\frac{1}{N}\log L(q) = H(\hat p, q)""",
    "softmax": r"""\begin{aligned}
P(y=k\mid x) &= \operatorname{softmax}(z)_k = \frac{e^{z_k}}{\sum_{j} e^{z_j}},\qquad z = W^{\top}x + b \\
J(W,b) &= -\frac{1}{N}\sum_{i=1}^{N}\log P(y_i\mid x_i) + \frac{\lambda}{2}\lVert W\rVert^2,
\qquad \log\operatorname{softmax}(z)_k = z_k - \log\textstyle\sum_j e^{z_j} \\
\nabla_W J &= \frac{1}{N}X^{\top}(P - Y) + \lambda W,\qquad \nabla_b J = \frac{1}{N}\sum_{i}(P_i - Y_i) \\
K = 2:\ \operatorname{softmax}(z)_1 &= \frac{1}{1+e^{-(z_1 - z_0)}} = \sigma(z_1 - z_0)
\end{aligned}""",
    "temperature": r"""\begin{aligned}
\operatorname{softmax}(z + c\mathbf{1}) &= \operatorname{softmax}(z),\qquad
\operatorname{softmax}_T(z)_k = \frac{e^{z_k/T}}{\sum_j e^{z_j/T}} \\
\mathrm{ECE} &= \sum_{m}\frac{|B_m|}{N}\,\bigl|\mathrm{acc}(B_m) - \mathrm{conf}(B_m)\bigr|,
\qquad \mathrm{conf} = \max_k P_k
\end{aligned}""",
}
#: Most parameter updates one training run may take: with the K = 2 check (at most as many again) this
#: keeps a rerun within the lab's CPU bound per session (about 2 s on one core).
MAX_UPDATES = 20_000
#: Decision-region grid (cells per axis) and most data points drawn over it.
REGION_GRID = 50
MAX_POINTS = 1_500
#: Rows of all per-class probability surfaces together.
SURFACE_ROWS = 4_800
#: Points of a loss curve.
CURVE_POINTS = 400
#: Logits of the shift/overflow example.
EXAMPLE_LOGITS = (2.0, 1.0, 0.1)


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DataChoice:
    """The page-level data settings (hashable: it keys the caches).

    ``source`` is one of :data:`SOURCES`. Iris uses ``features`` (two
    columns of the bundled table); blobs use ``k``, ``separation``, ``n`` and
    ``seed``; an upload uses ``raw`` (the file's bytes), ``label`` and
    ``features``.
    """

    source: str = "iris"
    features: tuple[str, ...] = ("petal_length", "petal_width")
    k: int = 3
    separation: float = 2.5
    n: int = 300
    seed: int = 0
    raw: bytes | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class _Data:
    X: np.ndarray
    y: np.ndarray  # integer labels 0 … K−1
    classes: tuple[str, ...]
    features: tuple[str, ...]


@functools.lru_cache(maxsize=8)
def _load(choice: DataChoice) -> _Data:
    lookup({s: s for s in SOURCES}, choice.source, "source")
    if choice.source == "blobs":
        X, y = datasets.make_gaussian_blobs(choice.n, choice.k, separation=choice.separation, seed=choice.seed)
        k = check_int(choice.k, "k")
        return _Data(X, y.astype(np.intp), tuple(f"k = {j + 1}" for j in range(k)), ("x₁", "x₂"))
    if choice.source == "iris":
        table, label = datasets.load_dataset("iris"), datasets.DATASETS["iris"].label
    else:
        if choice.raw is None:
            raise ValueError("no file uploaded")
        table, label = datasets.parse_csv(choice.raw), choice.label
    if len(choice.features) != 2:
        raise ValueError(f"pick two feature columns, got {len(choice.features)}")
    picked = datasets.select_classes(table, label, list(choice.features))
    return _Data(picked.X, picked.y.astype(np.intp), tuple(str(c) for c in picked.classes), picked.feature_names)


@dataclass(frozen=True, slots=True)
class DataView:
    """What the data caption shows.

    Attributes
    ----------
    n, k : int
    classes, features : tuple of str
    counts : tuple of int
        Samples per class.
    p_hat : tuple of float
        Class frequencies (the categorical MLE).
    """

    n: int
    k: int
    classes: tuple[str, ...]
    features: tuple[str, ...]
    counts: tuple[int, ...]
    p_hat: tuple[float, ...]


def data_view(choice: DataChoice) -> DataView:
    """Load the chosen data and summarise it (raises ``ValueError``/``InputError`` for bad choices)."""
    data = _load(choice)
    counts = np.bincount(data.y, minlength=len(data.classes))
    return DataView(n=int(data.y.size), k=len(data.classes), classes=data.classes, features=data.features,
                       counts=tuple(int(c) for c in counts), p_hat=tuple((counts / counts.sum()).tolist()))


#: An upload's columns (:func:`estimation.datasets.upload_columns`: parsed, text columns named, a first guess).
UploadColumns = datasets.UploadColumns
upload_columns = datasets.upload_columns


def uploaded_choice(raw: bytes, label: str, features) -> DataChoice:
    """An uploaded CSV's chosen columns as the page's data choice, checked by loading them (:func:`data_view`):
    one class, more than :data:`estimation.datasets.MAX_CLASSES` or a non-numeric feature raise here."""
    choice = DataChoice("upload", tuple(features), raw=raw, label=label)
    data_view(choice)
    return choice


# ---------------------------------------------------------------------------
# 1. Entropy + KL = cross-entropy
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class EntropyView:
    """The decomposition for a coin sample (a curve over q) and for the class labels (bars).

    Attributes
    ----------
    k_ones, n_flips : int
        The coin sample: k ones in N flips (the Cross-entropy page's sample).
    p_hat : float
        k/N, the MLE.
    q : float
        The model probability marked on the curve.
    q_grid, entropy, kl, cross : ndarray
        H(p̂) (constant), KL(p̂‖q) and H(p̂, q) over ``q_grid`` in (0, 1).
    at_q : tuple of float
        (H(p̂, q), H(p̂), KL) at the marked q.
    bars : list of dict
        For the class labels: one row per candidate model q (``model`` key:
        ``"uniform"``, ``"mle"``, ``"tilted"``, ``"peaked"``) with ``entropy``, ``kl``, ``cross``.
    table : list of dict
        Per candidate (and the coin's q): our numbers next to scipy.stats.entropy's.
    units : str
    """

    k_ones: int
    n_flips: int
    p_hat: float
    q: float
    q_grid: np.ndarray
    entropy: np.ndarray
    kl: np.ndarray
    cross: np.ndarray
    at_q: tuple[float, float, float]
    class_p_hat: tuple[float, ...]
    bars: list
    table: list
    units: str


def _bernoulli(p: float) -> np.ndarray:
    return np.column_stack([1.0 - np.asarray(p, dtype=float), np.asarray(p, dtype=float)])


def entropy_view(choice: DataChoice, p: float, q: float, flips: int, seed: int, units: str) -> EntropyView:
    """H(p̂, q) = H(p̂) + KL(p̂‖q) on the coin sample over q, and on the class labels for three models.

    The coin sample is ``sampling.draw("bernoulli", {"p": p}, flips, seed)``,
    the Cross-entropy page's identity sample for the same p, N and seed. The class-label
    models are the uniform 1/K, the MLE q = p̂, p̂ tilted towards the last
    classes (q ∝ p̂_j e^{0.8 j}) and q peaked on the first class (0.7, the rest
    shared); none puts probability 0 on a class that occurs.
    """
    from scipy import stats  # the independent numbers shown beside ours

    information._log_base(units)
    q = check_real(q, "q", lo=0.0, hi=1.0, lo_open=True, hi_open=True)
    flips = check_int(flips, "flips", lo=1, hi=sampling.MAX_SIZE)
    ones = int(np.count_nonzero(sampling.draw("bernoulli", {"p": p}, flips, seed)))
    p_hat = ones / flips
    base = 2.0 if units == "bits" else None
    q_grid = np.linspace(0.005, 0.995, 199)
    d = information.decomposition(_bernoulli(p_hat)[0], _bernoulli(q_grid), units)
    at_q = information.decomposition(_bernoulli(p_hat)[0], _bernoulli(q)[0], units)

    data = data_view(choice)
    ph = np.array(data.p_hat)
    k = ph.size
    models = {"uniform": np.full(k, 1.0 / k), "mle": ph, "tilted": sm.softmax(np.log(ph) + 0.8 * np.arange(k)),
              "peaked": np.where(np.arange(k) == 0, 0.7, 0.3 / (k - 1))}
    bars, table = [], []
    cases = {"coin": (_bernoulli(p_hat)[0], _bernoulli(q)[0]), **{m: (ph, v) for m, v in models.items()}}
    for name, (pp, qq) in cases.items():
        dd = information.decomposition(pp, qq, units)
        scipy_h, scipy_kl = float(stats.entropy(pp, base=base)), float(stats.entropy(pp, qq, base=base))
        table.append({"model": name, "q": ", ".join(f"{v:.3f}" for v in qq), "entropy": dd.entropy, "kl": dd.kl,
                      "cross": dd.cross_entropy, "scipy_entropy": scipy_h, "scipy_kl": scipy_kl,
                      "difference": f"{abs(dd.cross_entropy - scipy_h - scipy_kl):.1e}"})
        if name != "coin":
            bars.append({"model": name, "entropy": dd.entropy, "kl": dd.kl, "cross": dd.cross_entropy})
    return EntropyView(
        k_ones=ones, n_flips=flips, p_hat=p_hat, q=float(q), q_grid=q_grid,
        entropy=np.full(q_grid.size, d.entropy), kl=d.kl, cross=d.cross_entropy,
        at_q=(at_q.cross_entropy, at_q.entropy, at_q.kl), class_p_hat=data.p_hat, bars=bars, table=table,
        units=units,
    )


# ---------------------------------------------------------------------------
# 2. Softmax regression
# ---------------------------------------------------------------------------


def _axis(values: np.ndarray, size: int) -> np.ndarray:
    lo, hi = float(values.min()), float(values.max())
    pad = 0.08 * (hi - lo) if hi > lo else 1.0
    return np.linspace(lo - pad, hi + pad, size)


def _grid(X: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    a0, a1 = _axis(X[:, 0], size), _axis(X[:, 1], size)
    g0, g1 = np.meshgrid(a0, a1)
    return a0, a1, np.column_stack([g0.ravel(), g1.ravel()])


@dataclass(frozen=True, slots=True, eq=False)
class TrainingView:
    """Everything the training section draws.

    Attributes
    ----------
    classes, features : tuple of str
    k : int
    axis0, axis1 : ndarray
        Decision-region grid centres (x₁ and x₂).
    region_class, region_confidence : ndarray of shape (len(axis1), len(axis0))
        argmax class and max probability of the trained model per cell.
    points_X, points_y : ndarray
        The data drawn over the regions (thinned evenly to :data:`MAX_POINTS`).
    surface_axis0, surface_axis1 : ndarray
    surfaces : ndarray of shape (K, len(surface_axis1), len(surface_axis0))
        P(y = k | x) of the trained model, one grid per class.
    epochs, objective : ndarray
        The loss curve (thinned), epoch 0 = start (log K + 0).
    optimum : float
        The L-BFGS optimum of the same objective.
    nll, accuracy, gap : float
        The trained model's final mean NLL, accuracy and objective − optimum.
    optimum_accuracy : float
    optimum_converged : bool
    diverged_epoch : int or None
    epochs_run : int
    binary_check : list of dict or None
        K = 2 check on the first two classes: ``trainer`` ("softmax"/"binary"),
        ``lr``, ``l2``, ``nll``, ``accuracy``; None if only one of them has samples.
    binary_max_diff : float
        max |P_softmax − P_sigmoid| over those samples and every recorded epoch's loss.
    binary_classes : tuple of str
    """

    classes: tuple[str, ...]
    features: tuple[str, ...]
    k: int
    axis0: np.ndarray
    axis1: np.ndarray
    region_class: np.ndarray
    region_confidence: np.ndarray
    points_X: np.ndarray
    points_y: np.ndarray
    surface_axis0: np.ndarray
    surface_axis1: np.ndarray
    surfaces: np.ndarray
    epochs: np.ndarray
    objective: np.ndarray
    optimum: float
    nll: float
    accuracy: float
    gap: float
    optimum_accuracy: float
    optimum_converged: bool
    diverged_epoch: int | None
    epochs_run: int
    binary_check: list | None
    binary_max_diff: float
    binary_classes: tuple[str, ...]


def _check_budget(n: int, epochs: int, batch: int | None) -> None:
    updates = epochs * (1 if batch is None else math.ceil(n / batch))
    if updates > MAX_UPDATES:
        raise InputError(
            "too_many_updates",
            "{updates} parameter updates ({epochs} epochs × {per_epoch} minibatches) is more than the "
            "{limit} this page computes; use fewer epochs or larger minibatches",
            updates=f"{updates:,}", epochs=f"{epochs:,}", per_epoch=f"{updates // epochs:,}",
            limit=f"{MAX_UPDATES:,}",
        )


@functools.lru_cache(maxsize=8)
def _reference(choice: DataChoice, l2: float, standardize: bool) -> sm.SoftmaxReference:
    data = _load(choice)
    return sm.fit_softmax_reference(data.X, data.y, n_classes=len(data.classes), l2=l2, standardize=standardize,
                                    max_iter=500)


def training_view(
    choice: DataChoice,
    optimizer: str,
    hyper: tuple[tuple[str, float], ...],
    epochs: int,
    batch: int | str | None,
    l2: float,
    standardize: bool,
    seed: int,
) -> TrainingView:
    """Train softmax regression with one optimizer; regions, surfaces, loss curve, optimum, K = 2 check.

    ``hyper`` is the optimizer's keyword arguments as (name, value) pairs
    (hashable for the cache). ``batch`` is a minibatch size, or ``"full"``
    (or None) for full batch. ``seed`` draws the minibatches; full batch
    draws nothing, so there a new seed reuses the last result.
    """
    batch = None if batch in (None, "full") else check_int(batch, "batch", lo=1)
    return _training_view(choice, optimizer, tuple(hyper), epochs, batch, l2, bool(standardize),
                          0 if batch is None else seed)


@functools.lru_cache(maxsize=8)
def _training_view(choice, optimizer, hyper, epochs, batch, l2, standardize, seed) -> TrainingView:
    data = _load(choice)
    k, n = len(data.classes), data.y.size
    epochs = check_int(epochs, "epochs", lo=1, hi=training.MAX_EPOCHS)
    _check_budget(n, epochs, batch)
    l2 = check_real(l2, "l2", lo=0.0)
    fit = sm.fit_softmax(data.X, data.y, training.make_optimizer(optimizer, **dict(hyper)), epochs, n_classes=k,
                         batch_size=batch, l2=l2, standardize=standardize, seed=seed)
    ref = _reference(choice, l2, bool(standardize))

    axis0, axis1, cells = _grid(data.X, REGION_GRID)
    P = sm.softmax(fit.logits(cells)).reshape(axis1.size, axis0.size, k)
    size = max(8, min(40, int(math.sqrt(SURFACE_ROWS / k))))
    s0, s1, scells = _grid(data.X, size)
    surfaces = np.moveaxis(sm.softmax(fit.logits(scells)).reshape(s1.size, s0.size, k), -1, 0)
    keep = logistic.even_indices(n, MAX_POINTS)
    curve = logistic.even_indices(fit.objective.size, CURVE_POINTS)

    check, max_diff, pair = _binary_check(data, optimizer, dict(hyper), epochs, batch, l2, standardize, seed)
    return TrainingView(
        classes=data.classes, features=data.features, k=k, axis0=axis0, axis1=axis1,
        region_class=P.argmax(axis=2), region_confidence=P.max(axis=2),
        points_X=data.X[keep], points_y=data.y[keep], surface_axis0=s0, surface_axis1=s1, surfaces=surfaces,
        epochs=curve, objective=fit.objective[curve], optimum=ref.objective, nll=float(fit.nll[-1]),
        accuracy=float(fit.accuracy[-1]), gap=float(fit.objective[-1] - ref.objective),
        optimum_accuracy=float(ref.accuracy), optimum_converged=ref.success, diverged_epoch=fit.diverged_epoch,
        epochs_run=fit.epochs_run, binary_check=check, binary_max_diff=max_diff, binary_classes=pair,
    )


def _binary_check(data: _Data, optimizer, hyper, epochs, batch, l2, standardize, seed):
    """The K = 2 softmax trainer against the binary trainer (η → 2η, λ → λ/2) on the first two classes."""
    mask = data.y < 2
    X, y = data.X[mask], data.y[mask]
    pair = data.classes[:2]
    if np.unique(y).size < 2:
        return None, math.nan, pair
    lr = hyper.get("lr", training.make_optimizer(optimizer).lr)
    soft = sm.fit_softmax(X, y, training.make_optimizer(optimizer, **hyper), epochs, n_classes=2, batch_size=batch,
                          l2=l2, standardize=standardize, seed=seed)
    binary = logistic.fit_logistic(X, y.astype(float), training.make_optimizer(optimizer, **{**hyper, "lr": 2 * lr}),
                                   epochs, batch_size=batch, l2=l2 / 2, standardize=standardize, seed=seed)
    p_soft = sm.softmax(soft.logits(X))[:, 1]
    p_bin = logistic.sigmoid(X @ binary.coef + binary.intercept)
    steps = min(soft.nll.size, binary.nll.size)
    diff = max(float(np.max(np.abs(p_soft - p_bin))), float(np.max(np.abs(soft.nll[:steps] - binary.nll[:steps]))))
    rows = [
        {"trainer": "softmax", "lr": lr, "l2": l2, "nll": float(soft.nll[-1]), "accuracy": float(soft.accuracy[-1])},
        {"trainer": "binary", "lr": 2 * lr, "l2": l2 / 2, "nll": float(binary.nll[-1]),
         "accuracy": float(binary.accuracy[-1])},
    ]
    return rows, diff, pair


# ---------------------------------------------------------------------------
# 3. Shift, overflow, temperature
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class TemperatureView:
    """The softmax of example logits (shift and temperature) and the optimum's calibration over T.

    Attributes
    ----------
    shift_table : list of dict
        Per class of :data:`EXAMPLE_LOGITS` + c: ``logit``, ``stable`` (softmax),
        ``naive`` (exp(z)/Σexp(z) without subtracting the max, as text:
        "nan" when it overflows).
    naive_fails : bool
    example_probs : list of dict
        ``cls``, ``T`` (``"T"`` or ``"1"``), ``p``: softmax(z/T) and softmax(z) of the example.
    temperatures : ndarray
        The T grid (log-spaced) of the calibration curves.
    nll, confidence, ece : ndarray
        Mean NLL, mean max probability and expected calibration error of
        softmax(z/T) on the data, z the L-BFGS optimum's logits.
    accuracy : float
        Fraction right (does not depend on T).
    temperature : float
    at_t : dict
        ``nll``, ``confidence``, ``ece`` at the chosen T.
    best_t : float
        argmin_T NLL(T) (bounded scalar minimisation on [0.05, 20]).
    """

    shift_table: list
    naive_fails: bool
    example_probs: list
    temperatures: np.ndarray
    nll: np.ndarray
    confidence: np.ndarray
    ece: np.ndarray
    accuracy: float
    temperature: float
    at_t: dict
    best_t: float


def _naive(z: np.ndarray) -> np.ndarray:
    """exp(z)/Σexp(z) without the max subtracted (what overflows), warnings silenced."""
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        return e / e.sum()


def temperature_view(choice: DataChoice, temperature: float, shift: float, l2: float) -> TemperatureView:
    """Shift invariance and overflow on example logits; softmax(z/T) and calibration of the optimum over T."""
    t = check_real(temperature, "temperature", lo=0.0, lo_open=True)
    shift = check_real(shift, "shift")
    z = np.array(EXAMPLE_LOGITS) + shift
    stable, naive = sm.softmax(z), _naive(z)
    table = [{"cls": j + 1, "logit": float(z[j]), "stable": float(stable[j]), "naive": f"{naive[j]:.4g}"}
             for j in range(z.size)]
    base = np.array(EXAMPLE_LOGITS)
    probs = [{"cls": str(j + 1), "T": label, "p": float(p)}
             for label, ps in (("T", sm.softmax_temperature(base, t)), ("1", sm.softmax(base)))
             for j, p in enumerate(ps)]

    temps, curves, best_t, accuracy, score = _calibration(choice, check_real(l2, "l2", lo=0.0))
    at = score(t)
    return TemperatureView(
        shift_table=table, naive_fails=not np.isfinite(naive).all(), example_probs=probs, temperatures=temps,
        nll=curves[:, 0], confidence=curves[:, 1], ece=curves[:, 2], accuracy=accuracy, temperature=t,
        at_t={"nll": at[0], "confidence": at[1], "ece": at[2]}, best_t=best_t,
    )


@functools.lru_cache(maxsize=8)
def _calibration(choice: DataChoice, l2: float):
    """The optimum's (NLL, confidence, ECE) over the T grid, the best T and a scorer: the same for every T chosen."""
    data = _load(choice)
    ref = _reference(choice, l2, True)
    Z = ref.logits(data.X)

    def score(temp):
        P = sm.softmax(Z / temp, axis=1)
        return (sm.softmax_cross_entropy(Z / temp, data.y), float(P.max(axis=1).mean()),
                sm.expected_calibration_error(P, data.y))

    temps = np.geomspace(0.1, 10.0, 81)
    curves = np.array([score(temp) for temp in temps])
    best = optimize.minimize_scalar(lambda lt: score(math.exp(lt))[0], bounds=(math.log(0.05), math.log(20.0)),
                                    method="bounded", options={"xatol": 1e-6})
    return temps, curves, float(math.exp(best.x)), float(ref.accuracy), score
