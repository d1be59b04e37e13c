"""Strings shared by every page: the shell, navigation, parameters."""

STRINGS = {
    "common.app_title": {"en": "Estimation Lab", "ja": "推定ラボ"},
    "common.language": {"en": "Language / 言語", "ja": "Language / 言語"},
    "common.seed": {"en": "Random seed", "ja": "乱数シード"},
    "common.seed_help": {
        "en": "The same seed always draws the same data, so a picture can be reproduced and shared.",
        "ja": "同じシードからは常に同じデータが生成されます。図を再現・共有できます。",
    },
    "common.new_seed": {"en": "New seed", "ja": "新しいシード"},
    "common.present": {"en": "Presenter mode", "ja": "プレゼンモード"},
    "common.present_help": {
        "en": "For a projector: large text, no exercises, code or download boxes, and a QR code beside the title that opens this view (without presenter mode) on the students' phones.",
        "ja": "プロジェクター用：大きな文字、演習・コード・ダウンロード欄を隠し、タイトル横に QR コード（学生のスマホでこの表示を通常モードで開く）を表示します。",
    },
    "common.share": {
        "en": "**Share this view:** every setting is stored in the page address (URL). Copy it from the address bar and anyone who opens it sees exactly this.",
        "ja": "**この表示を共有:** すべての設定はページのアドレス（URL）に保存されます。アドレスバーからコピーすれば、開いた人に同じ表示が再現されます。",
    },
    "common.nav.cross_entropy": {"en": "Cross-entropy", "ja": "交差エントロピー"},
    "common.nav.activations": {"en": "Activations", "ja": "活性化関数"},
    "common.section.start": {"en": "Start", "ja": "はじめに"},
    "common.section.probability": {"en": "Probability & sampling", "ja": "確率とサンプリング"},
    "common.section.estimation": {"en": "Estimation", "ja": "推定"},
    "common.section.learning": {"en": "Learning", "ja": "学習"},
    "common.bad_param": {
        "en": "The link's parameter `{name}` was ignored ({reason}); using the default `{default}`.",
        "ja": "リンクのパラメータ `{name}` は無視されました（{reason}）。既定値 `{default}` を使います。",
    },
    "common.unknown_param": {
        "en": "The link's parameter `{name}` is not used on this page and was removed.",
        "ja": "リンクのパラメータ `{name}` はこのページでは使われないため削除しました。",
    },
    "common.reason.repeated": {"en": "given more than once", "ja": "複数回指定されています"},
    "common.reason.too_long": {"en": "value too long", "ja": "値が長すぎます"},
    "common.reason.not_int": {"en": "not a whole number", "ja": "整数ではありません"},
    "common.reason.not_number": {"en": "not a finite number", "ja": "有限の数ではありません"},
    "common.reason.range": {"en": "must be between {lo} and {hi}", "ja": "{lo} 以上 {hi} 以下である必要があります"},
    "common.reason.choice": {"en": "must be one of {choices}", "ja": "{choices} のいずれかである必要があります"},
    "common.reason.count": {"en": "must list {lo} to {hi} items", "ja": "{lo}〜{hi} 個を指定する必要があります"},
    "common.reason.bool": {"en": "must be true or false", "ja": "true または false である必要があります"},
    "common.error": {"en": "Cannot compute this: {message}", "ja": "計算できません: {message}"},
    "common.export": {"en": "PNG · SVG · CSV", "ja": "PNG・SVG・CSV"},
    "common.export_help": {
        "en": "Download this chart as a ZIP: the picture as PNG and SVG, its data as CSV.",
        "ja": "このグラフを ZIP でダウンロード：画像（PNG と SVG）とデータ（CSV）。",
    },
    "common.what_to_notice": {"en": "What to notice", "ja": "ここに注目"},
    "common.formulas": {"en": "Formulas", "ja": "数式"},
    "common.sample": {"en": "Sample", "ja": "標本"},
    "common.theory": {"en": "Theory", "ja": "理論値"},
    "common.exam": {"en": "Exam topic", "ja": "試験範囲"},
}
