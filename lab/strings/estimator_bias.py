"""Strings of the Estimator bias page."""

STRINGS = {
    "estimator_bias.title": {"en": "Estimator bias", "ja": "推定量のバイアス"},
    "estimator_bias.summary": {
        "en": "When is the 1/N variance estimator biased, by how much, and why is the unbiased 1/(N − 1) estimator not the one with the smallest error?",
        "ja": "分散の 1/N 推定量はいつ・どれだけ偏るのか。そして不偏な 1/(N − 1) 推定量が誤差最小とは限らないのはなぜかを確かめます。",
    },
    "estimator_bias.exam": {
        "en": "Point estimation: bias, unbiased variance, MSE and the bias–variance trade-off, consistency",
        "ja": "点推定：バイアス・不偏分散・平均二乗誤差とバイアス–バリアンスのトレードオフ・一致性",
    },
    "estimator_bias.intro": {
        "en": "Draw **R** samples of size **N** from a population with variance σ² and estimate σ² from each sample in several ways. The R estimates form each estimator's *sampling distribution*: where it is centred tells you the **bias**, how wide it is the **variance**, and both together the **mean squared error** (MSE).",
        "ja": "分散 σ² の母集団からサイズ **N** の標本を **R** 回取り出し、各標本から σ² をいくつかの方法で推定します。R 個の推定値が各推定量の**標本分布**です。分布の中心から**バイアス**が、広がりから**分散**が、そして両方を合わせて**平均二乗誤差**（MSE）がわかります。",
    },
    "estimator_bias.pop": {"en": "Population", "ja": "母集団"},
    "estimator_bias.pop.gaussian": {"en": "Gaussian", "ja": "正規分布"},
    "estimator_bias.pop.exponential": {"en": "Exponential (skewed)", "ja": "指数分布（歪んだ分布）"},
    "estimator_bias.pop.student_t": {"en": "Student-t (heavy tails)", "ja": "t 分布（裾が重い）"},
    "estimator_bias.pop.bernoulli": {"en": "Bernoulli (0/1)", "ja": "ベルヌーイ分布（0/1）"},
    "estimator_bias.param.sigma2": {"en": "Variance σ²", "ja": "分散 σ²"},
    "estimator_bias.param.scale": {"en": "Scale", "ja": "尺度"},
    "estimator_bias.param.nu": {"en": "Degrees of freedom ν (> 4)", "ja": "自由度 ν（> 4）"},
    "estimator_bias.param.p": {"en": "Success probability p", "ja": "成功確率 p"},
    "estimator_bias.n": {"en": "Sample size N", "ja": "標本サイズ N"},
    "estimator_bias.reps": {"en": "Replications R (samples drawn)", "ja": "繰り返し回数 R（取り出す標本の数）"},
    "estimator_bias.draws_limit": {
        "en": "One simulation draws R × N random numbers, at most {limit:,} (a time and memory bound); larger combinations are refused.",
        "ja": "1 回のシミュレーションで乱数を R × N 個使います。上限は {limit:,} 個で（時間とメモリの制約）、それを超える組み合わせは計算しません。",
    },
    "estimator_bias.show": {"en": "Estimators in the histogram", "ja": "ヒストグラムに表示する推定量"},
    "estimator_bias.show_none": {
        "en": "Pick at least one estimator to see its sampling distribution.",
        "ja": "標本分布を表示するには、推定量を 1 つ以上選んでください。",
    },
    "estimator_bias.population_caption": {
        "en": "This population: mean μ = {mean:.4g}, variance σ² = {sigma2:.4g}, excess kurtosis μ₄/σ⁴ − 3 = {kurtosis:.3g} (Gaussian: 0; heavier tails: above 0).",
        "ja": "この母集団：平均 μ = {mean:.4g}、分散 σ² = {sigma2:.4g}、超過尖度 μ₄/σ⁴ − 3 = {kurtosis:.3g}（正規分布は 0、裾が重いほど大きい）。",
    },
    "estimator_bias.heavy_tail_note": {
        "en": "With ν ≤ 8 the eighth moment is infinite, so the Monte Carlo standard errors of the variance and MSE are unreliable (the exact values are still right).",
        "ja": "ν ≤ 8 では 8 次モーメントが無限大なので、分散と MSE のモンテカルロ標準誤差は当てになりません（厳密値は正しいままです）。",
    },
    # estimators (long labels for legends and the table, short ones for the MSE axis)
    "estimator_bias.label.n_minus_1": {"en": "1/(N − 1), around x̄: S² (unbiased)", "ja": "1/(N − 1)・x̄ 中心：S²（不偏分散）"},
    "estimator_bias.label.n": {"en": "1/N, around x̄ (biased; Gaussian MLE)", "ja": "1/N・x̄ 中心（偏り・正規分布の最尤推定量）"},
    "estimator_bias.label.n_plus_1": {"en": "1/(N + 1), around x̄", "ja": "1/(N + 1)・x̄ 中心"},
    "estimator_bias.label.known_mean": {"en": "1/N, around the true μ", "ja": "1/N・真の μ 中心"},
    "estimator_bias.short.n_minus_1": {"en": "÷ (N − 1)", "ja": "÷ (N − 1)"},
    "estimator_bias.short.n": {"en": "÷ N", "ja": "÷ N"},
    "estimator_bias.short.n_plus_1": {"en": "÷ (N + 1)", "ja": "÷ (N + 1)"},
    "estimator_bias.short.known_mean": {"en": "÷ N, true μ", "ja": "÷ N・真の μ"},
    # sampling distributions
    "estimator_bias.dist_header": {"en": "Sampling distributions of the variance estimators", "ja": "分散の推定量の標本分布"},
    "estimator_bias.dist_title": {"en": "R estimates of σ², with σ² and each E[σ̂²]", "ja": "σ² の R 個の推定値と、σ² および各 E[σ̂²]"},
    "estimator_bias.x_axis": {"en": "estimate σ̂²", "ja": "推定値 σ̂²"},
    "estimator_bias.y_axis": {"en": "density", "ja": "密度"},
    "estimator_bias.hist": {"en": "Monte Carlo histogram", "ja": "モンテカルロのヒストグラム"},
    "estimator_bias.exact_pdf": {"en": "exact density (scaled χ²)", "ja": "厳密な密度（χ² の定数倍）"},
    "estimator_bias.expectation": {"en": "expectation E[σ̂²]", "ja": "期待値 E[σ̂²]"},
    "estimator_bias.sigma2_line": {"en": "true σ²", "ja": "真の σ²"},
    "estimator_bias.dist_caption_gaussian": {
        "en": "Dashed curves: exact densities. For Gaussian data (N − 1)S²/σ² follows χ² with N − 1 degrees of freedom (N with the true μ).",
        "ja": "破線の曲線は厳密な密度です。正規分布のデータでは (N − 1)S²/σ² が自由度 N − 1 の χ² 分布に従います（真の μ を使うと自由度 N）。",
    },
    "estimator_bias.dist_caption_other": {
        "en": "Exact densities have a closed form only for Gaussian data; the expectation lines are exact for every population.",
        "ja": "厳密な密度が閉じた式で書けるのは正規分布のデータだけですが、期待値の線はどの母集団でも厳密値です。",
    },
    "estimator_bias.outside": {
        "en": "Up to {fraction:.1%} of an estimator's values fall outside the axis (mostly the long right tail at small N) and are not drawn.",
        "ja": "各推定量の値のうち最大 {fraction:.1%} が横軸の範囲外にあり、描かれていません（主に N が小さいときの長い右裾です）。",
    },
    "estimator_bias.at_n": {
        "en": "At N = {n}: E[σ̂²] of the 1/N estimator is (N − 1)/N · σ² = {nm1}/{n} · {sigma2:.4g} = **{mean:.4g}**, a bias of −σ²/N = **{bias:.4g}**. The 1/(N − 1) estimator and the 1/N estimator around the true μ both have expectation σ² = {sigma2:.4g}.",
        "ja": "N = {n} のとき、1/N 推定量の期待値は (N − 1)/N · σ² = {nm1}/{n} · {sigma2:.4g} = **{mean:.4g}** で、バイアスは −σ²/N = **{bias:.4g}** です。1/(N − 1) 推定量と、真の μ を中心とする 1/N 推定量の期待値はどちらも σ² = {sigma2:.4g} です。",
    },
    # bias against N
    "estimator_bias.bias_header": {"en": "The bias vanishes as N grows", "ja": "N が大きくなるとバイアスは消える"},
    "estimator_bias.bias_title": {"en": "Bias of the 1/N estimator against N", "ja": "1/N 推定量のバイアスと N の関係"},
    "estimator_bias.bias_x": {"en": "sample size N (log scale)", "ja": "標本サイズ N（対数目盛）"},
    "estimator_bias.bias_y": {"en": "bias E[σ̂²] − σ²", "ja": "バイアス E[σ̂²] − σ²"},
    "estimator_bias.bias_mc": {"en": "Monte Carlo ± 2 SE", "ja": "モンテカルロ ± 2 標準誤差"},
    "estimator_bias.bias_exact": {"en": "exact −σ²/N", "ja": "厳密値 −σ²/N"},
    "estimator_bias.bias_zero": {"en": "no bias", "ja": "バイアスなし"},
    "estimator_bias.bias_current": {"en": "your N", "ja": "選択中の N"},
    "estimator_bias.bias_caption": {
        "en": "Each point spends {draws:,} random numbers: R = {draws:,}/N replications at size N (an independent stream per N from the same seed), so the error bars are about equally wide everywhere.",
        "ja": "各点で乱数を {draws:,} 個使います。サイズ N では R = {draws:,}/N 回の繰り返しです（同じシードから N ごとに独立な乱数列）。そのため誤差棒の幅はどの N でもほぼ同じです。",
    },
    "estimator_bias.bias_text": {
        "en": "The bias −σ²/N shrinks to 0: the 1/N estimator is **asymptotically unbiased**. Its variance also goes to 0, so its MSE does too and the estimate converges to σ²: it is **consistent**. At large N the choice between N − 1, N and N + 1 hardly matters; at small N it does.",
        "ja": "バイアス −σ²/N は 0 に近づきます。つまり 1/N 推定量は**漸近不偏**です。分散も 0 に近づくので MSE も 0 に近づき、推定値は σ² に収束します。すなわち**一致推定量**です。N が大きければ N − 1・N・N + 1 のどれで割っても大差ありませんが、N が小さいと差は大きくなります。",
    },
    # bias–variance trade-off
    "estimator_bias.mse_header": {"en": "Unbiased is not best: the bias–variance trade-off", "ja": "不偏が最良とは限らない：バイアスとバリアンスのトレードオフ"},
    "estimator_bias.mse_title": {"en": "MSE = variance + bias²", "ja": "MSE = 分散 + バイアス²"},
    "estimator_bias.mse_x": {"en": "divisor of Σ(xₙ − x̄)²", "ja": "Σ(xₙ − x̄)² を割る数"},
    "estimator_bias.mse_y": {"en": "MSE E[(σ̂² − σ²)²]", "ja": "MSE E[(σ̂² − σ²)²]"},
    "estimator_bias.variance": {"en": "variance (exact)", "ja": "分散（厳密値）"},
    "estimator_bias.bias2": {"en": "bias² (exact)", "ja": "バイアス²（厳密値）"},
    "estimator_bias.mse_mc": {"en": "Monte Carlo MSE ± 2 SE", "ja": "モンテカルロ MSE ± 2 標準誤差"},
    "estimator_bias.gaussian_mse": {
        "en": "For Gaussian data, dividing by N − 1, N and N + 1 gives, for every N ≥ 2,",
        "ja": "正規分布のデータでは、N − 1・N・N + 1 で割ったときの MSE は、どの N ≥ 2 でも次の順になります。",
    },
    "estimator_bias.mse_biased_wins": {
        "en": "**Here the biased 1/N estimator has a lower MSE ({mse_n:.4g}) than the unbiased 1/(N − 1) estimator ({mse_unbiased:.4g}).** Dividing by a larger number shrinks every estimate: that adds a little bias but removes more variance. Of the three, {best} has the smallest MSE ({mse_best:.4g}).",
        "ja": "**ここでは、偏りのある 1/N 推定量の MSE（{mse_n:.4g}）が、不偏な 1/(N − 1) 推定量の MSE（{mse_unbiased:.4g}）より小さくなっています。** 大きな数で割るとすべての推定値が縮み、バイアスが少し増える代わりに分散がそれ以上に減ります。3 つのうち MSE が最小なのは {best}（{mse_best:.4g}）です。",
    },
    "estimator_bias.mse_unbiased_wins": {
        "en": "**Here the unbiased 1/(N − 1) estimator has a lower MSE ({mse_unbiased:.4g}) than the 1/N estimator ({mse_n:.4g}).** Which divisor is best depends on the data: this population's light tails make S² vary little, so shrinking it gains less than the bias costs. Of the three, {best} has the smallest MSE ({mse_best:.4g}).",
        "ja": "**ここでは、不偏な 1/(N − 1) 推定量の MSE（{mse_unbiased:.4g}）が 1/N 推定量の MSE（{mse_n:.4g}）より小さくなっています。** 最良の割る数はデータによって変わります。この母集団は裾が軽く S² のばらつきが小さいため、縮めて得られる分散の減少がバイアスの代償に見合いません。3 つのうち MSE が最小なのは {best}（{mse_best:.4g}）です。",
    },
    "estimator_bias.optimal": {
        "en": "The divisor with the smallest possible MSE for this population is d* = **{d:.4g}** (N + 1 = {np1} for every Gaussian; heavier tails push d* up, lighter tails down).",
        "ja": "この母集団で MSE を最小にする割る数は d* = **{d:.4g}** です（正規分布なら常に N + 1 = {np1}。裾が重いほど d* は大きく、軽いほど小さくなります）。",
    },
    "estimator_bias.table_header": {"en": "Exact values and Monte Carlo estimates", "ja": "厳密値とモンテカルロ推定値"},
    "estimator_bias.col.divisor": {"en": "divisor", "ja": "割る数"},
    "estimator_bias.col.mean_exact": {"en": "E[σ̂²] exact", "ja": "E[σ̂²] 厳密値"},
    "estimator_bias.col.mean_mc": {"en": "E[σ̂²] MC", "ja": "E[σ̂²] MC"},
    "estimator_bias.col.bias_exact": {"en": "bias exact", "ja": "バイアス 厳密値"},
    "estimator_bias.col.bias_mc": {"en": "bias MC", "ja": "バイアス MC"},
    "estimator_bias.col.bias_se": {"en": "± SE", "ja": "± 標準誤差"},
    "estimator_bias.col.var_exact": {"en": "variance exact", "ja": "分散 厳密値"},
    "estimator_bias.col.var_mc": {"en": "variance MC", "ja": "分散 MC"},
    "estimator_bias.col.mse_exact": {"en": "MSE exact", "ja": "MSE 厳密値"},
    "estimator_bias.col.mse_mc": {"en": "MSE MC", "ja": "MSE MC"},
    "estimator_bias.table_caption": {
        "en": "Columns: the divisor of Σ(xₙ − x̄)², and the 1/N estimator around the true μ. MC = Monte Carlo over the R samples; ± SE is the standard error of the MC mean and bias (sd/√R). The MC values land within a few standard errors of the exact ones; raise R to tighten them.",
        "ja": "列は Σ(xₙ − x̄)² を割る数と、真の μ を中心とする 1/N 推定量です。MC は R 個の標本によるモンテカルロ推定値で、± 標準誤差は MC の平均とバイアスの標準誤差（sd/√R）です。MC の値は厳密値から標準誤差の数倍以内に収まります。R を増やすと近づきます。",
    },
    # derivation and the common slip
    "estimator_bias.derivation_header": {"en": "Why dividing by N is biased: the derivation", "ja": "N で割ると偏る理由：導出"},
    "estimator_bias.derivation_text": {
        "en": "Split each deviation from μ at x̄. The cross term vanishes because Σ(xₙ − x̄) = 0, and E[(x̄ − μ)²] = Var[x̄] = σ²/N:",
        "ja": "μ からの偏差を x̄ で分けます。Σ(xₙ − x̄) = 0 なので交差項は消え、E[(x̄ − μ)²] = Var[x̄] = σ²/N です。",
    },
    "estimator_bias.derivation_why": {
        "en": "x̄ is fitted to the same data: it is the c that minimises Σ(xₙ − c)², so deviations from x̄ are smaller than deviations from μ, by N(x̄ − μ)² on average σ². One degree of freedom is used up estimating the mean, which is why N − 1 appears.",
        "ja": "x̄ は同じデータに合わせて決まる値で、Σ(xₙ − c)² を最小にする c です。そのため x̄ からの偏差は μ からの偏差より小さく、その差 N(x̄ − μ)² は平均して σ² になります。平均の推定に自由度を 1 つ使うので N − 1 が現れます。",
    },
    "estimator_bias.slip": {
        "en": "**A common slip** is to write E[σ̂²] = N/(N − 1) · σ² for the 1/N estimator. N/(N − 1) is the *correction factor* (Bessel's correction: N/(N − 1) times the 1/N estimator is S²), not the expectation. The expectation is (N − 1)/N · σ², *below* σ² ({nm1}/{n}, not {n}/{nm1}, at N = {n}). And with the true mean μ the 1/N estimator is not biased at all.",
        "ja": "**よくある誤り**は、1/N 推定量について E[σ̂²] = N/(N − 1) · σ² と書くことです。N/(N − 1) は**補正係数**（ベッセルの補正：1/N 推定量を N/(N − 1) 倍すると S² になる）であって、期待値ではありません。期待値は (N − 1)/N · σ² で、σ² より**小さく**なります（N = {n} なら {n}/{nm1} ではなく {nm1}/{n}）。また、真の平均 μ を使えば 1/N 推定量はまったく偏りません。",
    },
    # Bernoulli proportion
    "estimator_bias.prop_header": {"en": "The Bernoulli proportion p̂", "ja": "ベルヌーイ分布の比率 p̂"},
    "estimator_bias.prop_title": {"en": "Sampling distribution of p̂ = k/N", "ja": "p̂ = k/N の標本分布"},
    "estimator_bias.prop_x": {"en": "proportion of ones p̂", "ja": "1 の割合 p̂"},
    "estimator_bias.prop_y": {"en": "relative frequency / P(p̂ = k/N)", "ja": "相対度数 / P(p̂ = k/N)"},
    "estimator_bias.prop_observed": {"en": "Monte Carlo (R samples)", "ja": "モンテカルロ（R 個の標本）"},
    "estimator_bias.prop_exact": {"en": "exact pmf (binomial)", "ja": "厳密な確率質量関数（二項分布）"},
    "estimator_bias.prop_mean": {"en": "E[p̂]", "ja": "E[p̂]"},
    "estimator_bias.prop_var": {"en": "Var[p̂]", "ja": "Var[p̂]"},
    "estimator_bias.prop_text": {
        "en": "The proportion of ones p̂ (the MLE of p) is unbiased, and its variance p(1 − p)/N falls like 1/N. The plug-in p̂(1 − p̂) estimates p(1 − p), the variance of one 0/1 observation (not of p̂); it divides by N, so it carries the same (N − 1)/N bias as above: E[p̂(1 − p̂)] = (N − 1)/N · p(1 − p). The variance of p̂ itself is estimated by p̂(1 − p̂)/N.",
        "ja": "1 の割合 p̂（p の最尤推定量）は不偏で、その分散 p(1 − p)/N は 1/N で小さくなります。代入した p̂(1 − p̂) は 0/1 の観測 1 個の分散 p(1 − p) の推定値です（p̂ の分散の推定値ではありません）。N で割っているので、上と同じ (N − 1)/N の偏りをもち、E[p̂(1 − p̂)] = (N − 1)/N · p(1 − p) です。p̂ 自身の分散は p̂(1 − p̂)/N で推定します。",
    },
    "estimator_bias.notice": {
        "en": "- The 1/N histogram (vermillion) and its expectation line sit **left of σ²** by exactly σ²/N; the 1/(N − 1) estimator and the 1/N estimator around the **true μ** are centred on σ². The bias comes from measuring deviations from x̄, not from dividing by N as such.\n- Move N: the bias −σ²/N is large at N = 2 (half of σ²!) and vanishes as N grows; at N = 1000 the divisors are indistinguishable.\n- For Gaussian data the MSE order is always 1/(N + 1) < 1/N < 1/(N − 1): **unbiased is not the same as best**. Switch to Student-t (heavier tails) or Bernoulli (lighter tails) and watch the best divisor d* move.\n- For Gaussian data the sampling distributions are skewed right at small N: even for the unbiased estimator most estimates fall below σ² (N = 5: P(S² < σ²) ≈ 0.59); the skewed and heavy-tailed populations here behave alike. 0/1 data need not: S² takes only a few values, and for Bernoulli p = 0.5, N = 4 only 12 % of them fall below σ².",
        "ja": "- 1/N 推定量のヒストグラム（朱色）とその期待値の線は、σ² よりちょうど σ²/N だけ**左**にあります。1/(N − 1) 推定量と、**真の μ** を中心とする 1/N 推定量は σ² を中心に分布します。偏りの原因は N で割ること自体ではなく、x̄ からの偏差を測ることです。\n- N を動かしてみましょう。バイアス −σ²/N は N = 2 では σ² の半分にもなりますが、N が大きくなると消え、N = 1000 ではどの割る数でもほぼ同じです。\n- 正規分布のデータでは MSE は常に 1/(N + 1) < 1/N < 1/(N − 1) の順です。**不偏であることと最良であることは別物**です。t 分布（裾が重い）やベルヌーイ分布（裾が軽い）に切り替えて、最良の割る数 d* がどう動くか見てみましょう。\n- 正規分布のデータでは、N が小さいと標本分布は右に裾を引きます。不偏な推定量でさえ、推定値の多くは σ² より小さくなります（N = 5 なら P(S² < σ²) ≈ 0.59）。歪んだ分布や裾の重い分布でも同様です。0/1 データはそうとは限りません。S² はわずかな値しか取らず、ベルヌーイ分布 p = 0.5、N = 4 では σ² を下回るのは 12 % だけです。",
    },
    # check-yourself exercises (estimation/teaching/estimator_bias.py)
    "ex.estimator_bias.expectation": {
        "en": "A sample of N = {n} values comes from a population with variance σ² = {sigma2}. What is the expectation E[σ̂²] of the 1/N estimator σ̂² = (1/N) Σ (xₙ − x̄)², taken around the sample mean x̄?",
        "ja": "分散 σ² = {sigma2} の母集団から N = {n} 個の値を取り出します。標本平均 x̄ を中心とする 1/N 推定量 σ̂² = (1/N) Σ (xₙ − x̄)² の期待値 E[σ̂²] はいくつですか？",
    },
    "ex.estimator_bias.bias": {
        "en": "N = {n}, σ² = {sigma2}: what is the bias E[σ̂²] − σ² of the 1/N estimator σ̂² = (1/N) Σ (xₙ − x̄)²?",
        "ja": "N = {n}、σ² = {sigma2} のとき、1/N 推定量 σ̂² = (1/N) Σ (xₙ − x̄)² のバイアス E[σ̂²] − σ² はいくつですか？",
    },
    "ex.estimator_bias.known_mean": {
        "en": "The true mean μ is known, and σ² is estimated from N = {n} observations by σ̃² = (1/N) Σ (xₙ − μ)². Is it biased? Pick its expectation E[σ̃²].",
        "ja": "真の平均 μ がわかっていて、N = {n} 個の観測値から σ̃² = (1/N) Σ (xₙ − μ)² で σ² を推定します。この推定量は偏っていますか？ 期待値 E[σ̃²] を選んでください。",
    },
    "ex.estimator_bias.smallest_mse": {
        "en": "Gaussian data, N = {n}. Which variance estimator has the smallest mean squared error E[(σ̂² − σ²)²]?",
        "ja": "正規分布のデータで N = {n} のとき、平均二乗誤差 E[(σ̂² − σ²)²] が最も小さい分散の推定量はどれですか？",
    },
    "ex.estimator_bias.proportion_variance": {
        "en": "N = {n} independent 0/1 trials with success probability p = {p}. What is the variance Var[p̂] of the proportion of successes p̂?",
        "ja": "成功確率 p = {p} の独立な 0/1 試行を N = {n} 回行います。成功の割合 p̂ の分散 Var[p̂] はいくつですか？",
    },
    "ex.slip.one_over_n_unbiased": {
        "en": "A common slip: around the sample mean x̄ the 1/N estimator is not unbiased; E[σ̂²] = (N − 1)/N · σ², below σ².",
        "ja": "よくある間違い：標本平均 x̄ を中心とする 1/N 推定量は不偏ではありません。E[σ̂²] = (N − 1)/N · σ² で、σ² より小さくなります。",
    },
    "ex.slip.bessel_factor_as_expectation": {
        "en": "A common slip (also in the notes): N/(N − 1) is Bessel's correction factor that turns the 1/N estimator into S², not the expectation. Around x̄, E[σ̂²] = (N − 1)/N · σ²; around the true μ there is no bias at all.",
        "ja": "よくある間違い（ノートにも見られます）：N/(N − 1) は 1/N 推定量を S² に直すベッセルの補正係数で、期待値ではありません。x̄ を中心にすると E[σ̂²] = (N − 1)/N · σ²、真の μ を中心にすると偏りはありません。",
    },
    "ex.slip.bias_sign": {
        "en": "A common slip: the bias is E[σ̂²] − σ² = −σ²/N, negative: the 1/N estimator underestimates σ².",
        "ja": "よくある間違い：バイアスは E[σ̂²] − σ² = −σ²/N で負です。1/N 推定量は σ² を小さめに見積もります。",
    },
    "ex.slip.known_mean_biased": {
        "en": "A common slip: the factor (N − 1)/N comes from fitting x̄ to the same data. With the true μ every term has E[(xₙ − μ)²] = σ², so the 1/N estimator is unbiased.",
        "ja": "よくある間違い：(N − 1)/N という係数は、同じデータに x̄ を合わせることから生じます。真の μ を使えば各項の期待値は E[(xₙ − μ)²] = σ² なので、1/N 推定量は不偏です。",
    },
    "ex.slip.unbiased_is_best": {
        "en": "A common slip: unbiased is not the same as the smallest MSE. For Gaussian data 1/(N + 1) accepts a little bias for a larger cut in variance.",
        "ja": "よくある間違い：不偏であることと MSE が最小であることは別です。正規分布のデータでは、1/(N + 1) が少しのバイアスと引き換えに分散を大きく減らします。",
    },
    "ex.slip.mle_not_smallest_mse": {
        "en": "Close: 1/N (the maximum-likelihood estimator) beats the unbiased 1/(N − 1), but for Gaussian data 1/(N + 1) has a smaller MSE still.",
        "ja": "惜しい：1/N（最尤推定量）は不偏な 1/(N − 1) より MSE が小さいですが、正規分布のデータでは 1/(N + 1) がさらに小さくなります。",
    },
    "ex.slip.p_hat_variance_no_n": {
        "en": "A common slip: p(1 − p) is the variance of one trial; the average of N trials has variance p(1 − p)/N.",
        "ja": "よくある間違い：p(1 − p) は 1 回の試行の分散です。N 回の平均の分散は p(1 − p)/N です。",
    },
}
