"""Strings of the Likelihood page."""

STRINGS = {
    "likelihood.title": {"en": "Likelihood", "ja": "尤度"},
    "likelihood.summary": {
        "en": "See the maximum-likelihood estimate sit at the peak of the (log-)likelihood, why we take logs, and how the peak sharpens as data grow.",
        "ja": "最尤推定値が（対数）尤度の山頂にあること、対数を取る理由、データが増えると山が鋭くなる様子を確かめます。",
    },
    "likelihood.exam": {
        "en": "Maximum likelihood estimation, log-likelihood, score, Fisher information",
        "ja": "最尤推定・対数尤度・スコア関数・フィッシャー情報量",
    },
    "likelihood.intro": {
        "en": "The likelihood L(θ) asks: how probable are **these** data if the parameter were θ? The maximum-likelihood estimate θ̂ is the θ that makes them most probable — the top of the curve. Start with the classic exam question (8 successes in 10 trials), then simulate data and change the view.",
        "ja": "尤度 L(θ) は「パラメータが θ だとしたら、**この**データはどれくらい起こりやすいか」を表します。最尤推定値 θ̂ はデータを最も起こりやすくする θ、つまり曲線の山頂です。まずは試験の定番問題（10 回中 8 回成功）から始め、データをシミュレーションしたり表示を切り替えたりしてみましょう。",
    },
    # --- inputs
    "likelihood.model": {"en": "Model", "ja": "モデル"},
    "likelihood.model.bernoulli": {"en": "Bernoulli(p)", "ja": "ベルヌーイ分布 (p)"},
    "likelihood.model.binomial": {"en": "Binomial(n, θ)", "ja": "二項分布 (n, θ)"},
    "likelihood.model.gaussian": {"en": "Gaussian(μ, σ²)", "ja": "正規分布 (μ, σ²)"},
    "likelihood.source": {"en": "Data", "ja": "データ"},
    "likelihood.source.typed": {"en": "type in k of n", "ja": "k と n を入力"},
    "likelihood.source.simulated": {"en": "simulate from θ", "ja": "θ から生成"},
    "likelihood.k": {"en": "Successes k", "ja": "成功回数 k"},
    "likelihood.trials": {"en": "Trials n", "ja": "試行回数 n"},
    "likelihood.true_p": {"en": "True success probability p", "ja": "真の成功確率 p"},
    "likelihood.true_theta": {"en": "True success probability θ", "ja": "真の成功確率 θ"},
    "likelihood.true_mu": {"en": "True mean μ", "ja": "真の平均 μ"},
    "likelihood.true_s2": {"en": "True variance σ²", "ja": "真の分散 σ²"},
    "likelihood.size": {"en": "Sample size N", "ja": "標本サイズ N"},
    "likelihood.view": {"en": "View", "ja": "表示"},
    "likelihood.view.curves": {"en": "Likelihood and log-likelihood", "ja": "尤度と対数尤度"},
    "likelihood.view.surface": {"en": "Surface over (μ, σ²)", "ja": "(μ, σ²) の曲面"},
    "likelihood.view.logs": {"en": "Why logs?", "ja": "なぜ対数を取る？"},
    "likelihood.view.sharpen": {"en": "More data, sharper peak", "ja": "データが増えると山が鋭くなる"},
    "likelihood.vary": {"en": "Parameter on the horizontal axis", "ja": "横軸のパラメータ"},
    "likelihood.vary.mu": {"en": "μ (σ² held at σ̂²)", "ja": "μ（σ² は σ̂² に固定）"},
    "likelihood.vary.sigma2": {"en": "σ² (μ held at μ̂ = x̄)", "ja": "σ²（μ は μ̂ = x̄ に固定）"},
    # --- summary metrics
    "likelihood.metric.mle": {"en": "MLE {hat}", "ja": "最尤推定値 {hat}"},
    "likelihood.metric.loglik": {"en": "Maximum log-likelihood ℓ({hats})", "ja": "最大対数尤度 ℓ({hats})"},
    "likelihood.metric.successes": {"en": "Successes k of {N} = {n}", "ja": "成功回数 k（{N} = {n} 回中）"},
    "likelihood.metric.size": {"en": "Sample size N", "ja": "標本サイズ N"},
    # --- curves view
    "likelihood.x_axis": {"en": "parameter {sym}", "ja": "パラメータ {sym}"},
    "likelihood.lik_title": {"en": "Likelihood L({sym})", "ja": "尤度 L({sym})"},
    "likelihood.loglik_title": {"en": "Log-likelihood ℓ({sym}) = log L({sym})", "ja": "対数尤度 ℓ({sym}) = log L({sym})"},
    "likelihood.lik_axis": {"en": "likelihood L({sym})", "ja": "尤度 L({sym})"},
    "likelihood.lik_axis_scaled": {"en": "L({sym}) / 10{power}", "ja": "L({sym}) / 10{power}"},
    "likelihood.loglik_axis": {"en": "log-likelihood ℓ({sym})", "ja": "対数尤度 ℓ({sym})"},
    "likelihood.lik_label": {"en": "likelihood L", "ja": "尤度 L"},
    "likelihood.loglik_label": {"en": "log-likelihood ℓ", "ja": "対数尤度 ℓ"},
    "likelihood.mle_label": {"en": "MLE {hat}", "ja": "最尤推定値 {hat}"},
    "likelihood.truth_label": {"en": "true value", "ja": "真の値"},
    "likelihood.tangent_label": {"en": "tangent: slope = score", "ja": "接線（傾き = スコア）"},
    "likelihood.scaled_note": {
        "en": "L is about 10{power} here, so the left axis counts in units of 10{power}: the curve is exp(ℓ − ({exponent})·ln 10). The log-likelihood on the right needs no rescaling.",
        "ja": "ここでの L は約 10{power} なので、左の軸は 10{power} を単位にしています（曲線は exp(ℓ − ({exponent})·ln 10)）。右の対数尤度ならこのような単位の工夫は不要です。",
    },
    "likelihood.scaled_note_float": {
        "en": "Computed directly, L would not even fit in float64 (about 4.9 × 10⁻³²⁴ to 1.8 × 10³⁰⁸): it would read exactly 0 or ∞ — see “Why logs?”.",
        "ja": "L をそのまま計算すると float64 の範囲（約 4.9 × 10⁻³²⁴ 〜 1.8 × 10³⁰⁸）にすら収まらず、ちょうど 0 か ∞ になってしまいます（「なぜ対数を取る？」を参照）。",
    },
    "likelihood.col.loglik": {"en": "log-likelihood ℓ", "ja": "対数尤度 ℓ"},
    "likelihood.col.score": {"en": "score dℓ/d{sym}", "ja": "スコア dℓ/d{sym}"},
    "likelihood.score_note": {
        "en": "The score is the slope of ℓ. At the MLE it is zero (up to floating-point rounding, which grows with N) — the tangent is flat; at the true value it is not, because the data never match the truth exactly.",
        "ja": "スコアは ℓ の傾きです。最尤推定値では 0（N とともに大きくなる浮動小数点の丸め誤差を除く）で、接線は水平になります。真の値では 0 になりません。データが真の値とぴったり一致することはないからです。",
    },
    "likelihood.boundary_note": {
        "en": "Here {hat} = {value} lies on the edge of [0, 1]: ℓ is largest at the edge but its slope there is {score}, not zero — \"set the derivative to zero\" cannot find a boundary maximum, and the quadratic (Wald) theory breaks down.",
        "ja": "ここでは {hat} = {value} が区間 [0, 1] の端にあります。ℓ は端で最大ですが、そこでの傾きは 0 ではなく {score} です。「微分して 0 とおく」方法では端の最大値は見つからず、二次近似（Wald）の理論も成り立ちません。",
    },
    "likelihood.slip.bernoulli": {
        "en": "−ℓ(p) is the binary cross-entropy, summed (not averaged) over the sample. A common slip is writing the exponent as (1 − x) without the index i, or adding the second term of the score instead of subtracting it.",
        "ja": "−ℓ(p) は標本全体で**合計**した（平均ではない）二値交差エントロピーです。よくある間違いは、指数を添字なしの (1 − x) と書くことや、スコアの第 2 項を引かずに足してしまうことです。",
    },
    "likelihood.slip.binomial": {
        "en": "A common slip is dℓ/dθ = k/θ **+** (n − k)/(1 − θ). The derivative of log(1 − θ) is −1/(1 − θ), so the second term is subtracted; setting the score to zero gives θ̂ = k/n (8 of 10 → 0.8).",
        "ja": "よくある間違いは dℓ/dθ = k/θ **+** (n − k)/(1 − θ) と書くことです。log(1 − θ) の微分は −1/(1 − θ) なので第 2 項は引き算です。スコアを 0 とおくと θ̂ = k/n（10 回中 8 回なら 0.8）になります。",
    },
    "likelihood.slip.gaussian": {
        "en": "A common slip is ∂ℓ/∂σ² = **+N/(2σ²)** + Σ(xᵢ − μ)²/(2σ⁴). The derivative of −(N/2) log σ² is −N/(2σ²); with the minus sign the score vanishes at σ̂² = (1/N)Σ(xᵢ − x̄)², which divides by N (biased low, unlike the 1/(N − 1) sample variance).",
        "ja": "よくある間違いは ∂ℓ/∂σ² = **+N/(2σ²)** + Σ(xᵢ − μ)²/(2σ⁴) と書くことです。−(N/2) log σ² の微分は −N/(2σ²) です。正しい符号ならスコアは σ̂² = (1/N)Σ(xᵢ − x̄)² で 0 になります。これは N で割るので、1/(N − 1) の標本分散と違い、やや小さめに偏ります。",
    },
    # --- surface view
    "likelihood.surface_gaussian_only": {
        "en": "The surface view needs two parameters, so it is offered for the Gaussian model only: showing the likelihood curves instead. Choose the Gaussian model above to see the surface.",
        "ja": "曲面の表示には 2 つのパラメータが必要なので、正規分布モデルでのみ選べます。代わりに尤度の曲線を表示しています。曲面を見るには、上で正規分布モデルを選んでください。",
    },
    "likelihood.grid": {"en": "Surface grid (points per axis)", "ja": "曲面のグリッド（軸あたりの点数）"},
    "likelihood.surface_title": {"en": "Log-likelihood surface ℓ(μ, σ²) − ℓ̂", "ja": "対数尤度の曲面 ℓ(μ, σ²) − ℓ̂"},
    "likelihood.surface_color": {"en": "ℓ − ℓ̂", "ja": "ℓ − ℓ̂"},
    "likelihood.mu_axis": {"en": "mean μ", "ja": "平均 μ"},
    "likelihood.s2_axis": {"en": "variance σ²", "ja": "分散 σ²"},
    "likelihood.contours": {"en": "contours ℓ̂ − ½, 2, 4½, 8", "ja": "等高線 ℓ̂ − ½, 2, 4½, 8"},
    "likelihood.slices": {"en": "slices through the MLE", "ja": "最尤点を通る断面"},
    "likelihood.slice_mu_title": {"en": "Slice along μ at σ² = σ̂²", "ja": "σ² = σ̂² での μ 方向の断面"},
    "likelihood.slice_s2_title": {"en": "Slice along σ² at μ = μ̂", "ja": "μ = μ̂ での σ² 方向の断面"},
    "likelihood.surface_note": {
        "en": "Colour: ℓ − ℓ̂ at the centres of a {cells} × {cells} heatmap (values below −12.5 share the palest colour). Contour lines: traced on the full {grid} × {grid} grid at ℓ̂ − j²/2, i.e. j = 1, 2, 3, 4 standard errors from the peak along one parameter. The grid costs O(grid²) whatever N, because ℓ depends on the data only through N, x̄ and Σ(xᵢ − x̄)².",
        "ja": "色：{cells} × {cells} のヒートマップの各セル中心での ℓ − ℓ̂（−12.5 未満はいちばん淡い色）。等高線：{grid} × {grid} の全グリッドから ℓ̂ − j²/2（片方のパラメータ方向に山頂から標準誤差 j = 1, 2, 3, 4 個分）で描いています。ℓ はデータに N, x̄, Σ(xᵢ − x̄)² を通してしか依存しないので、N によらず計算量は O(グリッド²) です。",
    },
    # --- why logs
    "likelihood.logs_title": {"en": "The plain product of densities against the log-likelihood", "ja": "密度をそのまま掛けた積と対数尤度"},
    "likelihood.logs_x": {"en": "number of observations n (log scale)", "ja": "観測数 n（対数目盛）"},
    "likelihood.logs_y": {"en": "log₁₀ of the likelihood", "ja": "尤度の常用対数 log₁₀"},
    "likelihood.product_label": {"en": "log₁₀ of the float64 product Π f(xᵢ)", "ja": "float64 で計算した積 Π f(xᵢ) の log₁₀"},
    "likelihood.sum_label": {"en": "ℓ / ln 10 (a sum of logs)", "ja": "ℓ / ln 10（対数の和）"},
    "likelihood.underflow_label": {"en": "the product underflows to 0", "ja": "積が 0 にアンダーフロー"},
    "likelihood.overflow_label": {"en": "the product overflows to ∞", "ja": "積が ∞ にオーバーフロー"},
    "likelihood.limit_under": {"en": "smallest float64 ≈ 4.9 × 10⁻³²⁴", "ja": "float64 の最小値 ≈ 4.9 × 10⁻³²⁴"},
    "likelihood.limit_over": {"en": "largest float64 ≈ 1.8 × 10³⁰⁸", "ja": "float64 の最大値 ≈ 1.8 × 10³⁰⁸"},
    "likelihood.metric.failure": {"en": "First n where the product fails", "ja": "積が破綻する最初の n"},
    "likelihood.metric.product": {"en": "Product at n = N", "ja": "n = N での積"},
    "likelihood.metric.sum": {"en": "ℓ at n = N", "ja": "n = N での ℓ"},
    "likelihood.never": {"en": "never (within N)", "ja": "なし（N 以内）"},
    "likelihood.never_note": {
        "en": "Within these {n} observations the product never leaves the float64 range. Multiplied further, it would leave it: it underflows to 0 when the densities are mostly below 1, and overflows to ∞ when they are above 1 (for a Gaussian at its MLE, when σ̂² < 1/(2πe) ≈ 0.0585). Simulate data and raise N to a few thousand. Only when every factor is exactly 1 (all observations 0 with p̂ = 0, or all 1 with p̂ = 1) does the product stay 1.",
        "ja": "この {n} 個の観測の範囲では、積は float64 の範囲から外れません。さらに掛け続けると範囲から外れます。密度の多くが 1 未満なら 0 にアンダーフローし、1 を超えるなら ∞ にオーバーフローします（正規分布を最尤推定値で評価する場合、σ̂² < 1/(2πe) ≈ 0.0585 のとき）。データを生成して N を数千以上にしてみてください。すべての因子がちょうど 1 のとき（観測がすべて 0 で p̂ = 0、またはすべて 1 で p̂ = 1）だけは、積は 1 のままです。",
    },
    "likelihood.underflow_note": {
        "en": "At n = {n} the product has shrunk below the smallest float64 and is stored as exactly 0 — and stays 0 from then on — while ℓ = {loglik} is an ordinary number. Every comparison between two such likelihoods would read 0 = 0.",
        "ja": "n = {n} で積は float64 の最小値を下回り、ちょうど 0 として記録されます（以後ずっと 0 のままです）。一方 ℓ = {loglik} はごく普通の数です。このような尤度どうしを比べると、どれも 0 = 0 になってしまいます。",
    },
    "likelihood.overflow_note": {
        "en": "At n = {n} the product exceeds the largest float64 and becomes ∞: with a variance this small the densities are above 1, so the product grows instead of shrinking. ℓ = {loglik} is still an ordinary number.",
        "ja": "n = {n} で積は float64 の最大値を超え ∞ になります。分散がこれほど小さいと密度は 1 を超えるため、積は小さくならずに大きくなり続けます。ℓ = {loglik} はやはり普通の数です。",
    },
    "likelihood.logs_at": {
        "en": "Both are evaluated at the MLE of the whole sample ({at}), where the likelihood of all N observations is largest: if the product underflows there by n = N, it underflows at every other parameter value too. An overflow (small σ²) is the other way round: away from the MLE the densities are smaller, so the product overflows later (at 1.5σ̂² or 3σ̂², say) or not at all.",
        "ja": "どちらも標本全体の最尤推定値（{at}）で評価しています。N 個すべての観測の尤度が最大になる点なので、ここで n = N までに積がアンダーフローするなら、ほかのどのパラメータ値でもアンダーフローします。オーバーフロー（σ² が小さいとき）は逆です。最尤推定値から離れると密度が小さくなるので、オーバーフローは遅くなる（たとえば 1.5σ̂² や 3σ̂²）か、起こらなくなります。",
    },
    "likelihood.binomial_logs_note": {
        "en": "For the binomial, the n trials are multiplied one at a time (the binomial coefficient C(n, k) is left out; on its own it overflows float64 once n passes about 1,030).",
        "ja": "二項分布では n 回の試行を 1 回ずつ掛けています（二項係数 C(n, k) は除いています。これ単独でも n が約 1,030 を超えると float64 でオーバーフローします）。",
    },
    # --- more data
    "likelihood.sharp_title": {"en": "Relative log-likelihood for growing data", "ja": "データを増やしたときの相対対数尤度"},
    "likelihood.rel_axis": {"en": "relative log-likelihood ℓ({sym}) − ℓ({hat})", "ja": "相対対数尤度 ℓ({sym}) − ℓ({hat})"},
    "likelihood.size_label": {"en": "{N} = {n}", "ja": "{N} = {n}"},
    "likelihood.size_label_k": {"en": "{N} = {n}, k = {k}", "ja": "{N} = {n}, k = {k}"},
    "likelihood.quad_title": {"en": "Quadratic approximation at the MLE", "ja": "最尤推定値での二次近似"},
    "likelihood.exact_label": {"en": "ℓ − ℓ̂ (exact)", "ja": "ℓ − ℓ̂（厳密）"},
    "likelihood.quad_label": {"en": "quadratic −½ J({hat}) ({sym} − {hat})²", "ja": "二次近似 −½ J({hat}) ({sym} − {hat})²"},
    "likelihood.wald_label": {"en": "Wald {hat} ± 1.96·SE", "ja": "Wald 区間 {hat} ± 1.96·SE"},
    "likelihood.lr_label": {"en": "likelihood-ratio interval", "ja": "尤度比区間"},
    "likelihood.threshold_label": {"en": "ℓ̂ − 1.92", "ja": "ℓ̂ − 1.92"},
    "likelihood.table.wald": {"en": "Wald {hat} ± 1.96·SE", "ja": "Wald 区間 {hat} ± 1.96·SE"},
    "likelihood.table.lr": {"en": "likelihood ratio: 2(ℓ̂ − ℓ) ≤ 3.84", "ja": "尤度比: 2(ℓ̂ − ℓ) ≤ 3.84"},
    "likelihood.col.lower": {"en": "lower", "ja": "下限"},
    "likelihood.col.upper": {"en": "upper", "ja": "上限"},
    "likelihood.col.width": {"en": "width", "ja": "幅"},
    "likelihood.interval_title": {"en": "95% intervals for {sym}", "ja": "{sym} の 95% 区間"},
    "likelihood.info_note": {
        "en": "Observed information J({hat}) = −ℓ″({hat}) = {info}; SE = 1/√J = {se}. The other parameter, if any, is held at its MLE.",
        "ja": "観測情報量 J({hat}) = −ℓ″({hat}) = {info}、SE = 1/√J = {se}。もう一方のパラメータがある場合は最尤推定値に固定しています。",
    },
    # --- what to notice
    "likelihood.notice.curves": {
        "en": "- Both curves peak at the **same** θ̂: the logarithm is increasing, so it moves the height, never the location of the maximum.\n- The log turns the product into a sum, so the score is a sum too — and setting it to zero gives the MLE in closed form.\n- The true value is close to θ̂ but not on it; simulate a few seeds and watch θ̂ scatter around it.",
        "ja": "- 2 つの曲線は**同じ** θ̂ で最大になります。対数は単調増加なので、最大値の高さは変わっても位置は変わりません。\n- 対数を取ると積が和になり、スコアも和になります。それを 0 とおくと最尤推定値が式で求まります。\n- 真の値は θ̂ の近くにありますが一致はしません。シードを変えて、θ̂ が真の値の周りでばらつく様子を見てください。",
    },
    "likelihood.notice.surface": {
        "en": "- The peak of the surface is the joint MLE (x̄, σ̂²); each slice through it peaks at the same point.\n- The contours are symmetric about μ = x̄ and never tilted: ℓ depends on μ only through (x̄ − μ)², and the information matrix at the MLE is diagonal (μ̂ and σ̂² are uncorrelated).\n- Along σ² they are lopsided — steep towards σ² = 0, gentle upwards — and they widen in μ as σ² grows: a larger variance tolerates a mean further from x̄.",
        "ja": "- 曲面の山頂は同時最尤推定値 (x̄, σ̂²) で、そこを通る断面もすべて同じ点で最大になります。\n- 等高線は μ = x̄ に関して左右対称で、傾くことはありません。ℓ は μ に (x̄ − μ)² を通してしか依存せず、最尤点での情報行列は対角（μ̂ と σ̂² は無相関）だからです。\n- σ² 方向には非対称で、σ² = 0 に向かっては急に、大きい側へはゆっくり下がります。また σ² が大きいほど μ 方向に広がります。分散が大きければ、x̄ から離れた平均も許容されるからです。",
    },
    "likelihood.notice.logs": {
        "en": "- Each factor f(xᵢ) is typically below 1, so the product shrinks geometrically and reaches 0 in float64 after a few hundred to a few thousand observations.\n- The sum of logs falls linearly and stays an ordinary number even at N = 1,000,000.\n- That is why every library (and every loss function) works with log-likelihoods: −ℓ is the loss you minimise.",
        "ja": "- 各因子 f(xᵢ) はふつう 1 より小さいので、積は指数的に小さくなり、数百〜数千個の観測で float64 では 0 になります。\n- 対数の和は直線的に減るだけで、N = 1,000,000 でも普通の数のままです。\n- だからこそ、どのライブラリも（どの損失関数も）対数尤度で計算します。−ℓ こそが最小化する損失です。",
    },
    "likelihood.notice.sharpen": {
        "en": "- With 10× the data the curve is about √10 ≈ 3.2× narrower: the standard error shrinks like 1/√N.\n- Near its peak ℓ is almost a parabola whose curvature is the observed information J; SE = 1/√J.\n- For a proportion with few trials ℓ is skewed: the Wald interval can leave [0, 1] (8 of 10 gives 1.048), while the likelihood-ratio interval respects it. With more data the two agree.",
        "ja": "- データを 10 倍にすると、曲線の幅は約 √10 ≈ 3.2 分の 1 になります。標準誤差は 1/√N で小さくなります。\n- 山頂付近の ℓ はほぼ放物線で、その曲率が観測情報量 J です。SE = 1/√J。\n- 試行回数が少ない比率では ℓ は非対称です。Wald 区間は [0, 1] からはみ出すことがあります（10 回中 8 回なら上限 1.048）が、尤度比区間ははみ出しません。データが増えると両者は一致します。",
    },
    # --- exercises
    "ex.likelihood.binomial_mle": {
        "en": "A coin lands heads k = {k} times in n = {n} tosses. What is the maximum-likelihood estimate θ̂ of its probability of heads θ?",
        "ja": "コインを n = {n} 回投げたところ、表が k = {k} 回出ました。表が出る確率 θ の最尤推定値 θ̂ はいくつですか？",
    },
    "ex.likelihood.binomial_score": {
        "en": "With k = {k} successes in n = {n} trials, what is the score dℓ/dθ of the binomial log-likelihood at θ = {theta}?",
        "ja": "n = {n} 回の試行で k = {k} 回成功したとき、二項分布の対数尤度のスコア dℓ/dθ は θ = {theta} でいくつですか？",
    },
    "ex.likelihood.gaussian_variance": {
        "en": "The sample x = {x} (N = {N}) comes from a Gaussian N(μ, σ²) with μ and σ² both unknown. What is the maximum-likelihood estimate σ̂² of the variance?",
        "ja": "標本 x = {x}（N = {N}）は、μ と σ² がともに未知の正規分布 N(μ, σ²) から得られました。分散の最尤推定値 σ̂² はいくつですか？",
    },
    "ex.likelihood.gaussian_score": {
        "en": "For the sample x = {x} (N = {N}), what is the derivative ∂ℓ/∂σ² of the Gaussian log-likelihood at μ = {mu}, σ² = {s2}?",
        "ja": "標本 x = {x}（N = {N}）について、正規分布の対数尤度の偏微分 ∂ℓ/∂σ² は μ = {mu}、σ² = {s2} でいくつですか？",
    },
    "ex.likelihood.proportion_se": {
        "en": "In a survey k = {k} of n = {n} people answer yes. What is the estimated standard error of the proportion p̂ = k/n?",
        "ja": "アンケートで n = {n} 人中 k = {k} 人が「はい」と答えました。比率 p̂ = k/n の標準誤差の推定値はいくつですか？",
    },
    "ex.likelihood.why_logs": {
        "en": "A sample has N = {N} coin flips with k = {k} heads. Why does software maximise the log-likelihood ℓ(p) = Σᵢ log f(xᵢ; p) rather than the likelihood L(p) = Πᵢ f(xᵢ; p) itself? Pick the statement that explains it.",
        "ja": "N = {N} 回のコイン投げで表が k = {k} 回出た標本があります。ソフトウェアが尤度 L(p) = Πᵢ f(xᵢ; p) そのものではなく、対数尤度 ℓ(p) = Σᵢ log f(xᵢ; p) を最大化するのはなぜですか？その理由を表す式を選んでください。",
    },
    "ex.slip.lik_score_plus": {
        "en": "A common slip (also in the notes): the score with a plus, k/θ + (n − k)/(1 − θ). The derivative of log(1 − θ) is −1/(1 − θ), so dℓ/dθ = k/θ − (n − k)/(1 − θ); with the plus, setting it to zero gives k/(2k − n), which is not even in [0, 1].",
        "ja": "よくある間違い（ノートにもあります）：スコアを k/θ + (n − k)/(1 − θ) と足し算にすること。log(1 − θ) の微分は −1/(1 − θ) なので dℓ/dθ = k/θ − (n − k)/(1 − θ) です。足し算のまま 0 とおくと k/(2k − n) となり、[0, 1] にすら入りません。",
    },
    "ex.slip.lik_failures": {
        "en": "A common slip: that is the share of failures (n − k)/n; θ is the probability of success, so θ̂ = k/n.",
        "ja": "よくある間違い：それは失敗の割合 (n − k)/n です。θ は成功の確率なので θ̂ = k/n です。",
    },
    "ex.slip.lik_n_minus_1": {
        "en": "A common slip: dividing by N − 1 gives the unbiased sample variance s², not the MLE. Setting ∂ℓ/∂σ² to zero gives σ̂² = (1/N)Σ(xᵢ − x̄)², which divides by N.",
        "ja": "よくある間違い：N − 1 で割ると不偏分散 s² になり、最尤推定値ではありません。∂ℓ/∂σ² = 0 から得られる σ̂² = (1/N)Σ(xᵢ − x̄)² は N で割ります。",
    },
    "ex.slip.lik_sigma2_plus": {
        "en": "A common slip (also in the notes): +N/(2σ²). The derivative of −(N/2) log σ² with respect to σ² is −N/(2σ²), so ∂ℓ/∂σ² = −N/(2σ²) + Σ(xᵢ − μ)²/(2σ⁴).",
        "ja": "よくある間違い（ノートにもあります）：+N/(2σ²) としてしまうこと。−(N/2) log σ² を σ² で微分すると −N/(2σ²) なので、∂ℓ/∂σ² = −N/(2σ²) + Σ(xᵢ − μ)²/(2σ⁴) です。",
    },
    "ex.slip.lik_wrt_sigma": {
        "en": "A common slip: that is ∂ℓ/∂σ = −N/σ + Σ(xᵢ − μ)²/σ³, the derivative with respect to σ. Here the variable is σ²: ∂ℓ/∂σ² = (∂ℓ/∂σ)/(2σ).",
        "ja": "よくある間違い：それは σ で微分した ∂ℓ/∂σ = −N/σ + Σ(xᵢ − μ)²/σ³ です。ここでの変数は σ² で、∂ℓ/∂σ² = (∂ℓ/∂σ)/(2σ) です。",
    },
    "ex.slip.lik_se_forgot_n": {
        "en": "A common slip: √(p̂(1 − p̂)) is the spread of a single 0/1 observation; the standard error of the proportion of n of them is √(p̂(1 − p̂)/n).",
        "ja": "よくある間違い：√(p̂(1 − p̂)) は 0/1 の観測 1 個のばらつきです。n 個から求めた比率の標準誤差は √(p̂(1 − p̂)/n) です。",
    },
    "ex.slip.lik_log_monotone": {
        "en": "A common slip: log is strictly increasing, so L and ℓ = log L have their maximum at the same p̂ = k/N. Logs change the numbers (and turn the product into a sum), never the maximiser.",
        "ja": "よくある間違い：log は狭義単調増加なので、L と ℓ = log L は同じ p̂ = k/N で最大になります。対数は値を変え（積を和にし）ますが、最大となる位置は変えません。",
    },
    "ex.slip.lik_not_probability": {
        "en": "A common slip: the likelihood is a function of the parameter for fixed data, not a distribution over p; neither L(p) nor log L(p) has to integrate to 1 (log L is even negative).",
        "ja": "よくある間違い：尤度はデータを固定したときのパラメータの関数で、p の確率分布ではありません。L(p) も log L(p) も積分が 1 になる必要はありません（log L は負の値にさえなります）。",
    },
}
