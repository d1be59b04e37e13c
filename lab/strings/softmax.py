"""Strings of the Softmax page (entropy, KL divergence, softmax cross-entropy, temperature)."""

STRINGS = {
    "softmax.title": {"en": "Beyond two classes: entropy, KL and softmax", "ja": "2 クラスを超えて：エントロピー・KL・ソフトマックス"},
    "softmax.summary": {
        "en": "Cross-entropy = entropy + KL divergence = the categorical NLL; softmax regression on K classes, "
              "trained with the same optimizers; temperature and calibration.",
        "ja": "交差エントロピー ＝ エントロピー ＋ KL ダイバージェンス ＝ カテゴリカル分布の負の対数尤度。"
              "K クラスのソフトマックス回帰を同じ最適化手法で学習し、温度と較正も見ます。",
    },
    "softmax.exam": {
        "en": "Softmax, softmax cross-entropy and its gradient P − Y, entropy and KL divergence",
        "ja": "ソフトマックス関数、ソフトマックス交差エントロピーとその勾配 P − Y、エントロピーと KL ダイバージェンス",
    },
    "softmax.intro": {
        "en": "The Cross-entropy page showed that the Bernoulli negative log-likelihood *is* the binary "
              "cross-entropy. Here the same quantity gets two more faces and K classes: the cross-entropy of the "
              "data's distribution p̂ and a model q splits into the entropy H(p̂) plus the KL divergence "
              "KL(p̂‖q), so minimising cross-entropy = minimising KL from the data = maximum likelihood. "
              "Softmax regression then trains a K-class classifier with that loss.",
        "ja": "交差エントロピーのページでは、ベルヌーイ分布の負の対数尤度が二値交差エントロピー**そのもの**であることを見ました。"
              "ここでは同じ量を K クラスに広げ、さらに 2 つの顔を見ます。データの分布 p̂ とモデル q の交差エントロピーは、"
              "エントロピー H(p̂) と KL ダイバージェンス KL(p̂‖q) の和に分かれます。したがって「交差エントロピー最小化 ＝ "
              "データからの KL 最小化 ＝ 最尤推定」です。ソフトマックス回帰はこの損失で K クラス分類器を学習します。",
    },
    # -- data
    "softmax.data_header": {"en": "Data", "ja": "データ"},
    "softmax.source": {"en": "Data set", "ja": "データセット"},
    "softmax.source.iris": {"en": "Iris (3 classes)", "ja": "アヤメ（3 クラス）"},
    "softmax.source.blobs": {"en": "Synthetic K-class blobs", "ja": "人工データ（K クラスの正規分布）"},
    "softmax.source.upload": {"en": "Upload a CSV", "ja": "CSV をアップロード"},
    "softmax.features": {"en": "Two features", "ja": "特徴量（2 つ）"},
    "softmax.pick_two": {
        "en": "Pick two feature columns: the charts show the classes in the plane of two features.",
        "ja": "特徴量の列を 2 つ選んでください。図は 2 つの特徴量の平面上にクラスを描きます。",
    },
    "softmax.dataset_source": {"en": "Source: {source}. Licence: {licence}.", "ja": "出典：{source}。ライセンス：{licence}。"},
    "softmax.k": {"en": "Classes K", "ja": "クラス数 K"},
    "softmax.sep": {
        "en": "Separation of neighbouring class means (in standard deviations)",
        "ja": "隣り合うクラス平均の間隔（標準偏差の何倍か）",
    },
    "softmax.n": {"en": "Samples N", "ja": "標本数 N"},
    "softmax.upload_not_in_url": {
        "en": "An uploaded file and the columns picked from it are not part of the page's link.",
        "ja": "アップロードしたファイルとそこから選んだ列は、ページのリンクには含まれません。",
    },
    "softmax.upload": {
        "en": "CSV with a class column (2 to 10 classes) and numeric feature columns",
        "ja": "クラスの列（2〜10 クラス）と数値の特徴量の列を含む CSV",
    },
    "softmax.upload_none": {"en": "No file uploaded yet.", "ja": "ファイルはまだアップロードされていません。"},
    "softmax.upload_fallback": {
        "en": "Until a usable file is uploaded, the page shows iris (petal length and width).",
        "ja": "使えるファイルがアップロードされるまで、アヤメのデータ（花弁の長さと幅）を表示します。",
    },
    "softmax.upload_error": {"en": "This file cannot be used: {message}", "ja": "このファイルは使えません：{message}"},
    "softmax.label_col": {"en": "Class column", "ja": "クラスの列"},
    "softmax.feature_cols": {"en": "Two feature columns", "ja": "特徴量の列（2 つ）"},
    "softmax.data_summary": {
        "en": "N = {n} samples in K = {k} classes: {counts}.",
        "ja": "N = {n} 個の標本、K = {k} クラス：{counts}。",
    },
    # -- 1. entropy + KL = cross-entropy
    "softmax.entropy_header": {"en": "1. Cross-entropy = entropy + KL divergence", "ja": "1. 交差エントロピー ＝ エントロピー ＋ KL ダイバージェンス"},
    "softmax.entropy_intro": {
        "en": "Left: the coin-flip sample of the Cross-entropy page (same p, N and seed), whose distribution is "
              "p̂ = (1 − k/N, k/N), scored by a model coin q. Right: the class labels of the data above scored by "
              "four candidate models q. In both, the entropy H(p̂) does not depend on q; only the KL part does, and "
              "it is zero exactly at q = p̂, the maximum-likelihood estimate.",
        "ja": "左：交差エントロピーのページと同じコイン投げの標本（同じ p・N・シード）。その分布 p̂ = (1 − k/N, k/N) を"
              "モデルのコイン q で評価します。右：上のデータのクラスラベルを 4 つの候補モデル q で評価します。"
              "どちらでもエントロピー H(p̂) は q によらず、q で変わるのは KL の部分だけです。KL は q = p̂（最尤推定値）"
              "のときちょうど 0 になります。",
    },
    "softmax.p": {"en": "Coin probability p (draws the sample)", "ja": "コインの確率 p（標本を生成）"},
    "softmax.bn": {"en": "Flips N", "ja": "投げる回数 N"},
    "softmax.q": {"en": "Model probability q", "ja": "モデルの確率 q"},
    "softmax.units": {"en": "Units", "ja": "単位"},
    "softmax.units.nats": {"en": "nats (natural log)", "ja": "ナット（自然対数）"},
    "softmax.units.bits": {"en": "bits (log base 2)", "ja": "ビット（底 2 の対数）"},
    "softmax.q_axis": {"en": "model probability q = P(x = 1)", "ja": "モデルの確率 q = P(x = 1)"},
    "softmax.part.entropy": {"en": "entropy H(p̂)", "ja": "エントロピー H(p̂)"},
    "softmax.part.kl": {"en": "KL divergence KL(p̂‖q)", "ja": "KL ダイバージェンス KL(p̂‖q)"},
    "softmax.part.cross": {"en": "cross-entropy H(p̂, q)", "ja": "交差エントロピー H(p̂, q)"},
    "softmax.mle_line": {"en": "MLE q = p̂ = {p_hat}", "ja": "最尤推定値 q = p̂ = {p_hat}"},
    "softmax.model_q": {"en": "the model q", "ja": "モデル q"},
    "softmax.curve_title": {
        "en": "Coin sample, {k} ones in {n} flips: H(p̂, q) over q",
        "ja": "コインの標本（{n} 回中 {k} 回が 1）：q に対する H(p̂, q)",
    },
    "softmax.bars_title": {"en": "Class labels: H(p̂, q) for four models", "ja": "クラスラベル：4 つのモデルの H(p̂, q)"},
    "softmax.model_axis": {"en": "model q", "ja": "モデル q"},
    "softmax.model.coin": {"en": "coin: model q", "ja": "コイン：モデル q"},
    "softmax.model.uniform": {"en": "uniform 1/K", "ja": "一様 1/K"},
    "softmax.model.mle": {"en": "MLE q = p̂", "ja": "最尤 q = p̂"},
    "softmax.model.tilted": {"en": "tilted", "ja": "傾けた q"},
    "softmax.model.peaked": {"en": "0.7 on class 1", "ja": "クラス 1 に 0.7"},
    "softmax.curve_caption": {
        "en": "At q = {q}: H(p̂, q) = {cross} = H(p̂) {h} + KL {kl} ({unit}).",
        "ja": "q = {q} のとき：H(p̂, q) = {cross} = H(p̂) {h} + KL {kl}（{unit}）。",
    },
    "softmax.bars_caption": {
        "en": "Class frequencies p̂ = ({p_hat}). When the classes are equally frequent, the uniform model is the MLE "
              "and its bar has no KL part either.",
        "ja": "クラスの相対頻度 p̂ = ({p_hat})。クラスの頻度が等しいときは一様モデルが最尤推定値になり、その棒にも KL の部分がありません。",
    },
    "softmax.col.entropy.model": {"en": "model", "ja": "モデル"},
    "softmax.col.entropy.q": {"en": "q", "ja": "q"},
    "softmax.col.entropy.entropy": {"en": "H(p̂)", "ja": "H(p̂)"},
    "softmax.col.entropy.kl": {"en": "KL(p̂‖q)", "ja": "KL(p̂‖q)"},
    "softmax.col.entropy.cross": {"en": "H(p̂, q)", "ja": "H(p̂, q)"},
    "softmax.col.entropy.scipy_entropy": {"en": "entropy(p̂)", "ja": "entropy(p̂)"},
    "softmax.col.entropy.scipy_kl": {"en": "entropy(p̂, q)", "ja": "entropy(p̂, q)"},
    "softmax.col.entropy.difference": {"en": "|H(p̂,q) − sum|", "ja": "|H(p̂,q) − 和|"},
    "softmax.scipy_caption": {
        "en": "entropy(p̂) and entropy(p̂, q) are scipy.stats.entropy's numbers (which compute H and KL "
              "independently); their sum equals the cross-entropy up to rounding (the last column). "
              "All values in {unit}; 1 bit = ln 2 nats ≈ 0.693 nats.",
        "ja": "entropy(p̂) と entropy(p̂, q) は scipy.stats.entropy が独立に計算した H と KL です。"
              "その和は丸め誤差を除いて交差エントロピーに一致します（最後の列）。"
              "単位はすべて {unit}。1 ビット = ln 2 ナット ≈ 0.693 ナット。",
    },
    # -- 2. softmax regression
    "softmax.train_header": {"en": "2. Softmax regression, trained by the lab's optimizers", "ja": "2. ソフトマックス回帰をラボの最適化手法で学習"},
    "softmax.train_intro": {
        "en": "P(y = k | x) = softmax(Wᵀx + b)ₖ with one weight column per class. The loss is the mean softmax "
              "cross-entropy, which is the categorical negative log-likelihood divided by N; its gradient is "
              "Xᵀ(P − Y)/N. The same training loop as the binary logistic regression runs every optimizer, "
              "full batch or minibatch, with optional L2 and standardisation; L-BFGS finds the optimum for comparison.",
        "ja": "P(y = k | x) = softmax(Wᵀx + b)ₖ（クラスごとに重みの列が 1 本）。損失は平均ソフトマックス交差エントロピー、"
              "すなわちカテゴリカル分布の負の対数尤度を N で割ったもので、その勾配は Xᵀ(P − Y)/N です。"
              "二値ロジスティック回帰と同じ学習ループで、どの最適化手法でも、フルバッチでもミニバッチでも、L2 正則化と標準化の有無を選んで学習します。"
              "比較のため L-BFGS で最適解を求めます。",
    },
    "softmax.optimizer": {"en": "Optimizer", "ja": "最適化手法"},
    "softmax.lr": {"en": "Learning rate η of {name}", "ja": "{name} の学習率 η"},
    "softmax.epochs": {"en": "Epochs", "ja": "エポック数"},
    "softmax.batch": {"en": "Minibatch size", "ja": "ミニバッチサイズ"},
    "softmax.batch_full": {"en": "full batch", "ja": "フルバッチ"},
    "softmax.l2": {"en": "L2 strength λ (on W, not on b)", "ja": "L2 正則化の強さ λ（W のみ、b にはかけない）"},
    "softmax.std": {"en": "Standardise features", "ja": "特徴量を標準化"},
    "softmax.logy": {"en": "Log scale", "ja": "対数目盛"},
    "softmax.diverged": {
        "en": "{name} diverged in epoch {epoch}: the loss blew up or overflowed. Lower the learning rate.",
        "ja": "{name} はエポック {epoch} で発散しました（損失が爆発またはオーバーフロー）。学習率を下げてください。",
    },
    "softmax.class": {"en": "class", "ja": "クラス"},
    "softmax.regions_title": {"en": "Decision regions of the model trained by {name}", "ja": "{name} で学習したモデルの決定領域"},
    "softmax.epoch_axis": {"en": "epoch", "ja": "エポック"},
    "softmax.objective_axis": {"en": "objective J(W, b) (nats)", "ja": "目的関数 J(W, b)（ナット）"},
    "softmax.optimum": {"en": "L-BFGS optimum", "ja": "L-BFGS の最適値"},
    "softmax.loss_title": {"en": "Training loss against the optimum", "ja": "学習中の損失と最適値"},
    "softmax.loss_caption": {
        "en": "After training: mean NLL {nll}, accuracy {acc}, objective − optimum = {gap}. "
              "The optimum's accuracy: {opt_acc}.",
        "ja": "学習後：平均負の対数尤度 {nll}、正解率 {acc}、目的関数 − 最適値 = {gap}。最適解の正解率：{opt_acc}。",
    },
    "softmax.regions_caption": {
        "en": "Each cell has the colour of the class the model predicts there (the argmax); the stronger the colour, "
              "the larger that class's probability.",
        "ja": "各セルは、そこでモデルが予測するクラス（argmax）の色です。色が濃いほど、そのクラスの確率が大きいことを示します。",
    },
    "softmax.no_optimum": {
        "en": "L-BFGS did not converge: with λ = 0 and classes that can be separated by the model, no finite "
              "optimum exists (the loss only tends to its infimum). Try λ > 0.",
        "ja": "L-BFGS が収束しませんでした。λ = 0 でモデルがクラスを完全に分けられる場合、有限の最適解は存在しません"
              "（損失は下限に近づくだけです）。λ > 0 を試してください。",
    },
    "softmax.prob_axis": {"en": "probability", "ja": "確率"},
    "softmax.surfaces_title": {"en": "P(y = k | x) for each class k (trained model)", "ja": "各クラス k の P(y = k | x)（学習後のモデル）"},
    "softmax.k2_header": {"en": "K = 2: softmax is the sigmoid of z₁ − z₀", "ja": "K = 2：ソフトマックスは z₁ − z₀ のシグモイド"},
    "softmax.k2_intro": {
        "en": "On the samples of the first two classes ({a}, {b}) the two-class softmax trainer runs next to the "
              "binary logistic-regression trainer. With W starting at 0 the two weight columns stay opposite "
              "(w₀ = −w₁), so u = w₁ − w₀ moves twice as fast: the softmax run with η and λ is the sigmoid run "
              "with 2η and λ/2, for every optimizer.",
        "ja": "最初の 2 クラス（{a}、{b}）の標本で、2 クラスのソフトマックスの学習と二値ロジスティック回帰の学習を並べて実行します。"
              "W = 0 から始めると 2 本の重みの列は常に逆向き（w₀ = −w₁）なので、u = w₁ − w₀ は 2 倍の速さで動きます。"
              "つまり η と λ のソフトマックスは、2η と λ/2 のシグモイドと同じです（どの最適化手法でも）。",
    },
    "softmax.k2_missing": {
        "en": "The first two classes do not both have samples here, so the K = 2 comparison is skipped.",
        "ja": "ここでは最初の 2 クラスの両方に標本がないため、K = 2 の比較は省略します。",
    },
    "softmax.col.k2.trainer": {"en": "trainer", "ja": "学習"},
    "softmax.col.k2.lr": {"en": "η", "ja": "η"},
    "softmax.col.k2.l2": {"en": "λ", "ja": "λ"},
    "softmax.col.k2.nll": {"en": "final mean NLL", "ja": "最終の平均負の対数尤度"},
    "softmax.col.k2.accuracy": {"en": "accuracy", "ja": "正解率"},
    "softmax.trainer.softmax": {"en": "softmax, K = 2", "ja": "ソフトマックス（K = 2）"},
    "softmax.trainer.binary": {"en": "sigmoid (binary trainer)", "ja": "シグモイド（二値の学習）"},
    "softmax.k2_caption": {
        "en": "Largest difference between the two, over every sample's predicted probability and every epoch's loss: {diff}.",
        "ja": "2 つの差の最大値（全標本の予測確率と全エポックの損失について）：{diff}。",
    },
    # -- 3. temperature
    "softmax.temp_header": {"en": "3. Shift, overflow and temperature", "ja": "3. ずらし・オーバーフロー・温度"},
    "softmax.temp_intro": {
        "en": "Adding the same constant c to every logit does not change the softmax, which is why code subtracts "
              "the largest logit before exponentiating. Dividing the logits by a temperature T does change it: "
              "T < 1 sharpens, T > 1 flattens, the predicted class stays the same. Below, the example logits "
              "(2, 1, 0.1) + c, and the L-BFGS optimum on the data above with the chosen λ, scored at every T.",
        "ja": "すべてのロジットに同じ定数 c を足してもソフトマックスは変わりません。そのため実装では指数をとる前に最大のロジットを引きます。"
              "ロジットを温度 T で割るとソフトマックスは変わります。T < 1 で鋭く、T > 1 で平らになり、予測クラスは変わりません。"
              "下では例のロジット (2, 1, 0.1) + c と、上のデータに選んだ λ で求めた L-BFGS の最適解を、各 T で評価します。",
    },
    "softmax.shift": {"en": "Constant c added to the logits", "ja": "ロジットに足す定数 c"},
    "softmax.T": {"en": "Temperature T", "ja": "温度 T"},
    "softmax.tl2": {"en": "L2 strength λ of the model scored over T", "ja": "温度で評価するモデルの L2 正則化 λ"},
    "softmax.col.shift.cls": {"en": "class", "ja": "クラス"},
    "softmax.col.shift.logit": {"en": "z + c", "ja": "z + c"},
    "softmax.col.shift.stable": {"en": "max subtracted", "ja": "最大値を引く"},
    "softmax.col.shift.naive": {"en": "as written", "ja": "式どおり"},
    "softmax.naive_fails": {
        "en": "As written, exp(z) overflows to inf (or every exp underflows to 0) and the ratio is NaN; after "
              "subtracting the largest logit the same probabilities come out for every c.",
        "ja": "そのまま計算すると exp(z) が inf にオーバーフロー（またはすべて 0 にアンダーフロー）し、比は NaN になります。"
              "最大のロジットを引けば、どの c でも同じ確率が得られます。",
    },
    "softmax.naive_ok": {
        "en": "Here both ways agree (up to rounding). Try c = 1,000 or −1,000: float64's exp overflows beyond about 709.",
        "ja": "ここでは両方の計算が（丸め誤差を除いて）一致します。c = 1,000 や −1,000 を試してください。float64 の exp は約 709 を超えるとオーバーフローします。",
    },
    "softmax.class_axis": {"en": "class k", "ja": "クラス k"},
    "softmax.at_t": {"en": "softmax(z/T), T = {t}", "ja": "softmax(z/T)、T = {t}"},
    "softmax.at_one": {"en": "softmax(z), T = 1", "ja": "softmax(z)、T = 1"},
    "softmax.example_title": {"en": "The example logits at temperature T", "ja": "例のロジットを温度 T で"},
    "softmax.chosen_t": {"en": "chosen T = {t}", "ja": "選んだ T = {t}"},
    "softmax.best_t": {"en": "lowest NLL at T* = {t}", "ja": "負の対数尤度が最小の T* = {t}"},
    "softmax.t_axis": {"en": "temperature T (log scale)", "ja": "温度 T（対数目盛）"},
    "softmax.share_axis": {"en": "fraction", "ja": "割合"},
    "softmax.confidence": {"en": "mean confidence max P", "ja": "平均確信度 max P"},
    "softmax.accuracy": {"en": "accuracy", "ja": "正解率"},
    "softmax.ece": {"en": "calibration error (ECE)", "ja": "較正誤差（ECE）"},
    "softmax.calibration_title": {"en": "Confidence against accuracy over T", "ja": "温度 T と確信度・正解率"},
    "softmax.nll_axis": {"en": "mean NLL (nats)", "ja": "平均負の対数尤度（ナット）"},
    "softmax.nll": {"en": "mean NLL of softmax(z/T)", "ja": "softmax(z/T) の平均負の対数尤度"},
    "softmax.tnll_title": {"en": "The loss over T", "ja": "温度 T と損失"},
    "softmax.temp_caption": {
        "en": "At T = {t}: mean confidence {conf}, accuracy {acc} (the same for every T), ECE {ece}, mean NLL {nll}. "
              "The NLL is lowest at T* = {best}.",
        "ja": "T = {t} のとき：平均確信度 {conf}、正解率 {acc}（T によらず一定）、ECE {ece}、平均負の対数尤度 {nll}。"
              "負の対数尤度は T* = {best} で最小です。",
    },
    "softmax.notice": {
        "en": "- The cross-entropy curve and the KL band have their minimum at the same q, q = p̂, for every sample: "
              "the entropy H(p̂) is a floor that no model can go below, and KL is the excess.\n"
              "- In bits every number is the number in nats divided by ln 2; the minimiser does not move.\n"
              "- With λ = 0, standardising changes the optimizer's path but not the optimum's loss or its decision regions "
              "(with λ > 0 it changes what the penalty measures, so the optimum moves).\n"
              "- The K = 2 check agrees up to floating-point rounding whenever training is stable, for every optimizer, "
              "batch size and λ, because the two-class softmax is the sigmoid of z₁ − z₀. With a learning rate so large "
              "that training oscillates or diverges, the two runs amplify their rounding differences and drift apart "
              "(the caption gives the largest difference).\n"
              "- Shifting every logit by c does not change the stable softmax (up to rounding); the temperature changes the confidence, "
              "never the predicted class, so the accuracy line is flat.\n"
              "- With λ = 0 and an optimum that exists, the lowest NLL over T is at T* = 1: dividing the logits by T "
              "is one of the directions the fit already optimised. A ridge λ > 0 shrinks the logits, so T* < 1 "
              "(at the ridge optimum the NLL still decreases when all logits grow).",
        "ja": "- 交差エントロピーの曲線と KL の帯は、どの標本でも同じ q = p̂ で最小になります。エントロピー H(p̂) はどのモデルも"
              "下回れない床で、KL はその超過分です。\n"
              "- ビットで表した値はすべて、ナットの値を ln 2 で割ったものです。最小点は動きません。\n"
              "- λ = 0 なら、標準化で最適化の経路は変わりますが、最適解の損失と決定領域は変わりません"
              "（λ > 0 では罰則が測るものが変わるので、最適解も動きます）。\n"
              "- 学習が安定している限り、K = 2 の比較はどの最適化手法・バッチサイズ・λ でも浮動小数点の丸め誤差の範囲で一致します。"
              "2 クラスのソフトマックスは z₁ − z₀ のシグモイドだからです。学習が振動・発散するほど学習率が大きいと、"
              "2 つの計算は丸め誤差を増幅して離れていきます（最大の差は表の下に示します）。\n"
              "- すべてのロジットを c ずらしても、安定に計算したソフトマックスは（丸め誤差を除いて）変わりません。温度は確信度を変えますが、"
              "予測クラスは変えないので、正解率の線は水平です。\n"
              "- λ = 0 で最適解が存在するとき、温度についての負の対数尤度は T* = 1 で最小です（ロジットを T で割る方向は、"
              "学習ですでに最適化された方向の 1 つだからです）。λ > 0 はロジットを縮めるので T* < 1 になります（リッジの最適解では、すべてのロジットを大きくしても負の対数尤度はまだ下がるからです）。",
    },
    # -- exercises
    "ex.softmax.probability": {
        "en": "A classifier outputs the logits z = {z} for three classes. What is softmax(z) for class {k}?",
        "ja": "分類器が 3 クラスに対してロジット z = {z} を出力しました。クラス {k} の softmax(z) はいくつですか？",
    },
    "ex.softmax.one_hot": {
        "en": "The logits are z = {z} and the true class is {y} (one-hot target). What is the softmax cross-entropy "
              "loss ℓ = −Σₖ yₖ log softmax(z)ₖ (natural log)?",
        "ja": "ロジットが z = {z} で、正解クラスは {y} です（one-hot の目標）。ソフトマックス交差エントロピー損失 "
              "ℓ = −Σₖ yₖ log softmax(z)ₖ（自然対数）はいくつですか？",
    },
    "ex.softmax.gradient": {
        "en": "The logits are z = {z} and the true class is {y}. What is the derivative ∂ℓ/∂z of the softmax "
              "cross-entropy ℓ with respect to z = the logit of class {j}?",
        "ja": "ロジットが z = {z} で、正解クラスは {y} です。ソフトマックス交差エントロピー ℓ の、"
              "z = クラス {j} のロジットについての偏微分 ∂ℓ/∂z はいくつですか？",
    },
    "ex.softmax.mean_ce": {
        "en": "A classifier gives {n} examples these probabilities of their true class: {p}. What is the mean "
              "cross-entropy loss (natural log)?",
        "ja": "分類器が {n} 個の例に対して、正解クラスの確率をそれぞれ {p} と出力しました。平均交差エントロピー損失（自然対数）はいくつですか？",
    },
    "ex.softmax.entropy": {
        "en": "What is the entropy H(p) of the distribution p = {p}, in bits?",
        "ja": "分布 p = {p} のエントロピー H(p) は何ビットですか？",
    },
    "ex.softmax.overflow": {
        "en": "Code computes softmax(z) = exp(z) / sum(exp(z)) in float64, exactly as written, for the logits "
              "z = {z}. What is the correct probability of the third class, and what does that code print?"
              " Pick the correct value.",
        "ja": "float64 で softmax(z) = exp(z) / sum(exp(z)) を式どおりに計算するコードに、ロジット z = {z} を与えます。"
              "3 番目のクラスの正しい確率はどれですか？",
    },
    "ex.slip.sm_not_normalised": {
        "en": "A common slip: that is e^{z_k} alone. Softmax divides it by the sum over all classes, Σⱼ e^{z_j}, so the probabilities add up to 1.",
        "ja": "よくある間違い：それは e^{z_k} だけです。ソフトマックスはそれを全クラスの和 Σⱼ e^{z_j} で割り、確率の和を 1 にします。",
    },
    "ex.slip.sm_no_exp": {
        "en": "A common slip: z_k / Σⱼ z_j divides the logits themselves. Softmax exponentiates first: e^{z_k} / Σⱼ e^{z_j} (logits can be negative; exponentials never are).",
        "ja": "よくある間違い：z_k / Σⱼ z_j はロジットそのものを割っています。ソフトマックスは先に指数をとります：e^{z_k} / Σⱼ e^{z_j}（ロジットは負にもなりますが、指数は負になりません）。",
    },
    "ex.slip.sm_wrong_class": {
        "en": "A common slip: that is −log of the probability of a wrong class. With a one-hot target only the true class's term survives: ℓ = −log softmax(z)_y.",
        "ja": "よくある間違い：それは正解でないクラスの確率の −log です。one-hot の目標では正解クラスの項だけが残ります：ℓ = −log softmax(z)_y。",
    },
    "ex.slip.sm_grad_sign": {
        "en": "A common slip: Y − P is the gradient of the log-likelihood; the loss is its negative, so ∂ℓ/∂z = P − Y.",
        "ja": "よくある間違い：Y − P は対数尤度の勾配です。損失はその符号を反転したものなので ∂ℓ/∂z = P − Y です。",
    },
    "ex.slip.sm_grad_forgot_y": {
        "en": "A common slip: that is p_j alone. For the true class the one-hot target contributes −1: ∂ℓ/∂z_j = p_j − 1.",
        "ja": "よくある間違い：それは p_j だけです。正解クラスでは one-hot の目標の −1 が加わり、∂ℓ/∂z_j = p_j − 1 です。",
    },
    "ex.slip.sm_nats_not_bits": {
        "en": "A common slip: that is the entropy in nats (natural log). In bits use log base 2: divide the nats by ln 2 ≈ 0.693.",
        "ja": "よくある間違い：それはナット（自然対数）で測ったエントロピーです。ビットでは底 2 の対数を使います（ナットの値を ln 2 ≈ 0.693 で割る）。",
    },
    "ex.slip.sm_overflow": {
        "en": "A common slip: that is what the code prints, not the probability. exp overflows to inf and inf/inf is NaN; "
              "subtracting the largest logit first gives the right value without overflow.",
        "ja": "よくある間違い：それはコードが出力する値で、確率ではありません。exp が inf にオーバーフローし inf/inf = NaN になります。"
              "先に最大のロジットを引けば、オーバーフローせずに正しい値が得られます。",
    },
    "ex.slip.sm_largest_is_one": {
        "en": "A common slip: the largest logit does not take all the probability; only the differences matter, and they are 1 and 2 here.",
        "ja": "よくある間違い：最大のロジットが確率をすべて取るわけではありません。効くのは差だけで、ここでは差は 1 と 2 です。",
    },
    "ex.slip.sm_big_equal": {
        "en": "A common slip: large logits are not 'all about the same'. Softmax depends only on their differences (0, 1, 2).",
        "ja": "よくある間違い：大きなロジットが「ほぼ同じ」になるわけではありません。ソフトマックスは差 (0, 1, 2) だけで決まります。",
    },
}
