"""Strings of the Cross-entropy page."""

STRINGS = {
    "cross_entropy.title": {"en": "Cross-entropy and logistic regression", "ja": "交差エントロピーとロジスティック回帰"},
    "cross_entropy.summary": {
        "en": "Minimising the Bernoulli negative log-likelihood is minimising binary cross-entropy: train a logistic regression with SGD, Momentum or Adam and watch maximum-likelihood estimation happen.",
        "ja": "ベルヌーイ分布の負の対数尤度の最小化は、二値交差エントロピーの最小化そのものです。SGD・Momentum・Adam でロジスティック回帰を学習し、最尤推定が進む様子を観察します。",
    },
    "cross_entropy.exam": {
        "en": "Cross-entropy loss, logistic regression, maximum likelihood, optimizers (SGD, Momentum, Adam), L2 regularisation",
        "ja": "交差エントロピー誤差・ロジスティック回帰・最尤推定・オプティマイザ（SGD・Momentum・Adam）・L2 正則化",
    },
    "cross_entropy.intro": {
        "en": "Binary cross-entropy (BCE) is not just a loss someone chose: it is the negative log-likelihood of a Bernoulli model. So training a logistic regression with any optimizer is maximum-likelihood estimation. Section 1 checks the identity on a coin-flip sample; sections 2–5 train on real or synthetic data.",
        "ja": "二値交差エントロピー（BCE）は誰かが適当に選んだ損失ではなく、ベルヌーイモデルの負の対数尤度そのものです。したがって、どのオプティマイザでロジスティック回帰を学習しても、それは最尤推定です。1 節ではコイン投げの標本でこの等式を確かめ、2〜5 節では実データや人工データで学習します。",
    },
    # -- 1. the identity ---------------------------------------------------------
    "cross_entropy.identity_header": {"en": "1. Bernoulli likelihood = binary cross-entropy", "ja": "1. ベルヌーイ尤度 = 二値交差エントロピー"},
    "cross_entropy.identity_intro": {
        "en": r"Draw N coin flips $x_1, \dots, x_N \in \lbrace 0, 1 \rbrace$ with success probability p, and score them with a model that predicts a one with probability q = σ(z).",
        "ja": r"成功確率 p で N 回のコイン投げ $x_1, \dots, x_N \in \lbrace 0, 1 \rbrace$ を生成し、1 が出る確率を q = σ(z) と予測するモデルで評価します。",
    },
    "cross_entropy.p": {"en": "True success probability p", "ja": "真の成功確率 p"},
    "cross_entropy.q": {"en": "Model probability q", "ja": "モデルの確率 q"},
    "cross_entropy.bn": {"en": "Number of flips N", "ja": "試行回数 N"},
    "cross_entropy.nll_mean": {"en": "−log L(q) / N", "ja": "−log L(q) / N"},
    "cross_entropy.bce_mean": {"en": "mean BCE", "ja": "平均 BCE"},
    "cross_entropy.identity_same": {
        "en": "Two different computations, the same number: the likelihood's log-pmf terms on the left, the cross-entropy of the logit z = logit q on the right.",
        "ja": "異なる 2 つの計算で同じ値になります。左は尤度（確率質量関数の対数）から、右はロジット z = logit q の交差エントロピーから計算しています。",
    },
    "cross_entropy.value": {"en": "value", "ja": "値"},
    "cross_entropy.row.ones": {"en": "ones k (of N)", "ja": "1 の個数 k（N 個中）"},
    "cross_entropy.row.nll_sum": {"en": "−log L(q) (sum over the sample)", "ja": "−log L(q)（標本全体の和）"},
    "cross_entropy.row.q_hat": {"en": "MLE q̂ = k / N", "ja": "最尤推定値 q̂ = k / N"},
    "cross_entropy.row.nll_min": {"en": "−log L(q̂) / N (the smallest mean)", "ja": "−log L(q̂) / N（平均の最小値）"},
    "cross_entropy.slip": {
        "en": r"**A common slip** (the exam notes make it): writing the likelihood as $\prod_i p^{{x_i}}(1-p)^{{1-x}}$, without the index on the second exponent, and calling −log L the *mean* cross-entropy. The likelihood is $\prod_i p^{{x_i}}(1-p)^{{1-x_i}}$, and −log L is the **sum** of the per-sample cross-entropies; the mean is −log L / N. Both have the same minimiser, but the numbers differ by the factor N (here {n}).",
        "ja": r"**よくある間違い**（試験対策ノートにもあります）: 尤度を $\prod_i p^{{x_i}}(1-p)^{{1-x}}$ と、2 つ目の指数の添字を落として書くこと、そして −log L を交差エントロピーの*平均*と呼ぶことです。正しい尤度は $\prod_i p^{{x_i}}(1-p)^{{1-x_i}}$ で、−log L は各標本の交差エントロピーの**和**です。平均は −log L / N です。最小値を与える点は同じですが、値は N 倍（ここでは {n} 倍）違います。",
    },
    "cross_entropy.loss_chart_title": {"en": "Per-sample loss against the logit z", "ja": "ロジット z に対する 1 標本あたりの損失"},
    "cross_entropy.z_axis": {"en": "logit z (q = σ(z))", "ja": "ロジット z（q = σ(z)）"},
    "cross_entropy.loss_axis": {"en": "loss (nats)", "ja": "損失（nat）"},
    "cross_entropy.pos": {"en": "y = 1: −log σ(z)", "ja": "y = 1: −log σ(z)"},
    "cross_entropy.neg": {"en": "y = 0: −log(1 − σ(z))", "ja": "y = 0: −log(1 − σ(z))"},
    "cross_entropy.mean_curve": {"en": "this sample's mean BCE = −log L / N", "ja": "この標本の平均 BCE = −log L / N"},
    "cross_entropy.model_z": {"en": "model: z = logit q", "ja": "モデル: z = logit q"},
    "cross_entropy.mle_point": {"en": "minimum: q̂ = k / N", "ja": "最小点: q̂ = k / N"},
    # -- 2. data -------------------------------------------------------------------
    "cross_entropy.data_header": {"en": "2. Data", "ja": "2. データ"},
    "cross_entropy.source": {"en": "Data source", "ja": "データの種類"},
    "cross_entropy.source.synthetic": {"en": "Synthetic: two Gaussian classes", "ja": "人工データ: 2 つの正規分布クラス"},
    "cross_entropy.source.iris": {"en": "Iris (bundled)", "ja": "アヤメ（同梱）"},
    "cross_entropy.source.breast_cancer": {"en": "Breast cancer (bundled)", "ja": "乳がん（同梱）"},
    "cross_entropy.source.upload": {"en": "Upload a CSV", "ja": "CSV をアップロード"},
    "cross_entropy.n": {"en": "Sample size N", "ja": "標本サイズ N"},
    "cross_entropy.sep": {"en": "Distance between the class means (in SDs)", "ja": "クラス平均間の距離（標準偏差単位）"},
    "cross_entropy.dim": {"en": "Features", "ja": "特徴量の数"},
    "cross_entropy.dim.1": {"en": "1 feature", "ja": "1 個"},
    "cross_entropy.dim.2": {"en": "2 features", "ja": "2 個"},
    "cross_entropy.x1": {"en": "x₁", "ja": "x₁"},
    "cross_entropy.x2": {"en": "x₂", "ja": "x₂"},
    "cross_entropy.class0": {"en": "y = 0", "ja": "y = 0"},
    "cross_entropy.class1": {"en": "y = 1", "ja": "y = 1"},
    "cross_entropy.features": {"en": "Features (1 or 2)", "ja": "特徴量（1 個または 2 個）"},
    "cross_entropy.positive": {"en": "Positive class (y = 1)", "ja": "正例のクラス（y = 1）"},
    "cross_entropy.negative": {"en": "Negative class (y = 0)", "ja": "負例のクラス（y = 0）"},
    "cross_entropy.rest": {"en": "all other classes", "ja": "その他すべてのクラス"},
    "cross_entropy.bc_classes": {
        "en": "Breast cancer: malignant (M) is y = 1, benign (B) is y = 0.",
        "ja": "乳がんデータ: 悪性（M）を y = 1、良性（B）を y = 0 とします。",
    },
    "cross_entropy.dataset_source": {"en": "Source: {source}. Licence: {licence}.", "ja": "出典: {source}。ライセンス: {licence}。"},
    "cross_entropy.pick_feature": {"en": "Pick at least one feature.", "ja": "特徴量を 1 個以上選んでください。"},
    "cross_entropy.upload": {
        "en": "CSV file: separated by commas, semicolons or tabs, a header row, UTF-8 or Shift_JIS",
        "ja": "CSV ファイル: カンマ・セミコロン・タブ区切り・見出し行あり・UTF-8 または Shift_JIS",
    },
    "cross_entropy.upload_not_in_url": {
        "en": "The uploaded file and the columns picked from it are **not** stored in the URL (everything else on this page is): a shared link opens with the synthetic data instead.",
        "ja": "アップロードしたファイルと、そこから選んだ列は URL に**保存されません**（このページのほかの設定はすべて保存されます）。共有リンクを開くと、代わりに人工データが表示されます。",
    },
    "cross_entropy.upload_none": {
        "en": "No file yet: the synthetic data are shown until you upload one.",
        "ja": "ファイルはまだありません。アップロードするまでは人工データを表示します。",
    },
    "cross_entropy.upload_error": {
        "en": "This file cannot be used: {message}. The synthetic data are shown instead.",
        "ja": "このファイルは使えません: {message}。代わりに人工データを表示します。",
    },
    "cross_entropy.label_col": {"en": "Label column", "ja": "ラベルの列"},
    "cross_entropy.feature_cols": {"en": "Feature columns (1 or 2)", "ja": "特徴量の列（1 個または 2 個）"},
    "cross_entropy.data_summary": {
        "en": "N = {n} samples, {ones} of them with y = 1.",
        "ja": "N = {n} 個の標本のうち、{ones} 個が y = 1 です。",
    },
    # -- 3. training ----------------------------------------------------------------
    "cross_entropy.train_header": {"en": "3. Training is maximum-likelihood estimation", "ja": "3. 学習とは最尤推定のこと"},
    "cross_entropy.train_intro": {
        "en": "The model is P(y = 1 | x) = σ(wᵀx + b). Every optimizer below minimises the same objective J_λ = J₀ + (λ/2)‖w‖², where J₀ is the mean BCE (= −log L / N) and λ ≥ 0 sets the optional L2 penalty. With λ = 0 they are all computing the maximum-likelihood estimate, each by its own route. Features are standardised first, (x − mean) / sd, as is usual in practice.",
        "ja": "モデルは P(y = 1 | x) = σ(wᵀx + b) です。下のどのオプティマイザも同じ目的関数 J_λ = J₀ + (λ/2)‖w‖² を最小化します。J₀ は平均 BCE（= −log L / N）、λ ≥ 0 は必要に応じて加える L2 罰則の強さです。λ = 0 なら、どれも道筋が違うだけで最尤推定値を求めています。特徴量は実務と同様に、あらかじめ (x − 平均) / 標準偏差 で標準化しています。",
    },
    "cross_entropy.optimizers": {"en": "Optimizers to compare", "ja": "比較するオプティマイザ"},
    "cross_entropy.pick_optimizer": {"en": "Pick at least one optimizer.", "ja": "オプティマイザを 1 つ以上選んでください。"},
    "cross_entropy.lr": {"en": "Learning rate η: {name}", "ja": "学習率 η: {name}"},
    "cross_entropy.mom": {"en": "Momentum μ", "ja": "モメンタム係数 μ"},
    "cross_entropy.b1": {"en": "Adam β₁", "ja": "Adam の β₁"},
    "cross_entropy.b2": {"en": "Adam β₂", "ja": "Adam の β₂"},
    "cross_entropy.rho": {"en": "Decay rate ρ (RMSprop, AdaDelta)", "ja": "減衰率 ρ（RMSprop, AdaDelta）"},
    "cross_entropy.epochs": {"en": "Epochs", "ja": "エポック数"},
    "cross_entropy.batch": {"en": "Batch size", "ja": "バッチサイズ"},
    "cross_entropy.batch_full": {"en": "full batch", "ja": "全データ（フルバッチ）"},
    "cross_entropy.l2": {"en": "L2 strength λ", "ja": "L2 正則化の強さ λ"},
    "cross_entropy.logy": {"en": "Log-scale loss axis", "ja": "損失を対数目盛で表示"},
    "cross_entropy.diverged": {
        "en": "**{name} diverged** in epoch {epoch}: the loss blew up (the learning rate is too large), so its training stopped there and its curve leaves the chart at the top.",
        "ja": "**{name} は発散しました**（エポック {epoch}）。学習率が大きすぎて損失が爆発したため、そこで学習を打ち切りました。曲線はグラフの上端から外に出ます。",
    },
    "cross_entropy.curves_title": {"en": "Training loss per epoch", "ja": "エポックごとの学習損失"},
    "cross_entropy.epoch_axis": {"en": "epoch", "ja": "エポック"},
    "cross_entropy.objective_axis": {"en": "objective J_λ = mean BCE + (λ/2)‖w‖²", "ja": "目的関数 J_λ = 平均 BCE + (λ/2)‖w‖²"},
    "cross_entropy.reference": {"en": "optimum J* (L-BFGS)", "ja": "最適値 J*（L-BFGS）"},
    "cross_entropy.table_title": {"en": "After training", "ja": "学習後の結果"},
    "cross_entropy.col.optimizer": {"en": "optimizer", "ja": "オプティマイザ"},
    "cross_entropy.col.epochs": {"en": "epochs run", "ja": "実行エポック数"},
    "cross_entropy.col.nll": {"en": "mean BCE = −log L / N", "ja": "平均 BCE = −log L / N"},
    "cross_entropy.col.nll_sum": {"en": "−log L (sum)", "ja": "−log L（和）"},
    "cross_entropy.col.gap": {"en": "gap J − J*", "ja": "差 J − J*"},
    "cross_entropy.col.accuracy": {"en": "accuracy", "ja": "正解率"},
    "cross_entropy.col.status": {"en": "status", "ja": "状態"},
    "cross_entropy.status_ok": {"en": "finished", "ja": "完了"},
    "cross_entropy.status_diverged": {"en": "diverged in epoch {epoch}", "ja": "エポック {epoch} で発散"},
    "cross_entropy.reference_row": {"en": "L-BFGS (reference optimum)", "ja": "L-BFGS（基準となる最適解）"},
    "cross_entropy.table_note": {
        "en": "The gap is measured on the objective J_λ that the optimizers minimise; with λ = 0 it is the gap in mean BCE. −log L = N × mean BCE: the same minimiser, a different scale.",
        "ja": "差はオプティマイザが最小化する目的関数 J_λ で測っています。λ = 0 なら平均 BCE の差です。−log L = N × 平均 BCE なので、最小点は同じで尺度だけが違います。",
    },
    # -- 4. model and landscape -------------------------------------------------------
    "cross_entropy.view_header": {"en": "4. The fitted model and the loss landscape", "ja": "4. 学習したモデルと損失の地形"},
    "cross_entropy.view_title": {"en": "Data, P(y = 1 | x) and decision boundary", "ja": "データ・P(y = 1 | x)・決定境界"},
    "cross_entropy.prob_axis": {"en": "P(y = 1 | x)", "ja": "P(y = 1 | x)"},
    "cross_entropy.model_boundary": {"en": "model trained by {name}", "ja": "{name} で学習したモデル"},
    "cross_entropy.reference_boundary": {"en": "optimum (L-BFGS)", "ja": "最適解（L-BFGS）"},
    "cross_entropy.view_caption": {
        "en": "Shading: P(y = 1 | x) of the model trained by {name} (blue towards 0, orange towards 1). Lines: its decision boundary P = 0.5 (solid) and the optimum's (dashed). Showing {shown} of {n} samples (evenly spaced rows).",
        "ja": "色の濃淡: {name} で学習したモデルの P(y = 1 | x)（青は 0 寄り、橙は 1 寄り）。線: そのモデルの決定境界 P = 0.5（実線）と最適解の決定境界（破線）。{n} 個中 {shown} 個の標本を表示（等間隔に間引き）。",
    },
    "cross_entropy.landscape_title": {"en": "Loss landscape J and training paths", "ja": "損失の地形 J と学習の軌跡"},
    "cross_entropy.w_axis": {"en": "weight w (standardised x)", "ja": "重み w（標準化した x）"},
    "cross_entropy.b_axis": {"en": "intercept b", "ja": "切片 b"},
    "cross_entropy.w1_axis": {"en": "weight w₁ (standardised)", "ja": "重み w₁（標準化）"},
    "cross_entropy.w2_axis": {"en": "weight w₂ (standardised)", "ja": "重み w₂（標準化）"},
    "cross_entropy.start": {"en": "start (all zero)", "ja": "初期値（すべて 0）"},
    "cross_entropy.optimum": {"en": "optimum (L-BFGS)", "ja": "最適解（L-BFGS）"},
    "cross_entropy.landscape_caption_1": {
        "en": "Grey contours: levels of J(w, b) over both parameters, denser near the minimum. Paths leaving the frame belong to runs that diverged.",
        "ja": "灰色の等高線: 2 つのパラメータに対する J(w, b) の等高線（最小点の近くほど密）。枠の外へ出る軌跡は発散した学習です。",
    },
    "cross_entropy.landscape_caption_2": {
        "en": "Grey contours: J(w₁, w₂) on the slice b = {b} (the fitted intercept). The paths also move in b, so they are projections onto this slice. Paths leaving the frame belong to runs that diverged.",
        "ja": "灰色の等高線: b = {b}（学習後の切片）で切った断面上の J(w₁, w₂)。軌跡は b 方向にも動くので、この断面への射影です。枠の外へ出る軌跡は発散した学習です。",
    },
    # -- 5. separation -------------------------------------------------------------
    "cross_entropy.separable_header": {"en": "5. Separable data: when the MLE does not exist", "ja": "5. 分離可能なデータ: 最尤推定値が存在しないとき"},
    "cross_entropy.mle_exists": {
        "en": "The classes overlap, so the maximum-likelihood estimate exists and is unique: every optimizer heads for the same point.",
        "ja": "クラスが重なっているので、最尤推定値は存在して一意です。どのオプティマイザも同じ点に向かいます。",
    },
    # what to try next, following the data choice in use (issue 16: never advise a widget that is not shown)
    "cross_entropy.try_separation.synthetic": {
        "en": "To see what separation does, raise the distance between the class means (about 6 at N = 400; more samples need a larger distance), or choose iris with setosa as one of the two classes.",
        "ja": "分離の影響を見るには、クラス平均間の距離を上げるか（N = 400 なら 6 程度。標本が多いほど大きな距離が必要です）、アヤメで setosa を 2 つのクラスの一方に選んでください。",
    },
    "cross_entropy.try_separation.synthetic_max": {
        "en": "Even at the largest distance some of these samples overlap. To see what separation does, use fewer samples, or choose iris with setosa as one of the two classes.",
        "ja": "最大の距離でも、これらの標本の一部は重なっています。分離の影響を見るには、標本数を減らすか、アヤメで setosa を 2 つのクラスの一方に選んでください。",
    },
    "cross_entropy.try_separation.iris": {
        "en": "To see what separation does, make setosa one of the two classes: every pair of features separates it, and so does a petal feature on its own.",
        "ja": "分離の影響を見るには、setosa を 2 つのクラスの一方にしてください。どの 2 つの特徴量の組でも分離でき、花弁の特徴量なら 1 つだけでも分離できます。",
    },
    "cross_entropy.try_separation.iris_setosa": {
        "en": "Setosa is separated from the other classes by every pair of features and by a petal feature on its own: pick one of those to see what separation does.",
        "ja": "setosa は、どの 2 つの特徴量の組でも、また花弁の特徴量なら 1 つだけでも他のクラスから分離できます。分離の影響を見るには、そのどれかを選んでください。",
    },
    "cross_entropy.try_separation.breast_cancer": {
        "en": "No feature or pair of features offered here separates malignant from benign tumours. To see what separation does, choose the synthetic data with a distance between the class means of about 6, or iris with setosa as one of the two classes.",
        "ja": "ここで選べる特徴量やその組では、悪性と良性の腫瘍を分離できません。分離の影響を見るには、合成データでクラス平均間の距離を 6 程度にするか、アヤメで setosa を 2 つのクラスの一方に選んでください。",
    },
    "cross_entropy.try_separation.upload": {
        "en": "To see what separation does, choose the synthetic data with a distance between the class means of about 6, or iris with setosa as one of the two classes.",
        "ja": "分離の影響を見るには、合成データでクラス平均間の距離を 6 程度にするか、アヤメで setosa を 2 つのクラスの一方に選んでください。",
    },
    "cross_entropy.mle_missing": {
        "en": "**The MLE does not exist for these data.** A line separates the classes (complete or quasi-complete separation), so scaling (w, b) up along that direction pushes the σ(zᵢ) of every point off the line towards its own label: the mean BCE J₀ keeps falling, and no finite (w, b) attains its infimum. Under complete separation that infimum is 0; under quasi-complete separation the points lying on the line keep a positive loss, so it is above 0 (and the limit along one fixed direction can even sit above the infimum). There is no minimiser: at a stable learning rate gradient descent keeps growing ‖w‖ for ever while the loss keeps falling (this is not divergence; a very large rate makes the loss oscillate instead). With λ > 0 and both classes present, the penalised objective J_λ = J₀ + (λ/2)‖w‖² grows without bound as ‖(w, b)‖ → ∞, so it has a minimiser and ‖w‖ settles.",
        "ja": "**このデータでは最尤推定値が存在しません。** 直線でクラスを分離できる（完全分離または準完全分離）ため、その方向に (w, b) を大きくするほど、直線上にないすべての点の σ(zᵢ) が自分のラベルに近づきます。平均 BCE である J₀ は下がり続け、その下限に達する有限の (w, b) はありません。完全分離ならこの下限は 0 です。準完全分離では直線上の点の損失が正のまま残るので、下限は 0 より大きくなります（ある 1 つの方向に沿った極限が下限より上に留まることさえあります）。最小点がないので、安定な学習率の勾配降下法は損失を下げ続けながら ‖w‖ を際限なく大きくします（発散ではありません。学習率が非常に大きいと損失は代わりに振動します）。λ > 0 で両方のクラスがあれば、罰則付きの目的関数 J_λ = J₀ + (λ/2)‖w‖² は ‖(w, b)‖ → ∞ で際限なく大きくなるので最小点を持ち、‖w‖ は一定値に落ち着きます。",
    },
    "cross_entropy.separable_latex_note": {
        "en": "mᵢ is the signed margin of point i. A direction (w, b) ≠ 0 with every mᵢ ≥ 0 and at least one mᵢ > 0 lowers J₀ for ever as it is scaled up, so inf J₀ is not attained: there is no MLE. Along that fixed direction the loss tends to ln 2 for each point on the line (mᵢ = 0), divided by N — under quasi-complete separation this can sit above inf J₀ (x = (−1, 0, 0, 0, 1), y = (0, 0, 1, 1, 1): 3·ln 2/5 ≈ 0.416 against (ln 3 + 2·ln 1.5)/5 ≈ 0.382). With every mᵢ > 0 (complete separation) the infimum is 0. The penalty needs both classes: b is not penalised, so with one class J_λ still has no minimiser.",
        "ja": "mᵢ は点 i の符号付きマージンです。(w, b) ≠ 0 で、すべての mᵢ ≥ 0 かつ少なくとも 1 つの mᵢ > 0 となる方向に沿って大きくすると J₀ は下がり続けるので、inf J₀ は達成されません。つまり最尤推定値はありません。その固定した方向に沿った損失の極限は、直線上の点（mᵢ = 0）1 つにつき ln 2 を N で割ったものの和で、準完全分離ではこれが inf J₀ より上に留まることがあります（x = (−1, 0, 0, 0, 1)、y = (0, 0, 1, 1, 1) では 3·ln 2/5 ≈ 0.416 に対し (ln 3 + 2·ln 1.5)/5 ≈ 0.382）。すべての mᵢ > 0（完全分離）なら下限は 0 です。罰則が効くには両方のクラスが必要です。b には罰則がかからないので、クラスが 1 つだけなら J_λ にも最小点はありません。",
    },
    "cross_entropy.norm_title": {"en": "‖w‖ per epoch of {name}, with and without L2", "ja": "{name} のエポックごとの ‖w‖（L2 あり・なし）"},
    "cross_entropy.norm_axis": {"en": "‖w‖ (standardised features)", "ja": "‖w‖（標準化した特徴量）"},
    "cross_entropy.lambda_run": {"en": "λ = {value}", "ja": "λ = {value}"},
    "cross_entropy.notice": {
        "en": "- In section 1 the two numbers always agree, for every p, q and N: −log L / N *is* the mean BCE. The mean curve is lowest exactly at q̂ = k/N, the maximum-likelihood estimate.\n- The per-sample loss is unbounded: a confident wrong prediction (σ(z) → 0 for y = 1) costs −log σ(z) ≈ |z|. That is why it is computed from the logit, never as log(σ(z)).\n- All optimizers approach the same reference line: they differ in the route, not in the destination. Raise one learning rate to 10⁴ to watch it diverge and stop.\n- On separable data the loss creeps down towards its infimum (0 under complete separation, above 0 when points lie on the separating line) while ‖w‖ grows without bound, at any learning rate that does not make it oscillate or diverge; a small λ stops the growth.",
        "ja": "- 1 節の 2 つの値は、p・q・N をどう変えても常に一致します。−log L / N は平均 BCE *そのもの*です。平均の曲線は最尤推定値 q̂ = k/N でちょうど最小になります。\n- 1 標本あたりの損失には上限がありません。自信満々に外す予測（y = 1 なのに σ(z) → 0）の損失は −log σ(z) ≈ |z| です。だからロジットから計算し、log(σ(z)) とは計算しません。\n- どのオプティマイザも同じ基準線に近づきます。違うのは道筋で、行き先は同じです。学習率を 10⁴ に上げると、発散して止まる様子が見られます。\n- 分離可能なデータでは、損失がその下限（完全分離なら 0、分離する直線上に点があれば 0 より上）に向かってじわじわ下がる一方、‖w‖ は際限なく大きくなります（損失が振動したり発散したりしない学習率の場合）。小さな λ でこの増大が止まります。",
    },
    # -- exercises -------------------------------------------------------------------
    "ex.cross_entropy.mean_bce": {
        "en": "A classifier gives three examples the probabilities p = P(y = 1); the pairs (p, y) are {pairs}. What is their mean binary cross-entropy?",
        "ja": "分類器が 3 つの例に確率 p = P(y = 1) を出力しました。(p, y) の組は {pairs} です。平均二値交差エントロピーはいくつですか？",
    },
    "ex.cross_entropy.neg_log_sigmoid": {
        "en": "An example with label y = 1 gets the logit z = {z}, so p = σ(z). What is its loss −log σ(z)?",
        "ja": "ラベル y = 1 の例に対してロジット z = {z}（p = σ(z)）が出力されました。損失 −log σ(z) はいくつですか？",
    },
    "ex.cross_entropy.logit_gradient": {
        "en": "An example with label y = {y} gets the logit z = {z}. What is the gradient ∂ℓ/∂z of its binary cross-entropy ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))]?",
        "ja": "ラベル y = {y} の例に対してロジット z = {z} が出力されました。二値交差エントロピー ℓ = −[y log σ(z) + (1 − y) log(1 − σ(z))] の勾配 ∂ℓ/∂z はいくつですか？",
    },
    "ex.cross_entropy.separable": {
        "en": "One feature x: the class y = 0 has x = {x0} and the class y = 1 has x = {x1}. Why does unpenalised logistic regression P(y = 1 | x) = σ(wx + b) have no maximum-likelihood estimate for these data? Pick the statement that explains it (J is the mean BCE).",
        "ja": "特徴量は x の 1 つだけで、クラス y = 0 は x = {x0}、クラス y = 1 は x = {x1} です。このデータで、罰則なしのロジスティック回帰 P(y = 1 | x) = σ(wx + b) に最尤推定値が存在しないのはなぜですか？その理由を表す式を選んでください（J は平均 BCE）。",
    },
    "ex.slip.ce_swapped_labels": {
        "en": "A common slip: y and 1 − y swapped, which gives the loss of the other label. For y = 1 the loss is −log p; for y = 0 it is −log(1 − p).",
        "ja": "よくある間違い：y と 1 − y が入れ替わっていて、反対のラベルに対する損失になっています。y = 1 なら損失は −log p、y = 0 なら −log(1 − p) です。",
    },
    "ex.slip.ce_prob_not_loss": {
        "en": "A common slip: that is σ(z), the predicted probability; the loss is its negative log, −log σ(z) = log(1 + e⁻ᶻ).",
        "ja": "よくある間違い：それは予測確率 σ(z) です。損失はその負の対数 −log σ(z) = log(1 + e⁻ᶻ) です。",
    },
    "ex.slip.ce_grad_sign": {
        "en": "A common slip: y − σ(z) is the gradient of the log-likelihood log L; the loss is −log L, so its gradient is σ(z) − y.",
        "ja": "よくある間違い：y − σ(z) は対数尤度 log L の勾配です。損失は −log L なので、その勾配は σ(z) − y です。",
    },
    "ex.slip.ce_grad_extra_factor": {
        "en": "A common slip: an extra factor σ′(z) = σ(1 − σ). In the cross-entropy it cancels: ∂ℓ/∂σ = (σ − y)/(σ(1 − σ)) times σ′(z) is σ − y. (With a squared error the factor stays, which slows saturated units down.)",
        "ja": "よくある間違い：余分な因子 σ′(z) = σ(1 − σ) が付いています。交差エントロピーではこれが打ち消し合い、∂ℓ/∂σ = (σ − y)/(σ(1 − σ)) に σ′(z) を掛けると σ − y になります（二乗誤差ではこの因子が残り、飽和したユニットの学習が遅くなります）。",
    },
    "ex.slip.ce_not_convex": {
        "en": "A common slip: the logistic-regression loss is convex in (w, b), so there is no local minimum to get stuck in. The trouble is that its infimum 0 is never attained.",
        "ja": "よくある間違い：ロジスティック回帰の損失は (w, b) について凸関数なので、はまり込む局所解はありません。問題は下限の 0 に決して到達しないことです。",
    },
    "ex.slip.ce_zero_reached": {
        "en": "A common slip: σ(z) lies strictly between 0 and 1 for every finite z, so every example costs a little: the loss is positive at every finite w and only tends to 0.",
        "ja": "よくある間違い：有限の z では σ(z) は 0 と 1 の間にあるので、どの例にも少しは損失があります。損失は有限の w では常に正で、0 に近づくだけです。",
    },
    "ex.slip.ce_not_divergence": {
        "en": "A common slip: this is not divergence. At a stable learning rate the loss keeps falling while ‖w‖ grows for ever, because there is no minimiser to settle at. (A very large rate makes the loss oscillate, or blow up, whatever the data.)",
        "ja": "よくある間違い：これは発散ではありません。落ち着く先の最小点がないため、安定な学習率では損失は下がり続け、‖w‖ は際限なく大きくなります（学習率が非常に大きいと、データによらず損失は振動したり発散したりします）。",
    },
}
