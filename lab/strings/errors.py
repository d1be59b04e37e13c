"""Translations of the core's :class:`~estimation._validation.InputError` messages (``error.<key>``).

Each entry has the fields of the ``InputError`` raised with that key (tested
against the core's raise sites).
"""

STRINGS = {
    "error.too_many_draws": {
        "en": "R × N = {reps} × {n} = {draws} random numbers is more than one simulation may draw ({limit}, a time and memory bound); lower R or N",
        "ja": "R × N = {reps} × {n} = {draws} 個の乱数は、1 回のシミュレーションで使える上限（{limit} 個。時間とメモリの制約）を超えています。R か N を小さくしてください",
    },
    "error.training_too_many_updates": {
        "en": "too much training for one view: {epochs} epochs × {per_epoch} updates per epoch × {runs} run(s) = {updates} updates (limit {limit}); use fewer epochs, a larger batch or fewer optimizers",
        "ja": "1 つの表示には学習が多すぎます：{epochs} エポック × 1 エポックあたり {per_epoch} 回の更新 × {runs} 回の学習 = {updates} 回の更新（上限 {limit} 回）。エポック数を減らすか、バッチを大きくするか、オプティマイザを減らしてください",
    },
    "error.training_too_many_passes": {
        "en": "too much training for one view: {epochs} epochs × {n} samples × {runs} run(s) = {rows} sample passes (limit {limit}); use fewer epochs or fewer optimizers",
        "ja": "1 つの表示には学習が多すぎます：{epochs} エポック × {n} 標本 × {runs} 回の学習 = 延べ {rows} 標本（上限 {limit}）。エポック数かオプティマイザの数を減らしてください",
    },
    "error.same_class": {
        "en": "{value} is both the positive and the negative class; pick two different classes",
        "ja": "{value} が正のクラスと負のクラスの両方に選ばれています。異なる 2 つのクラスを選んでください",
    },
    "error.answer_empty": {"en": "Type a number", "ja": "数値を入力してください"},
    "error.answer_not_number": {
        "en": "“{text}” is not a number: type digits such as 0.123, −4.5 or 1.2e−3",
        "ja": "「{text}」は数値として読めません。0.123、−4.5、1.2e−3 のように入力してください",
    },
    "error.answer_not_finite": {
        "en": "{text} is too large for a number here (float64 ends near 1.8 × 10³⁰⁸)",
        "ja": "{text} はここで扱える数値としては大きすぎます（float64 の上限は約 1.8 × 10³⁰⁸）",
    },
    "error.k_over_n": {
        "en": "k = {k} successes in n = {n} trials is impossible: successes cannot outnumber trials. "
              "Lower k or raise n",
        "ja": "n = {n} 回の試行で成功 k = {k} 回はありえません（成功回数は試行回数を超えられません）。"
              "k を減らすか n を増やしてください",
    },
    "error.file_empty": {"en": "The file is empty", "ja": "ファイルが空です"},
    "error.file_blank": {"en": "The file is empty (only whitespace)", "ja": "ファイルが空です（空白文字しかありません）"},
    "error.file_too_large": {
        "en": "The file is too large: {size} MB, the limit is {limit} MB",
        "ja": "ファイルが大きすぎます：{size} MB（上限 {limit} MB）",
    },
    "error.file_utf16": {
        "en": "The file is encoded as UTF-16; save it as UTF-8 CSV",
        "ja": "ファイルが UTF-16 で保存されています。UTF-8 の CSV として保存し直してください",
    },
    "error.file_binary": {
        "en": "This is not a text (CSV) file: it contains NUL bytes (binary data)",
        "ja": "テキスト（CSV）ファイルではありません（NUL バイト＝バイナリデータを含んでいます）",
    },
    "error.file_encoding": {
        "en": "The file could not be read as text: it is neither UTF-8 nor Shift_JIS (cp932). Save it as UTF-8 CSV",
        "ja": "ファイルをテキストとして読めません（UTF-8 でも Shift_JIS (cp932) でもありません）。UTF-8 の CSV として保存してください",
    },
    "error.file_too_many_columns": {
        "en": "Too many columns: the header has {count} fields (the limit is {limit})",
        "ja": "列が多すぎます：見出し行に {count} 個の項目があります（上限 {limit}）",
    },
    "error.file_not_csv": {
        "en": "The file could not be read as CSV: {message}",
        "ja": "CSV として読み込めませんでした：{message}",
    },
    "error.file_too_many_rows": {
        "en": "Too many rows: more than {limit} data rows",
        "ja": "行が多すぎます：データ行が {limit} 行を超えています",
    },
    "error.file_one_column": {
        "en": "The file has only {count} column(s); a label column and at least one feature column are needed, "
              "separated by commas, semicolons or tabs",
        "ja": "ファイルの列が {count} 列しかありません。ラベル列と少なくとも 1 つの特徴量列が必要です"
              "（区切りはカンマ、セミコロン、タブのいずれか）",
    },
    "error.file_ragged": {
        "en": "Line {line} has {count} fields but the header has {expected}; a row may not have more fields "
              "than the header. Is a decimal comma or a separator inside a value left without quotes?",
        "ja": "{line} 行目の項目が {count} 個ありますが、見出し行は {expected} 個です。見出し行より項目の多い行は"
              "読めません。小数点のカンマや値の中の区切り文字が引用符で囲まれていないのではありませんか？",
    },
    "error.file_no_rows": {
        "en": "The file has a header but no data rows",
        "ja": "見出し行はありますが、データ行がありません",
    },
    "error.label_missing": {
        "en": "The label column {col} has {count} missing value(s) (rows {rows}); remove those rows",
        "ja": "ラベル列 {col} に欠損値が {count} 個あります（行 {rows}）。その行を削除してください",
    },
    "error.label_one_class": {
        "en": "The label column {col} has only one class ({value}); both classes must be present",
        "ja": "ラベル列 {col} にはクラスが 1 つ（{value}）しかありません。2 つのクラスが両方必要です",
    },
    "error.label_single_class": {
        "en": "The label column {col} has only one class ({value}); a classifier needs at least two classes",
        "ja": "ラベル列 {col} にはクラスが 1 つ（{value}）しかありません。分類には少なくとも 2 つのクラスが必要です",
    },
    "error.too_many_classes": {
        "en": "The label column {col} has {count} different values; at most {limit} classes are supported. "
              "Is it really the class column (not a numeric feature)?",
        "ja": "ラベル列 {col} には {count} 種類の値があります。扱えるクラスは {limit} 個までです。"
              "本当にクラスの列ですか（数値の特徴量ではありませんか）？",
    },
    "error.label_is_id": {
        "en": "The label column {col} has {count} different values in {rows} rows: nearly every row has its own "
              "value, like an ID column (or a measurement). A class label repeats a few values (at most {limit} "
              "classes here): pick the column that holds the classes",
        "ja": "ラベル列 {col} には {rows} 行に {count} 種類の値があり、ほぼ行ごとに値が違います。これは ID 列"
              "（または測定値）のようで、クラスのラベルではありません。ラベルは少数の値（ここでは {limit} クラスまで）"
              "を繰り返すものです。クラスを表す列を選んでください",
    },
    "error.no_numeric_feature": {
        "en": "No column other than the label {col} holds numbers ({columns}: text); a feature must be numeric",
        "ja": "ラベル {col} 以外に数値の列がありません（{columns} は文字列）。特徴量は数値の列でなければなりません",
    },
    "error.too_many_updates": {
        "en": "{updates} parameter updates ({epochs} epochs × {per_epoch} minibatches) are more than the {limit} "
              "this page computes; use fewer epochs or larger minibatches",
        "ja": "パラメータ更新が {updates} 回（{epochs} エポック × {per_epoch} ミニバッチ）になり、このページで計算する上限 "
              "{limit} 回を超えます。エポック数を減らすか、ミニバッチを大きくしてください",
    },
    "error.feature_not_numeric": {
        "en": "The feature column {col} is not numeric: value {value} in row {row} (rows count data rows from 0)",
        "ja": "特徴量列 {col} が数値ではありません：行 {row} の値 {value}（行番号はデータ行を 0 から数えます）",
    },
    "error.feature_missing": {
        "en": "The feature column {col} has {count} missing value(s) (rows {rows}); remove or fill them",
        "ja": "特徴量列 {col} に欠損値が {count} 個あります（行 {rows}）。削除するか値を補ってください",
    },
    "error.feature_infinite": {
        "en": "The feature column {col} has infinite values (rows {rows})",
        "ja": "特徴量列 {col} に無限大の値があります（行 {rows}）",
    },
}
