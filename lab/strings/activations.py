"""Strings of the Activations page (activation functions and vanishing gradients)."""

STRINGS = {
    "activations.title": {"en": "Activations & vanishing gradients", "ja": "活性化関数と勾配消失"},
    "activations.summary": {
        "en": "Plot sigmoid, tanh, ReLU and friends with their derivatives, then push a gradient back through a deep random network and watch it vanish like 0.25ᴸ with sigmoids.",
        "ja": "シグモイド・tanh・ReLU などの活性化関数と導関数を描き、深いランダムなネットワークで勾配を逆伝播させて、シグモイドでは 0.25ᴸ のように勾配が消えていく様子を観察します。",
    },
    "activations.exam": {
        "en": "Activation functions, backpropagation, vanishing gradients, weight initialisation",
        "ja": "活性化関数・誤差逆伝播法・勾配消失問題・重みの初期化",
    },
    "activations.intro": {
        "en": "Back-propagation multiplies one factor f′(z) per layer into the gradient. If those factors are small, the first layers receive almost no gradient and learn very slowly. First compare the activations and their derivatives, then see what the product does in a deep network.",
        "ja": "誤差逆伝播では、層を 1 つさかのぼるごとに勾配に f′(z) が 1 回掛かります。この因子が小さいと入力側の層にはほとんど勾配が届かず、学習が非常に遅くなります。まず活性化関数と導関数を比べ、次に深いネットワークでその積がどうなるかを見てみましょう。",
    },
    # -- 1. functions and derivatives
    "activations.curves_header": {"en": "Functions and their derivatives", "ja": "関数と導関数"},
    "activations.pick": {"en": "Activation functions", "ja": "活性化関数"},
    "activations.pick_none": {
        "en": "Pick at least one activation function to plot.",
        "ja": "描画する活性化関数を 1 つ以上選んでください。",
    },
    "activations.x_max": {"en": "x range ±", "ja": "x の範囲 ±"},
    "activations.slope": {"en": "Leaky ReLU slope a (x ≤ 0)", "ja": "Leaky ReLU の傾き a（x ≤ 0）"},
    "activations.alpha": {"en": "ELU α", "ja": "ELU の α"},
    "activations.name.sigmoid": {"en": "Sigmoid", "ja": "シグモイド"},
    "activations.name.tanh": {"en": "tanh", "ja": "tanh"},
    "activations.name.relu": {"en": "ReLU", "ja": "ReLU"},
    "activations.name.leaky_relu": {"en": "Leaky ReLU", "ja": "Leaky ReLU"},
    "activations.name.elu": {"en": "ELU", "ja": "ELU"},
    "activations.name.softplus": {"en": "Softplus", "ja": "ソフトプラス"},
    "activations.name.gelu": {"en": "GELU", "ja": "GELU"},
    "activations.f_title": {"en": "Activation functions f(x)", "ja": "活性化関数 f(x)"},
    "activations.df_title": {"en": "Derivatives f′(x)", "ja": "導関数 f′(x)"},
    "activations.x_axis": {"en": "input x", "ja": "入力 x"},
    "activations.f_axis": {"en": "f(x)", "ja": "f(x)"},
    "activations.df_axis": {"en": "f′(x)", "ja": "f′(x)"},
    "activations.max_marker": {"en": "maximum of f′ (x, f′)", "ja": "f′ の最大値 (x, f′)"},
    "activations.kink_marker": {"en": "f′ at the kink (convention)", "ja": "折れ点での f′（約束事）"},
    "activations.note.sigmoid": {
        "en": "σ′ = σ(1 − σ) is at most 1/4, reached at x = 0: each sigmoid layer multiplies the gradient by at most 0.25 (times the weight).",
        "ja": "σ′ = σ(1 − σ) の最大値は x = 0 での 1/4 です。シグモイド層を 1 つ通るたびに、勾配は（重みを除いて）高々 0.25 倍になります。",
    },
    "activations.note.tanh": {
        "en": "tanh′(0) = 1, four times the sigmoid's peak (tanh(x) = 2σ(2x) − 1), but it decays like 4e^(−2|x|) once a unit saturates.",
        "ja": "tanh′(0) = 1 でシグモイドの最大値の 4 倍です（tanh(x) = 2σ(2x) − 1）。ただしユニットが飽和すると 4e^(−2|x|) のように急速に小さくなります。",
    },
    "activations.note.relu": {
        "en": "The derivative is exactly 1 for x > 0, so active units pass the gradient unchanged. ReLU is not differentiable at 0; this lab uses ReLU′(0) = 0, as PyTorch does.",
        "ja": "x > 0 では導関数がちょうど 1 なので、活性なユニットは勾配をそのまま通します。ReLU は 0 で微分不可能です。このラボでは PyTorch と同じく ReLU′(0) = 0 とします。",
    },
    "activations.note.leaky_relu": {
        "en": "The small slope a for x ≤ 0 keeps a gradient flowing through inactive units (no dead units); f′(0) = a by convention.",
        "ja": "x ≤ 0 での小さな傾き a により、不活性なユニットにも勾配が流れます（死んだユニットを防ぐ）。f′(0) = a とします。",
    },
    "activations.note.elu": {
        "en": "Negative outputs saturate at −α. Smooth at 0 only when α = 1; otherwise x = 0 is a kink and f′(0) = α by convention.",
        "ja": "負側の出力は −α に飽和します。α = 1 のときだけ 0 で滑らかで、それ以外では x = 0 が折れ点になり f′(0) = α とします。",
    },
    "activations.note.softplus": {
        "en": "A smooth ReLU: its derivative is exactly the sigmoid σ(x), which approaches 1 but never reaches it.",
        "ja": "滑らかな ReLU です。導関数はちょうどシグモイド σ(x) で、1 に近づきますが 1 には達しません。",
    },
    "activations.note.gelu": {
        "en": "Exact form x Φ(x) (Φ the standard normal cdf). Its derivative peaks above 1 (≈ 1.129 at x = √2) and is slightly negative for x < −0.75.",
        "ja": "厳密形 x Φ(x)（Φ は標準正規分布の累積分布関数）です。導関数は 1 を超えて最大（x = √2 で約 1.129）になり、x < −0.75 ではわずかに負になります。",
    },
    "activations.peak_title": {"en": "Largest derivative", "ja": "導関数の最大値"},
    "activations.col.max": {"en": "max f′ (sup)", "ja": "f′ の最大値（上限）"},
    "activations.col.at": {"en": "at x", "ja": "そのときの x"},
    "activations.col.at_zero": {"en": "f′(0)", "ja": "f′(0)"},
    "activations.peak_note": {
        "en": "“—” in the x column: the largest value is taken on a whole half-line (f′ = 1 for every x > 0) or only approached (softplus). At a kink f′(0) is the left derivative, as in PyTorch.",
        "ja": "x の列の「—」は、最大値が半直線全体でとられる（x > 0 ならどこでも f′ = 1）か、近づくだけで達しない（ソフトプラス）ことを表します。折れ点での f′(0) は PyTorch と同じく左微分の値です。",
    },
    # -- 2. vanishing gradients
    "activations.depth_header": {"en": "Vanishing gradients in a deep network", "ja": "深いネットワークでの勾配消失"},
    "activations.depth_intro": {
        "en": "A batch of {batch} random inputs goes through L fully connected layers h_l = f(h_(l−1) W_l) with Gaussian weights (standard deviation s/√width, no biases). The loss is the sum of the outputs, so the gradient arriving at the output is exactly 1; the chart shows its average size at every layer on the way back. Sigmoid, tanh and ReLU are always shown, plus any activation picked above. The weights come from the seed in the sidebar.",
        "ja": "{batch} 個のランダムな入力を、ガウス分布の重み（標準偏差 s/√幅、バイアスなし）をもつ L 層の全結合層 h_l = f(h_(l−1) W_l) に通します。損失は出力の総和なので、出力に届く勾配はちょうど 1 です。グラフは、逆向きにたどった各層での勾配の平均的な大きさを示します。シグモイド・tanh・ReLU は常に表示し、上で選んだ活性化関数も加えます。重みはサイドバーのシードから生成されます。",
    },
    "activations.layers": {"en": "Depth L (layers)", "ja": "層の数 L"},
    "activations.width": {"en": "Width (units per layer)", "ja": "幅（1 層あたりのユニット数）"},
    "activations.scale": {"en": "Initialisation scale s", "ja": "初期化のスケール s"},
    "activations.scale_help": {
        "en": "Weights are N(0, (s/√width)²). s = 1 is LeCun/Xavier-like; s = √2 ≈ 1.41 is He initialisation, made for ReLU.",
        "ja": "重みは N(0, (s/√幅)²) に従います。s = 1 は LeCun/Xavier 型、s = √2 ≈ 1.41 は ReLU 向けの He の初期化です。",
    },
    "activations.scale_he": {"en": "{s} (He)", "ja": "{s}（He）"},
    "activations.depth_title": {"en": "Gradient size at each layer", "ja": "各層での勾配の大きさ"},
    "activations.layer_axis": {"en": "layer l (0 = input, L = output)", "ja": "層 l（0 = 入力, L = 出力）"},
    "activations.grad_axis": {"en": "mean |∂E/∂h_l| (log scale)", "ja": "|∂E/∂h_l| の平均（対数目盛）"},
    "activations.bound": {
        "en": "reference (s/4)^(L−l)",
        "ja": "参照曲線 (s/4)^(L−l)",
    },
    "activations.tip.series": {"en": "activation", "ja": "活性化関数"},
    "activations.tip.std": {"en": "std of h_l", "ja": "h_l の標準偏差"},
    "activations.depth_caption": {
        "en": "The gradient flows from right (output, size 1) to left (input). The dashed line is a reference curve for sigmoid only, not a bound of what is plotted: a scalar chain of sigmoids whose weights all have |w| = s satisfies |∂h_L/∂h_l| ≤ (s/4)^(L−l) because σ′ ≤ 1/4 (with s = 1, 0.25^(L−l)). The network's weights are random, N(0, s²/width), so a single weight can be larger than s: at width 1–2 the sigmoid curve often rises above the reference.",
        "ja": "勾配は右（出力、大きさ 1）から左（入力）へ流れます。破線はシグモイドだけに関する参照曲線で、描いている値の上界ではありません。重みがすべて |w| = s のスカラーのシグモイド連鎖では、σ′ ≤ 1/4 から |∂h_L/∂h_l| ≤ (s/4)^(L−l) となります（s = 1 なら 0.25^(L−l)）。ネットワークの重みはランダム（N(0, s²/幅)）なので、個々の重みが s より大きくなることがあり、幅 1〜2 ではシグモイドの曲線が参照曲線を上回ることがよくあります。",
    },
    "activations.dead": {
        "en": "The gradient became exactly 0 for: {names}. Every unit of some layer was inactive (ReLU′ = 0 for x ≤ 0), so nothing flows back — “dying ReLU”. Those points are left out of the log axis.",
        "ja": "{names} では勾配がちょうど 0 になりました。ある層のすべてのユニットが不活性（x ≤ 0 で ReLU′ = 0）になり、何も逆伝播しません（「死んだ ReLU」）。その点は対数軸から除いています。",
    },
    "activations.chain_title": {"en": "The chain rule, layer by layer", "ja": "層ごとの連鎖律"},
    "activations.depth_table_title": {"en": "At the input layer", "ja": "入力層での値"},
    "activations.col.input_grad": {"en": "mean |∂E/∂h₀|", "ja": "|∂E/∂h₀| の平均"},
    "activations.col.per_layer": {"en": "factor per layer", "ja": "1 層あたりの倍率"},
    "activations.bound_row": {
        "en": "reference: sigmoid chain, |w| = s: (s/4)^L",
        "ja": "参照：|w| = s のシグモイド連鎖 (s/4)^L",
    },
    "activations.reference_line": {
        "en": "The reference curve of the chart (sigmoid only; a scalar chain with every |w| = s, not a bound of the random network):",
        "ja": "グラフの参照曲線（シグモイドのみ。すべての |w| = s のスカラーの連鎖で、ランダムなネットワークの上界ではありません）：",
    },
    "activations.depth_table_note": {
        "en": "Factor per layer: the geometric mean (mean |∂E/∂h₀|)^(1/L). Below 1 the gradient vanishes with depth, above 1 it explodes.",
        "ja": "1 層あたりの倍率は幾何平均 (|∂E/∂h₀| の平均)^(1/L) です。1 より小さいと勾配は深さとともに消失し、1 より大きいと爆発します。",
    },
    # -- notice and slips
    "activations.notice": {
        "en": "- σ′ never exceeds 1/4 (at x = 0) and tanh′ never exceeds 1; both are almost 0 once |x| > 4: saturated units block the gradient.\n- With sigmoids and s = 1 the gradient at the input is about 0.25ᴸ of the gradient at the output: at L = 20 that is around 10⁻¹², so the first layers barely learn. That is why sigmoid networks train slowly.\n- tanh keeps far more of the gradient; ReLU passes it unchanged through active units, and with He initialisation (s = √2) its gradient keeps its size at every depth. Try s = 2: ReLU's gradient explodes instead.\n- Set the width to 1: a single chain of units, where one inactive ReLU kills the gradient for good.",
        "ja": "- σ′ は 1/4（x = 0）を、tanh′ は 1 を超えません。どちらも |x| > 4 でほぼ 0 になり、飽和したユニットは勾配を通しません。\n- シグモイドで s = 1 のとき、入力での勾配は出力での勾配の約 0.25ᴸ 倍です。L = 20 なら 10⁻¹² 程度で、入力側の層はほとんど学習できません。これがシグモイドのネットワークの学習が遅い理由です。\n- tanh ははるかに多くの勾配を残します。ReLU は活性なユニットでは勾配をそのまま通し、He の初期化（s = √2）ではどの深さでも勾配の大きさが保たれます。s = 2 にすると今度は ReLU の勾配が爆発します。\n- 幅を 1 にすると 1 本のユニットの連鎖になり、ReLU が 1 つ不活性になるだけで勾配は完全に途絶えます。",
    },
    "activations.slips_header": {"en": "Common slips", "ja": "よくある間違い"},
    "activations.slips": {
        "en": "- **Sigmoid.** A common slip is writing σ(x) = 1/(1 + e⁻¹), which is the constant 0.731; the sigmoid is σ(x) = 1/(1 + e⁻ˣ).\n- **Its derivative.** σ′(x) = σ(x)(1 − σ(x)), largest at x = 0 where it is 1/4. A common slip is answering 0.5 (that is σ(0)) or 1 (that is tanh′(0)).\n- **ReLU at 0.** ReLU is not differentiable at 0, and exam notes mix the conventions 0 and 1. This lab, like PyTorch, uses ReLU′(0) = 0 (and f′(0) = a for Leaky ReLU); what matters is choosing one and saying so.\n- **Output-layer gradient.** For the squared error E = ½‖y − d‖² with target d, the gradient is ∂E/∂y = y − d. A common slip (found in some notes) writes y − b: b is a bias, not the target.",
        "ja": "- **シグモイド。** σ(x) = 1/(1 + e⁻¹) と書いてしまうのはよくある間違いで、これは定数 0.731 です。正しくは σ(x) = 1/(1 + e⁻ˣ) です。\n- **その導関数。** σ′(x) = σ(x)(1 − σ(x)) で、最大は x = 0 での 1/4 です。0.5（これは σ(0)）や 1（これは tanh′(0)）と答えるのはよくある間違いです。\n- **0 での ReLU。** ReLU は 0 で微分不可能で、試験対策ノートでも 0 と 1 の約束事が混在しています。このラボは PyTorch と同じく ReLU′(0) = 0（Leaky ReLU では f′(0) = a）とします。大切なのは一方に決めて明示することです。\n- **出力層の勾配。** 目標値 d に対する二乗誤差 E = ½‖y − d‖² の勾配は ∂E/∂y = y − d です。y − b と書くのはよくある間違い（ノートにも見られます）で、b はバイアスであって目標値ではありません。",
    },
    # -- exercises
    "ex.activations.sigmoid_derivative": {
        "en": "With σ(x) = 1/(1 + e⁻ˣ), what is σ′(x) at x = {x}?",
        "ja": "σ(x) = 1/(1 + e⁻ˣ) のとき、x = {x} での σ′(x) はいくつですか？",
    },
    "ex.activations.tanh_derivative": {
        "en": "What is tanh′(x) at x = {x}?",
        "ja": "x = {x} での tanh′(x) はいくつですか？",
    },
    "ex.activations.chain_bound": {
        "en": "A chain of L = {L} sigmoid units h_l = σ(w·h_(l−1)) has every weight w = {w}. Using σ′ ≤ 1/4, what is the upper bound on |∂h_L/∂h_0|?",
        "ja": "L = {L} 個のシグモイドユニットの連鎖 h_l = σ(w·h_(l−1)) で、重みはすべて w = {w} です。σ′ ≤ 1/4 を使うと、|∂h_L/∂h_0| の上界はいくつですか？",
    },
    "ex.activations.relu_derivative": {
        "en": "With the convention of PyTorch (and this lab), what is ReLU′(x) at x = {x}?",
        "ja": "PyTorch（およびこのラボ）の約束事では、x = {x} での ReLU′(x) はいくつですか？",
    },
    "ex.activations.which_quarter": {
        "en": "Which activation has a derivative that never exceeds 1/4, so that with unit weights every layer shrinks the gradient at least four-fold?",
        "ja": "導関数が決して 1/4 を超えず、重みが 1 なら層を通るたびに勾配が少なくとも 4 分の 1 になる活性化関数はどれですか？",
    },
    "ex.slip.sigmoid_not_derivative": {
        "en": "A common slip: that is σ(x) itself; the derivative is σ(x)(1 − σ(x)).",
        "ja": "よくある間違い：それは σ(x) そのものです。導関数は σ(x)(1 − σ(x)) です。",
    },
    "ex.slip.sigmoid_e_minus_1": {
        "en": "A common slip (also in some notes): the sigmoid written with e⁻¹ instead of e⁻ˣ is a constant; σ(x) = 1/(1 + e⁻ˣ).",
        "ja": "よくある間違い（ノートにも見られます）：e⁻ˣ の代わりに e⁻¹ と書くとシグモイドは定数になってしまいます。σ(x) = 1/(1 + e⁻ˣ) です。",
    },
    "ex.slip.sigmoid_max_one": {
        "en": "A common slip: σ′ never exceeds 1/4 (at x = 0); 1 is tanh′(0).",
        "ja": "よくある間違い：σ′ は 1/4（x = 0）を超えません。1 は tanh′(0) の値です。",
    },
    "ex.slip.tanh_not_derivative": {
        "en": "A common slip: that is tanh(x) itself; the derivative is 1 − tanh²(x).",
        "ja": "よくある間違い：それは tanh(x) そのものです。導関数は 1 − tanh²(x) です。",
    },
    "ex.slip.tanh_no_square": {
        "en": "A common slip: tanh′(x) = 1 − tanh²(x), with the square.",
        "ja": "よくある間違い：tanh′(x) = 1 − tanh²(x) で、2 乗が付きます。",
    },
    "ex.slip.tanh_is_sigmoid": {
        "en": "A common slip: that is the sigmoid's derivative. tanh(x) = 2σ(2x) − 1, so tanh′(x) = 4σ′(2x) (1 at x = 0).",
        "ja": "よくある間違い：それはシグモイドの導関数です。tanh(x) = 2σ(2x) − 1 なので tanh′(x) = 4σ′(2x)（x = 0 で 1）です。",
    },
    "ex.slip.chain_adds": {
        "en": "A common slip: the chain rule multiplies the factors, (|w|/4)ᴸ; it does not add them.",
        "ja": "よくある間違い：連鎖律では因子を掛け合わせて (|w|/4)ᴸ になります。足し合わせるのではありません。",
    },
    "ex.slip.sigmoid_max_half": {
        "en": "A common slip: 1/2 is σ(0), the sigmoid's value; the largest derivative is σ′(0) = 1/4.",
        "ja": "よくある間違い：1/2 はシグモイドの値 σ(0) です。導関数の最大値は σ′(0) = 1/4 です。",
    },
    "ex.slip.relu_one_at_zero": {
        "en": "A common slip (the notes mix both): ReLU is not differentiable at 0; PyTorch and this lab take ReLU′(0) = 0, not 1.",
        "ja": "よくある間違い（ノートでも混在しています）：ReLU は 0 で微分不可能で、PyTorch とこのラボでは ReLU′(0) = 1 ではなく 0 とします。",
    },
    "ex.slip.relu_value": {
        "en": "A common slip: that is ReLU(x) itself; its derivative is 1 for x > 0 and 0 for x ≤ 0.",
        "ja": "よくある間違い：それは ReLU(x) そのものです。導関数は x > 0 で 1、x ≤ 0 で 0 です。",
    },
    "ex.slip.tanh_max_one": {
        "en": "A common slip: tanh′(0) = 1, four times the sigmoid's peak; tanh passes gradients far better.",
        "ja": "よくある間違い：tanh′(0) = 1 でシグモイドの最大値の 4 倍です。tanh は勾配をずっとよく通します。",
    },
    "ex.slip.relu_passes": {
        "en": "A common slip: ReLU′ = 1 for every active unit, so ReLU does not shrink the gradient there.",
        "ja": "よくある間違い：活性なユニットでは ReLU′ = 1 なので、ReLU はそこで勾配を小さくしません。",
    },
    "ex.slip.softplus_sigmoid": {
        "en": "A common slip: softplus′(x) = σ(x), which approaches 1; it is the sigmoid's own derivative that stays below 1/4.",
        "ja": "よくある間違い：ソフトプラスの導関数は σ(x) で 1 に近づきます。1/4 以下にとどまるのはシグモイド自身の導関数です。",
    },
}
