"""Strings of the Home page (the entry point)."""

STRINGS = {
    "home.title": {"en": "Estimation Lab", "ja": "推定ラボ"},
    "home.summary": {
        "en": "A map of the lab: what each page teaches and which exam topic it covers.",
        "ja": "ラボの案内図：各ページで学べることと、対応する試験範囲。",
    },
    "home.exam": {"en": "All topics", "ja": "全範囲"},
    "home.intro": {
        "en": "Learn estimation by moving a slider and watching the mathematics respond. Every page draws reproducible data from the **seed** in the sidebar, shows the formula next to its chart, and keeps all its settings in the **URL**, so a view can be projected, bookmarked and shared.",
        "ja": "スライダーを動かし、数式がどう応えるかを見ながら推定を学びましょう。各ページはサイドバーの**シード**から再現可能なデータを生成し、グラフの横に数式を示し、すべての設定を**URL**に保存します。表示をそのまま投影・ブックマーク・共有できます。",
    },
    "home.map": {"en": "Map of the lab", "ja": "ラボの案内図"},
    "home.audience": {
        "en": "Built for students preparing for the JDLA Deep Learning exam (E資格) or an ML course, and for teachers projecting it in class. Where common study notes contain slips, each page shows the correct result and names the slip.",
        "ja": "JDLA Deep Learning 資格試験（E資格）や機械学習の講義に向けて学ぶ人、授業で投影する先生のために作られています。よく使われる学習ノートに誤りがある箇所では、各ページが正しい結果を示し、その誤りを指摘します。",
    },
}
