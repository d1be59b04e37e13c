"""Strings of the check-yourself exercises shared by every page (slips, UI)."""

STRINGS = {
    "ex.header": {"en": "Check yourself", "ja": "理解度チェック"},
    "ex.intro": {
        "en": "Questions are generated from the seed: change the seed for a new variant, or share the URL so a class gets the same one.",
        "ja": "問題はシードから生成されます。シードを変えると別の問題になり、URL を共有すればクラス全員が同じ問題に取り組めます。",
    },
    "ex.question": {"en": "Question {i}", "ja": "問題 {i}"},
    "ex.your_answer": {"en": "Your answer", "ja": "あなたの答え"},
    "ex.check": {"en": "Check", "ja": "答え合わせ"},
    "ex.right": {"en": "Right!", "ja": "正解です！"},
    "ex.wrong": {"en": "Not quite: the answer is {answer}.", "ja": "惜しい！正解は {answer} です。"},
    "ex.tolerance": {
        "en": "Right when it agrees with the exact value to the significant figures you type, at least {figures} (for 0.123456: 0.123 or 0.1235). Decimal or scientific notation, e.g. 1.23e-4.",
        "ja": "入力した有効数字の桁数（{figures} 桁以上）まで正確な値と一致すれば正解です（0.123456 なら 0.123 や 0.1235）。小数でも 1.23e-4 のような指数表記でもかまいません。",
    },
    "ex.tolerance_abs": {
        "en": "Right within ±{tolerance} of the exact value.",
        "ja": "正確な値との差が ±{tolerance} 以内なら正解です。",
    },
    "ex.solution": {"en": "Worked solution", "ja": "解答例"},
    "ex.score": {"en": "Score on this page: {right} of {answered} answered.", "ja": "このページの得点：{answered} 問中 {right} 問正解。"},
    "ex.no_answer": {"en": "Enter an answer first.", "ja": "先に答えを入力してください。"},
    "ex.slip.var_is_mean": {
        "en": "A common slip: that is the mean, not the variance.",
        "ja": "よくある間違い：それは分散ではなく平均です。",
    },
    "ex.slip.sd_not_var": {
        "en": "A common slip: that is the standard deviation; the variance is its square.",
        "ja": "よくある間違い：それは標準偏差です。分散はその 2 乗です。",
    },
    "ex.slip.var_second_moment": {
        "en": "A common slip: Var[X] = E[X²] − E[X]², and for a 0/1 variable E[X²] = E[X] = p.",
        "ja": "よくある間違い：Var[X] = E[X²] − E[X]² で、0/1 の変数では E[X²] = E[X] = p です。",
    },
    "ex.slip.sqrt_scaling": {
        "en": "A common slip: the error shrinks like 1/√k, so halving it needs four times the data, not twice.",
        "ja": "よくある間違い：誤差は 1/√k で小さくなるので、半分にするには 2 倍ではなく 4 倍のデータが必要です。",
    },
    "ex.slip.gradient_ascent": {
        "en": "A common slip (as in the notes' Adam code): the update must subtract; adding the step climbs the gradient.",
        "ja": "よくある間違い（ノートの Adam のコードと同じ）：更新は引き算です。足すと勾配を登ってしまいます。",
    },
    "ex.slip.missing_sqrt": {
        "en": "A common slip: divide by the square root of the accumulated squares (√h + ε), not by the sum itself.",
        "ja": "よくある間違い：2 乗の累積そのものではなく、その平方根（√h + ε）で割ります。",
    },
    "ex.slip.derivative_factor_two": {
        "en": "A common slip: d/dx (a·x²) = 2a·x; the factor 2 is easy to drop.",
        "ja": "よくある間違い：d/dx (a·x²) = 2a·x です。係数 2 を落としやすいので注意しましょう。",
    },
    "code.header": {"en": "Do it in code", "ja": "コードで確かめる"},
    "code.intro": {
        "en": "This program reproduces the page's main number with the current settings. It prints:",
        "ja": "このプログラムは、現在の設定でページの主な数値を再現します。出力：",
    },
    "share.header": {"en": "Share and export", "ja": "共有とエクスポート"},
    "share.url": {"en": "Link to exactly this view (copy with the icon):", "ja": "この表示そのものへのリンク（アイコンでコピー）："},
    "share.json": {"en": "Results as JSON", "ja": "結果を JSON で保存"},
    "share.scan": {"en": "Scan to open this view", "ja": "スキャンしてこの表示を開く"},
    "share.no_address": {
        "en": "No QR code: the app cannot tell its public address here. Set `{setting}` (environment or .streamlit/secrets.toml) to the address students open, e.g. https://your-app.streamlit.app.",
        "ja": "QR コードなし：ここではアプリの公開アドレスが分かりません。`{setting}`（環境変数または .streamlit/secrets.toml）に学生が開くアドレス（例：https://your-app.streamlit.app）を設定してください。",
    },
    "share.make": {"en": "Link to this view", "ja": "この表示へのリンク"},
    "share.make_help": {
        "en": "Makes the link to the page as it is now, with every setting, and its numbers as JSON.",
        "ja": "すべての設定を含む、いまの表示へのリンクと、その数値の JSON を作ります。",
    },
    "ex.slip.sum_not_mean": {
        "en": "A common slip: that is the sum over the examples (−log L); the mean divides it by N.",
        "ja": "よくある間違い：それは全標本の和（−log L）です。平均はそれを N で割ります。",
    },
    "ex.slip.log10": {
        "en": "A common slip: that used log base 10. In likelihoods and cross-entropy, log is the natural logarithm ln.",
        "ja": "よくある間違い：常用対数（底 10）で計算しています。尤度や交差エントロピーの log は自然対数 ln です。",
    },
    "ex.slip.var_not_sd": {
        "en": "A common slip: that is the variance; the standard error is its square root.",
        "ja": "よくある間違い：それは分散です。標準誤差はその平方根です。",
    },
}
