"""What the CSV upload pickers (Cross-entropy and Softmax pages) say about a file (``upload.*``)."""

STRINGS = {
    "upload.read_as": {
        "en": "Read with {sep} between columns and {decimal} as the decimal mark.",
        "ja": "列の区切りを {sep}、小数点を {decimal} として読み込みました。",
    },
    "upload.tab": {"en": "tabs", "ja": "タブ"},
    "upload.text_left_out": {
        "en": "Not offered as features, because they are not numeric: {columns}.",
        "ja": "数値ではないため特徴量の候補から外した列：{columns}。",
    },
    "upload.text_column": {"en": "{col} ({value} in data row {row})", "ja": "{col}（データ行 {row} の値 {value}）"},
    "upload.list_sep": {"en": ", ", "ja": "、"},
}
