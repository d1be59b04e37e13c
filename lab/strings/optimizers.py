"""Strings of the Optimizer playground."""

STRINGS = {
    "optimizers.title": {"en": "Optimizer playground", "ja": "オプティマイザ比較"},
    "optimizers.summary": {
        "en": "Race SGD, Momentum, Nesterov, AdaGrad, RMSprop, AdaDelta and Adam on the same surface: SGD zig-zags across a narrow valley, Momentum overshoots, Adam keeps a nearly constant step.",
        "ja": "SGD・Momentum・Nesterov・AdaGrad・RMSprop・AdaDelta・Adam を同じ関数の上で競走させます。細い谷を SGD はジグザグに進み、Momentum は行き過ぎ、Adam はほぼ一定の歩幅で進みます。",
    },
    "optimizers.exam": {
        "en": "Optimization: SGD, Momentum, Nesterov, AdaGrad, RMSprop, AdaDelta, Adam",
        "ja": "最適化手法（SGD・Momentum・Nesterov・AdaGrad・RMSprop・AdaDelta・Adam）",
    },
    "optimizers.intro": {
        "en": "Every optimizer starts from the same point θ₀ and follows its own update rule on the same function f(x, y). Pick a surface and the optimizers to compare, then drag **Reveal** to replay the race step by step. The hyperparameters start at values tuned for each surface; switch the toggle off to change them.",
        "ja": "どのオプティマイザも同じ出発点 θ₀ から、同じ関数 f(x, y) の上を自分の更新式に従って進みます。関数と比べたいオプティマイザを選び、**表示する範囲** のスライダーで競走を 1 ステップずつ再生してください。ハイパーパラメータは関数ごとに調整済みの値から始まります。変更するにはトグルをオフにしてください。",
    },
    "optimizers.surface": {"en": "Surface f(x, y)", "ja": "関数 f(x, y)"},
    "optimizers.surface.quadratic": {"en": "Quadratic valley", "ja": "2 次関数の谷"},
    "optimizers.surface.rosenbrock": {"en": "Rosenbrock (banana valley)", "ja": "Rosenbrock 関数（バナナ型の谷）"},
    "optimizers.surface.beale": {"en": "Beale (plateaus and ridges)", "ja": "Beale 関数（平坦部と尾根）"},
    "optimizers.surface.himmelblau": {"en": "Himmelblau (four minima)", "ja": "Himmelblau 関数（4 つの極小）"},
    "optimizers.surface.saddle": {"en": "Saddle x² − y²", "ja": "鞍点 x² − y²"},
    "optimizers.condition": {"en": "Condition number κ", "ja": "条件数 κ"},
    "optimizers.angle": {"en": "Valley angle φ (degrees)", "ja": "谷の向き φ（度）"},
    "optimizers.optimizers": {"en": "Optimizers", "ja": "オプティマイザ"},
    "optimizers.steps": {"en": "Steps per optimizer", "ja": "ステップ数"},
    "optimizers.no_optimizer": {"en": "Pick at least one optimizer.", "ja": "オプティマイザを 1 つ以上選んでください。"},
    "optimizers.own_start": {"en": "Choose the start point θ₀", "ja": "出発点 θ₀ を指定する"},
    "optimizers.x0": {"en": "start x₀", "ja": "出発点 x₀"},
    "optimizers.y0": {"en": "start y₀", "ja": "出発点 y₀"},
    "optimizers.hyper": {"en": "Hyperparameters", "ja": "ハイパーパラメータ"},
    "optimizers.preset": {"en": "Use the settings tuned for this surface", "ja": "この関数向けに調整済みの値を使う"},
    "optimizers.preset_on": {
        "en": "Each optimizer uses values tuned to show its typical behaviour on this surface (listed in the table below). Switch off to edit them: the controls start from these values.",
        "ja": "各オプティマイザは、この関数で典型的な振る舞いが見えるよう調整した値を使います（下の表に表示）。オフにすると、これらの値から編集できます。",
    },
    "optimizers.hp.lr": {"en": "learning rate η", "ja": "学習率 η"},
    "optimizers.hp.momentum": {"en": "momentum μ", "ja": "モメンタム係数 μ"},
    "optimizers.hp.decay_rate": {"en": "decay rate ρ", "ja": "減衰率 ρ"},
    "optimizers.hp.rho": {"en": "decay rate ρ", "ja": "減衰率 ρ"},
    "optimizers.hp.beta1": {"en": "first-moment decay β₁", "ja": "1 次モーメントの減衰率 β₁"},
    "optimizers.hp.beta2": {"en": "second-moment decay β₂", "ja": "2 次モーメントの減衰率 β₂"},
    "optimizers.hp.eps": {"en": "small constant ε", "ja": "微小定数 ε"},
    "optimizers.progress": {"en": "Reveal the run up to (% of the steps)", "ja": "表示する範囲（全ステップに対する %）"},
    "optimizers.progress_caption": {
        "en": "Showing steps 0 to t = {t} of {steps}.",
        "ja": "ステップ 0 〜 t = {t}（全 {steps} ステップ中）を表示しています。",
    },
    "optimizers.measure": {"en": "Error drawn and tested", "ja": "描画・判定に使う誤差"},
    "optimizers.measure.loss": {"en": "f(θₜ) − f*", "ja": "f(θₜ) − f*"},
    "optimizers.measure.distance": {"en": "‖θₜ − θ*‖", "ja": "‖θₜ − θ*‖"},
    "optimizers.measure_help": {
        "en": "Loss gap f(θₜ) − f*, or distance ‖θₜ − θ*‖ from θₜ to the nearest minimum θ*. The tolerance test in the table uses the same error.",
        "ja": "損失の差 f(θₜ) − f*、または θₜ から最も近い極小点 θ* までの距離 ‖θₜ − θ*‖ です。表の許容誤差の判定も同じ誤差を使います。",
    },
    "optimizers.tol": {"en": "Tolerance", "ja": "許容誤差"},
    "optimizers.diverged": {
        "en": "**{name}** diverged at step {step}: |θ| passed 10⁶ (or a value was not finite), so its run stops there; the others carry on. Try a smaller learning rate η.",
        "ja": "**{name}** はステップ {step} で発散しました（|θ| が 10⁶ を超えたか、有限でない値になりました）。この実行はそこで止まり、他のオプティマイザは続行します。学習率 η を小さくしてみてください。",
    },
    "optimizers.escaped": {
        "en": "Left the plot downhill (|θ| passed 10⁶) at the step in brackets: **{runs}**. x² − y² has no minimum, so escaping the saddle is the right outcome, not a divergence.",
        "ja": "括弧内のステップで坂を下って図の外へ出ました（|θ| が 10⁶ を超えました）: **{runs}**。x² − y² には最小値がないので、鞍点から抜け出すのは正しい結果であり、発散ではありません。",
    },
    "optimizers.landscape_title": {"en": "Paths on the contour lines of f", "ja": "f の等高線上の軌跡"},
    "optimizers.level": {"en": "f(x, y)", "ja": "f(x, y)"},
    "optimizers.step": {"en": "step t", "ja": "ステップ t"},
    "optimizers.start": {"en": "start θ₀", "ja": "出発点 θ₀"},
    "optimizers.minimum": {"en": "minimum θ*", "ja": "極小点 θ*"},
    "optimizers.stop.diverged": {"en": "diverged at step", "ja": "発散したステップ"},
    "optimizers.stop.escaped": {"en": "left the plot at step", "ja": "図の外へ出たステップ"},
    "optimizers.levels_log": {
        "en": "Contour levels are log-spaced (1, 2, 5 × 10ᵏ) so the flat valley floor gets lines too. Long runs are thinned for the chart, keeping every long step; the table uses every step.",
        "ja": "等高線の値は対数間隔（1, 2, 5 × 10ᵏ）なので、平らな谷底にも線が引かれます。長い実行はグラフ用に間引いています（大きな一歩はすべて残します）。表は全ステップを使います。",
    },
    "optimizers.levels_linear": {
        "en": "Contour levels are evenly spaced; the level-0 lines are the diagonals y = ±x. Long runs are thinned for the chart, keeping every long step; the table uses every step.",
        "ja": "等高線の値は等間隔です。値 0 の線は対角線 y = ±x です。長い実行はグラフ用に間引いています（大きな一歩はすべて残します）。表は全ステップを使います。",
    },
    "optimizers.loss_title": {"en": "Error against step (log scale)", "ja": "ステップごとの誤差（対数目盛）"},
    "optimizers.loss_title_saddle": {"en": "Loss against step (symmetric log scale)", "ja": "ステップごとの損失（対称対数目盛）"},
    "optimizers.y.loss": {"en": "loss gap f(θₜ) − f*", "ja": "損失の差 f(θₜ) − f*"},
    "optimizers.y.distance": {"en": "distance ‖θₜ − θ*‖ to the nearest minimum", "ja": "最も近い極小点までの距離 ‖θₜ − θ*‖"},
    "optimizers.y.saddle": {"en": "loss f(θₜ)", "ja": "損失 f(θₜ)"},
    "optimizers.tol_label": {"en": "tolerance {tol}", "ja": "許容誤差 {tol}"},
    "optimizers.floor_note": {
        "en": "Errors below 10⁻¹⁶ (the rounding level of double precision) are drawn at 10⁻¹⁶; the table shows the exact values.",
        "ja": "10⁻¹⁶（倍精度の丸め誤差の水準）より小さい誤差は 10⁻¹⁶ の位置に描いています。表には正確な値を示します。",
    },
    "optimizers.symlog_note": {
        "en": "f is unbounded below, so the axis is symmetric-log: linear near 0, logarithmic for large |f|.",
        "ja": "f は下に有界でないため、縦軸は対称対数目盛です（0 付近は線形、|f| が大きい所は対数）。",
    },
    "optimizers.table_title": {"en": "The race at step t = {t}", "ja": "ステップ t = {t} での比較"},
    "optimizers.col.settings": {"en": "hyperparameters", "ja": "ハイパーパラメータ"},
    "optimizers.col.loss": {"en": "loss f(θₜ)", "ja": "損失 f(θₜ)"},
    "optimizers.col.distance": {"en": "‖θₜ − θ*‖", "ja": "‖θₜ − θ*‖"},
    "optimizers.col.distance_help": {"en": "distance from θₜ to the minimum θ*", "ja": "θₜ から極小点 θ* までの距離"},
    "optimizers.col.reached": {"en": "first t, error ≤ {tol}", "ja": "誤差 ≤ {tol} の最初の t"},
    "optimizers.col.status": {"en": "run", "ja": "実行結果"},
    "optimizers.status.completed": {"en": "completed", "ja": "完了"},
    "optimizers.status.diverged": {"en": "diverged at t = {step}", "ja": "t = {step} で発散"},
    "optimizers.status.escaped": {"en": "escaped at t = {step}", "ja": "t = {step} で脱出"},
    "optimizers.table_note": {
        "en": "“—”: not reached by step t (or no minimum). The error is the one chosen above the charts.",
        "ja": "「—」はステップ t までに到達していない（または極小点がない）ことを表します。誤差はグラフの上で選んだものです。",
    },
    "optimizers.rules_title": {"en": "Update rules (as implemented, torch.optim conventions)", "ja": "更新式（実装どおり・torch.optim の定義）"},
    "optimizers.rules_intro": {
        "en": "At step t the gradient is gₜ = ∇f(θₜ₋₁); squares, roots and divisions act on each coordinate separately; every buffer starts at 0.",
        "ja": "ステップ t の勾配は gₜ = ∇f(θₜ₋₁) です。2 乗・平方根・割り算は座標ごとに行い、すべてのバッファの初期値は 0 です。",
    },
    "optimizers.note.sgd": {
        "en": "The notes' heading “SDG” is a typo for SGD (stochastic gradient descent). They write the learning rate as ε; here it is η and ε is only ever the small constant.",
        "ja": "ノートの見出し「SDG」は SGD（確率的勾配降下法）の誤記です。ノートは学習率を ε と書きますが、ここでは η とし、ε は常に微小定数だけを表します。",
    },
    "optimizers.note.momentum": {
        "en": "torch's buffer form (b₁ = g₁). The velocity form vₜ = μvₜ₋₁ − ηgₜ, θₜ = θₜ₋₁ + vₜ gives the same iterates while η is constant (v = −ηb).",
        "ja": "torch のバッファ形式（b₁ = g₁）です。速度形式 vₜ = μvₜ₋₁ − ηgₜ, θₜ = θₜ₋₁ + vₜ は、η が一定なら同じ点列になります（v = −ηb）。",
    },
    "optimizers.note.nesterov": {
        "en": "Nesterov has several forms. Implemented: torch.optim.SGD(nesterov=True), stepping along gₜ + μbₜ with gₜ at the current θ. It is Sutskever's look-ahead form rewritten in the look-ahead point. A common slip is code that first updates v and then uses μ²vₜ with the new velocity: that is a different method.",
        "ja": "Nesterov 法にはいくつかの書き方があります。ここで実装しているのは torch.optim.SGD(nesterov=True) で、現在の θ での勾配 gₜ を使い、方向 gₜ + μbₜ に進みます。これは Sutskever の「先読み」形式を先読み点で書き直したものです。よくある誤りは、v を先に更新してから新しい速度で μ²vₜ を使うコードで、これは別の手法になります。",
    },
    "optimizers.note.adagrad": {
        "en": "A common slip (as in the notes) is to use one symbol θ both for the initial value of h and for the small constant. Here h₀ = 0 and a separate ε (10⁻¹⁰ by default, as in torch.optim.Adagrad) is added outside the square root. The steps shrink as h grows, so AdaGrad slows down for good.",
        "ja": "よくある誤り（ノートも同様）は、h の初期値と微小定数の両方に同じ記号 θ を使うことです。ここでは h₀ = 0 とし、torch.optim.Adagrad と同じく別の ε（既定値 10⁻¹⁰）を平方根の外に加えます。h が増えるにつれて歩幅が小さくなるので、AdaGrad はやがて止まりそうなほど遅くなります。",
    },
    "optimizers.note.rmsprop": {
        "en": "ρ is torch's alpha (the notes call it α and reuse θ for ε; the slip is the same as for AdaGrad). ε (10⁻⁸ by default) is added outside the root as in torch (TensorFlow puts it inside). v is not bias-corrected, so the first step is about 10η with ρ = 0.99.",
        "ja": "ρ は torch の alpha です（ノートは α と書き、ε に θ を流用しています。AdaGrad と同じ誤りです）。ε（既定値 10⁻⁸）は torch と同じく平方根の外に加えます（TensorFlow は中）。v にはバイアス補正がないため、ρ = 0.99 では最初の一歩が約 10η になります。",
    },
    "optimizers.note.adadelta": {
        "en": "torch.optim.Adadelta (Zeiler 2012; η = 1 is the original method). Unlike the others, ε sits inside both roots: it sets the size of the first steps (about √(ε/(1 − ρ)), whatever the gradient), which then grow, so AdaDelta starts slowly.",
        "ja": "torch.optim.Adadelta（Zeiler 2012。η = 1 が元の手法）です。他の手法と違い ε は両方の平方根の中にあり、最初の歩幅（勾配によらず約 √(ε/(1 − ρ))）を決めます。歩幅はその後大きくなるので、AdaDelta の出だしはゆっくりです。",
    },
    "optimizers.note.adam": {
        "en": "The common slips (all in the notes): no bias correction (then the first steps are mis-scaled by (1 − β₁ᵗ)/√(1 − β₂ᵗ), about 3.2 at t = 1 with β₁ = 0.9, β₂ = 0.999), ε inside the root √(v + ε), and code that adds the step (+=), climbing the gradient. Correct (Kingma & Ba 2015, torch.optim.Adam): bias-corrected m̂, v̂, ε outside the root, and subtract.",
        "ja": "よくある誤り（ノートにすべて含まれます）: バイアス補正がない（最初の歩幅が (1 − β₁ᵗ)/√(1 − β₂ᵗ) 倍ずれ、β₁ = 0.9、β₂ = 0.999 なら t = 1 で約 3.2 倍）、ε を平方根の中に入れる √(v + ε)、更新で足し算（+=）をして勾配を登ってしまう。正しくは（Kingma & Ba 2015、torch.optim.Adam）: バイアス補正した m̂, v̂ を使い、ε は平方根の外、そして引き算です。",
    },
    "optimizers.notice_settings": {
        "en": "These notes describe the settings the page opens with on this surface: the tuned hyperparameters, the default start θ₀ and 1,000 steps (on the valley also κ = 20 and φ = 0°). Where a note quotes other settings, it names them.",
        "ja": "以下の説明は、この関数でページを開いたときの設定（調整済みのハイパーパラメータ、既定の出発点 θ₀、1,000 ステップ。谷では κ = 20、φ = 0° も）についてのものです。別の設定に触れるときは、その設定を明記しています。",
    },
    "optimizers.notice_differs": {
        "en": "Your settings differ from these ({changed}), so the notes may not describe the run above; the charts and the table do.",
        "ja": "現在の設定はこれと異なります（{changed}）。そのため説明が上の実行に当てはまらないことがあります。グラフと表は現在の設定どおりです。",
    },
    "optimizers.differs.retuned": {"en": "hyperparameters of {names}", "ja": "{names} のハイパーパラメータ"},
    "optimizers.differs.start": {"en": "start θ₀", "ja": "出発点 θ₀"},
    "optimizers.differs.steps": {"en": "{steps} steps", "ja": "{steps} ステップ"},
    "optimizers.differs.valley": {"en": "κ = {kappa}, φ = {angle}°", "ja": "κ = {kappa}、φ = {angle}°"},
    "optimizers.differs.sep": {"en": "; ", "ja": "、"},
    "optimizers.notice.quadratic": {
        "en": "- **SGD** zig-zags across the narrow valley: η = 0.95 is close to the limit 1 set by the steep direction, so each step overshoots the floor and the swing shrinks by only |1 − 2η| = 0.9 per step. Along the floor the factor is 1 − 2η/κ ≈ 0.905 at κ = 20, so here SGD still gets the loss gap below 10⁻³ before Momentum and Adam (steps 43, 58, 63). Raise κ and the gentle direction becomes the bottleneck: at κ = 100 SGD needs 162 steps, behind Momentum (131) and Adam (63).\n- **Momentum** and **Nesterov** build up speed along the valley and overshoot the minimum, then spiral in; Nesterov damps the swing sooner.\n- **Adam**'s first steps all have nearly the same length (≈ η per coordinate), whatever the gradient; **AdaGrad**'s steps shrink as its sum of squared gradients grows.\n- Rotate the valley (φ): SGD and Momentum draw the same picture rotated, the per-coordinate methods (AdaGrad, RMSprop, Adam) do not.",
        "ja": "- **SGD** は細い谷をジグザグに横切ります。η = 0.95 が急な方向で決まる上限 1 に近いので毎回谷底を行き過ぎ、その振れは 1 ステップごとに |1 − 2η| = 0.9 倍にしか縮みません。谷に沿った方向の縮み率は 1 − 2η/κ で、κ = 20 では約 0.905 なので、ここでは SGD が Momentum や Adam より先に損失の差 10⁻³ を下回ります（ステップ 43、58、63）。κ を大きくすると緩やかな方向が足を引っ張り、κ = 100 では SGD は 162 ステップかかって Momentum（131）と Adam（63）に抜かれます。\n- **Momentum** と **Nesterov** は谷に沿って加速し、極小点を行き過ぎてから渦を巻いて近づきます。Nesterov のほうが早く揺れが収まります。\n- **Adam** の最初の数歩は勾配の大きさによらずほぼ同じ長さ（座標ごとに約 η）です。**AdaGrad** は勾配の 2 乗和が増えるにつれて歩幅が小さくなります。\n- 谷を回転させる（φ）と、SGD と Momentum は同じ図が回転するだけですが、座標ごとの手法（AdaGrad・RMSprop・Adam）は形が変わります。",
    },
    "optimizers.notice.rosenbrock": {
        "en": "- The valley y = x² is easy to reach and slow to follow: every method first drops into it, then crawls along its curved, almost flat floor to (1, 1).\n- **SGD** needs a tiny η (the walls are steep) and is still far from the minimum after 1,000 steps; **Momentum** and **Nesterov** accumulate speed along the floor.\n- Within 1,000 steps only **Nesterov**, **Momentum** and **Adam** get the loss gap below 10⁻³ (Adam ends closest); **AdaGrad** slows down for good as its accumulated squares grow.\n- Set SGD's η to its maximum: it diverges at once (warning and × marker), and the others carry on.",
        "ja": "- 谷 y = x² にはすぐ入れますが、たどるのは大変です。どの手法もまず谷に落ち、曲がったほぼ平らな谷底を (1, 1) まで這っていきます。\n- **SGD** は壁が急なため小さな η が必要で、1,000 ステップ後も極小点から遠いままです。**Momentum** と **Nesterov** は谷底に沿って速度を蓄えます。\n- 1,000 ステップ以内に損失の差が 10⁻³ を下回るのは **Nesterov**・**Momentum**・**Adam** だけです（最後に最も近いのは Adam）。**AdaGrad** は 2 乗和が増えるにつれて止まりそうなほど遅くなります。\n- SGD の η を最大にすると即座に発散し（警告と × 印）、他のオプティマイザは続行します。",
    },
    "optimizers.notice.beale": {
        "en": "- Beale has flat plateaus and sharp ridges: gradient sizes differ by orders of magnitude, which is hard for a single η.\n- **Momentum** and **Nesterov** swing wide before settling; the adaptive methods (**AdaGrad**, **RMSprop**, **Adam**) normalise the step and head for (3, 0.5) more directly.\n- **AdaDelta** needs no learning rate to be tuned but starts slowly: its first steps are about √(ε/(1 − ρ)) whatever the gradient.",
        "ja": "- Beale 関数には平らな台地と鋭い尾根があり、勾配の大きさが桁違いに変わるため、1 つの η では扱いにくい関数です。\n- **Momentum** と **Nesterov** は大きく振れてから落ち着きます。適応的な手法（**AdaGrad**・**RMSprop**・**Adam**）は歩幅を正規化し、(3, 0.5) へより直接向かいます。\n- **AdaDelta** は学習率の調整がほぼ不要ですが、最初の歩幅が勾配によらず約 √(ε/(1 − ρ)) なので出だしが遅くなります。",
    },
    "optimizers.notice.himmelblau": {
        "en": "- Himmelblau has four minima of equal height (f = 0): which one an optimizer finds depends on its path, not on how good it is.\n- From the default start, **SGD**, **Momentum** and **Nesterov** follow the gradient to (3.58, −1.85); **AdaGrad**, **RMSprop**, **AdaDelta** and **Adam**, which move along the signs of the gradient coordinate by coordinate, reach (3, 2).\n- Choose your own start point to send them into other basins.",
        "ja": "- Himmelblau 関数には同じ高さ（f = 0）の極小点が 4 つあります。どれに着くかは経路で決まり、手法の優劣とは関係ありません。\n- 既定の出発点からは、**SGD**・**Momentum**・**Nesterov** は勾配に沿って (3.58, −1.85) へ、座標ごとに勾配の符号に沿って進む **AdaGrad**・**RMSprop**・**AdaDelta**・**Adam** は (3, 2) へ着きます。\n- 出発点を自分で選ぶと、別の谷へ送り込めます。",
    },
    "optimizers.notice.saddle": {
        "en": "- The origin is a stationary point (∇f = 0) but not a minimum: f = x² − y² falls without bound along y. Starting just off the x axis, every method first slides toward the saddle, then must escape along y.\n- The adaptive methods (**AdaGrad**, **RMSprop**, **Adam**) leave the saddle first: they rescale the tiny gradient in y to a step of about η, but then keep that nearly constant speed. Plain gradient steps multiply y by (1 + 2η) per step: **SGD**, **Momentum** and **Nesterov** are slow at first, then accelerate exponentially and leave the plot first.\n- Leaving the plot here is success (the loss falls toward −∞), so it is reported as an escape, not a divergence.",
        "ja": "- 原点は停留点（∇f = 0）ですが極小点ではありません。f = x² − y² は y 方向にどこまでも下がります。x 軸のわずかに外から出発すると、どの手法もまず鞍点へ滑り込み、その後 y 方向へ抜け出す必要があります。\n- 適応的な手法（**AdaGrad**・**RMSprop**・**Adam**）は y 方向の小さな勾配を約 η の歩幅に拡大するので最初に鞍点を離れますが、その後はほぼ一定の速さのままです。素の勾配ステップでは y が 1 ステップごとに (1 + 2η) 倍になるため、**SGD**・**Momentum**・**Nesterov** は最初は遅く、やがて指数的に加速して先に図の外へ出ます。\n- ここで図の外へ出るのは成功（損失が −∞ へ下がる）なので、発散ではなく脱出として表示します。",
    },
    # check-yourself exercises (estimation/teaching/optimizers.py)
    "ex.optimizers.adam_step": {
        "en": "Adam with η = {lr}, β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸ is at step t = {t}. After step t − 1 its buffers hold m = {m} and v = {v}; the new gradient is g = {g}. What is the step Δθ = θₜ − θₜ₋₁?",
        "ja": "η = {lr}、β₁ = 0.9、β₂ = 0.999、ε = 10⁻⁸ の Adam がステップ t = {t} にあります。ステップ t − 1 の後のバッファは m = {m}、v = {v} で、新しい勾配は g = {g} です。更新量 Δθ = θₜ − θₜ₋₁ はいくつですか？",
    },
    "ex.optimizers.adam_rule": {
        "en": "With mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ, vₜ = β₂vₜ₋₁ + (1 − β₂)gₜ², m̂ₜ = mₜ/(1 − β₁ᵗ) and v̂ₜ = vₜ/(1 − β₂ᵗ), which update is Adam (Kingma & Ba 2015, torch.optim.Adam)?",
        "ja": "mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ、vₜ = β₂vₜ₋₁ + (1 − β₂)gₜ²、m̂ₜ = mₜ/(1 − β₁ᵗ)、v̂ₜ = vₜ/(1 − β₂ᵗ) とするとき、Adam（Kingma & Ba 2015、torch.optim.Adam）の更新式はどれですか？",
    },
    "ex.optimizers.momentum_step": {
        "en": "Momentum in torch's form, bₜ = μbₜ₋₁ + gₜ and θₜ = θₜ₋₁ − ηbₜ, with η = {lr} and μ = {mu}. The buffer is bₜ₋₁ = {b}, the parameter θₜ₋₁ = {theta} and the new gradient gₜ = {g}. What is θₜ? (The velocity form vₜ = μvₜ₋₁ − ηgₜ, θₜ = θₜ₋₁ + vₜ gives the same θₜ, with v = −ηb.)",
        "ja": "torch の形式のモメンタム bₜ = μbₜ₋₁ + gₜ、θₜ = θₜ₋₁ − ηbₜ で、η = {lr}、μ = {mu} とします。バッファは bₜ₋₁ = {b}、パラメータは θₜ₋₁ = {theta}、新しい勾配は gₜ = {g} です。θₜ はいくつですか？（速度形式 vₜ = μvₜ₋₁ − ηgₜ、θₜ = θₜ₋₁ + vₜ でも v = −ηb とすれば同じ θₜ になります。）",
    },
    "ex.optimizers.adagrad_step": {
        "en": "AdaGrad (torch.optim.Adagrad) with η = {lr} and ε = 10⁻¹⁰. The running sum of squared gradients is hₜ₋₁ = {h}, the parameter θₜ₋₁ = {theta} and the new gradient gₜ = {g}. What is θₜ?",
        "ja": "η = {lr}、ε = 10⁻¹⁰ の AdaGrad（torch.optim.Adagrad）で、勾配の 2 乗の累積和が hₜ₋₁ = {h}、パラメータが θₜ₋₁ = {theta}、新しい勾配が gₜ = {g} です。θₜ はいくつですか？",
    },
    "ex.optimizers.sgd_quadratic": {
        "en": "Gradient descent with learning rate η = {lr} on f(x) = a·x² with a = {a}, starting from x₀ = {x0}. What is x₁ after one step?",
        "ja": "f(x) = a·x²（a = {a}）に学習率 η = {lr} の勾配降下法を x₀ = {x0} から適用します。1 ステップ後の x₁ はいくつですか？",
    },
    "ex.slip.adam_no_bias_correction": {
        "en": "A common slip (also in the notes): no bias correction. m and v start at 0, so early on they are too small; Adam divides them by 1 − β₁ᵗ and 1 − β₂ᵗ before the step.",
        "ja": "よくある間違い（ノートにも見られます）：バイアス補正を忘れています。m と v は 0 から始まるので初めのうちは小さすぎます。Adam は更新の前にそれぞれ 1 − β₁ᵗ と 1 − β₂ᵗ で割ります。",
    },
    "ex.slip.eps_inside_sqrt": {
        "en": "A common slip (also in the notes): ε goes outside the square root, √v̂ₜ + ε, as in Kingma & Ba and torch.optim.Adam.",
        "ja": "よくある間違い（ノートにも見られます）：ε は平方根の外に置き、√v̂ₜ + ε とします（Kingma & Ba、torch.optim.Adam と同じ）。",
    },
    "ex.slip.momentum_ignored": {
        "en": "A common slip: the step uses the buffer bₜ = μbₜ₋₁ + gₜ, not the new gradient alone.",
        "ja": "よくある間違い：更新には新しい勾配だけでなく、バッファ bₜ = μbₜ₋₁ + gₜ を使います。",
    },
    "ex.slip.momentum_forms_mixed": {
        "en": "A common slip: torch's buffer b is not the velocity v. With b, θₜ = θₜ₋₁ − η(μbₜ₋₁ + gₜ); the velocity form needs v = −ηb first.",
        "ja": "よくある間違い：torch のバッファ b は速度 v ではありません。b を使うなら θₜ = θₜ₋₁ − η(μbₜ₋₁ + gₜ) で、速度形式を使うにはまず v = −ηb に直します。",
    },
    "ex.slip.adagrad_old_sum": {
        "en": "A common slip: add gₜ² to the sum first (hₜ = hₜ₋₁ + gₜ²), then divide by √hₜ + ε.",
        "ja": "よくある間違い：先に gₜ² を和に加えて hₜ = hₜ₋₁ + gₜ² とし、それから √hₜ + ε で割ります。",
    },
    "ex.slip.theta_as_eps": {
        "en": "A common slip (the notes use θ for both): the small constant ε is not the parameter θ. ε = 10⁻¹⁰ only keeps the division safe.",
        "ja": "よくある間違い（ノートでは両方に θ を使っています）：微小定数 ε はパラメータ θ ではありません。ε = 10⁻¹⁰ は 0 除算を防ぐためだけのものです。",
    },
}
