"""Strings of the Sampling page."""

STRINGS = {
    "sampling.title": {"en": "Sampling", "ja": "サンプリング"},
    "sampling.summary": {
        "en": "Draw Bernoulli, binomial and Gaussian samples; compare the histogram with the exact distribution and watch the running mean settle (law of large numbers).",
        "ja": "ベルヌーイ分布・二項分布・正規分布から標本を生成し、ヒストグラムを厳密な分布と比べ、標本平均が収束する様子（大数の法則）を観察します。",
    },
    "sampling.exam": {"en": "Probability distributions, expectation and variance, law of large numbers", "ja": "確率分布・期待値と分散・大数の法則"},
    "sampling.intro": {
        "en": "Pick a distribution and a sample size N. The data are drawn from the seed in the sidebar, so the same settings always give the same picture.",
        "ja": "分布と標本サイズ N を選んでください。データはサイドバーのシードから生成されるため、同じ設定なら常に同じ図になります。",
    },
    "sampling.dist": {"en": "Distribution", "ja": "分布"},
    "sampling.dist.bernoulli": {"en": "Bernoulli(p)", "ja": "ベルヌーイ分布 (p)"},
    "sampling.dist.binomial": {"en": "Binomial(n, p)", "ja": "二項分布 (n, p)"},
    "sampling.dist.gaussian": {"en": "Gaussian(μ, σ)", "ja": "正規分布 (μ, σ)"},
    "sampling.p": {"en": "Success probability p", "ja": "成功確率 p"},
    "sampling.trials": {"en": "Trials n", "ja": "試行回数 n"},
    "sampling.mu": {"en": "Mean μ", "ja": "平均 μ"},
    "sampling.sigma": {"en": "Standard deviation σ", "ja": "標準偏差 σ"},
    "sampling.size": {"en": "Sample size N", "ja": "標本サイズ N"},
    "sampling.hist_title": {"en": "Histogram and exact distribution", "ja": "ヒストグラムと厳密な分布"},
    "sampling.x_axis": {"en": "value x", "ja": "値 x"},
    "sampling.y_axis_discrete": {"en": "relative frequency / P(X = x)", "ja": "相対度数 / P(X = x)"},
    "sampling.y_axis_continuous": {"en": "density", "ja": "密度"},
    "sampling.observed": {"en": "sample (N draws)", "ja": "標本（N 個）"},
    "sampling.exact_pmf": {"en": "exact pmf", "ja": "厳密な確率質量関数"},
    "sampling.exact_pdf": {"en": "exact pdf", "ja": "厳密な確率密度関数"},
    "sampling.lln_title": {"en": "Running mean of the first k draws", "ja": "最初の k 個の標本平均"},
    "sampling.k_axis": {"en": "number of draws k (log scale)", "ja": "標本数 k（対数目盛）"},
    "sampling.mean_axis": {"en": "running mean x̄ₖ", "ja": "標本平均 x̄ₖ"},
    "sampling.running": {"en": "running mean x̄ₖ", "ja": "標本平均 x̄ₖ"},
    "sampling.band": {"en": "E[X] ± 2·sd/√k", "ja": "E[X] ± 2·sd/√k"},
    "sampling.expected": {"en": "E[X]", "ja": "E[X]"},
    "sampling.table_title": {"en": "Sample against theory", "ja": "標本と理論値の比較"},
    "sampling.mean": {"en": "mean", "ja": "平均"},
    "sampling.variance": {"en": "variance", "ja": "分散"},
    "sampling.variance_note": {
        "en": "The sample variance here divides by N − 1 (unbiased); with N = 1 it is undefined. The Estimator bias page shows why.",
        "ja": "ここでの標本分散は N − 1 で割っています（不偏）。N = 1 では定義されません。理由は「推定量のバイアス」ページで確認できます。",
    },
    "sampling.notice": {
        "en": "- With small N the histogram is ragged and the running mean wanders; as N grows the bars hug the exact distribution.\n- The running mean stays mostly inside the band E[X] ± 2·sd/√k, which narrows like 1/√k: to halve the error you need four times the data.\n- Change the seed: the early part of the path changes completely, the destination does not.",
        "ja": "- N が小さいとヒストグラムはでこぼこで、標本平均はふらつきます。N が大きくなると棒は厳密な分布にぴったり重なります。\n- 標本平均はほとんどの場合 E[X] ± 2·sd/√k の帯の中にあり、帯は 1/√k の速さで狭くなります。誤差を半分にするには 4 倍のデータが必要です。\n- シードを変えると、序盤の経路はまったく変わりますが、行き着く先は変わりません。",
    },
    "ex.sampling.binomial_variance": {
        "en": "X ~ Binomial(n = {n}, p = {p}). What is Var[X]?",
        "ja": "X ~ 二項分布 (n = {n}, p = {p}) のとき、Var[X] はいくつですか？",
    },
    "ex.sampling.bernoulli_moments": {
        "en": "X ~ Bernoulli(p = {p}). What is Var[X]?",
        "ja": "X ~ ベルヌーイ分布 (p = {p}) のとき、Var[X] はいくつですか？",
    },
    "ex.sampling.halve_band": {
        "en": "After k = {k} draws the running mean is typically within ±2·sd/√k of E[X]. How many draws k′ make that band half as wide?",
        "ja": "k = {k} 個の標本の平均は、たいてい E[X] から ±2·sd/√k の範囲にあります。この幅を半分にするには何個 (k′) の標本が必要ですか？",
    },
}
