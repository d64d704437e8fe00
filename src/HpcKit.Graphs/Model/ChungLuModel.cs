using System.Globalization;
using HpcKit.Core;

namespace HpcKit.Graphs.Model;

/// <summary>
/// A Chung–Lu instance prepared for generation: weights relabelled so that w₀ ≥ w₁ ≥ … (ties to the smaller
/// original id), the permutation back to input ids, the exact sum S (Int128 of round(w·2³²)), and the clamping
/// analysis of spec §2.1. Memory: 8n bytes of weights plus 4n of ids (none when the input is already sorted).
/// </summary>
public sealed class ChungLuModel
{
    /// <summary>Largest weight accepted (2⁵³).</summary>
    public const double MaxWeight = 9007199254740992.0;

    private readonly double[] _w;
    private readonly int[]? _ids;

    /// <summary>Validates, sorts and analyses <paramref name="weights"/> (input order; not modified).</summary>
    public ChungLuModel(ReadOnlySpan<double> weights, ChungLuOptions? options = null, string source = "weights")
    {
        Options = options ?? new ChungLuOptions();
        int n = weights.Length;
        for (int i = 0; i < n; i++)
        {
            double x = weights[i];
            if (!(x >= 0) || x > MaxWeight)
                throw new HpcKitDataException(source, 0, string.Create(CultureInfo.InvariantCulture,
                    $"weight of node {i} is {x} (weights must be finite, non-negative and at most 2^53)"));
        }
        (_w, _ids) = WeightOrder.Sort(weights);
        SumFixed = 0;
        for (int i = 0; i < n; i++) SumFixed += FixedWeight(_w[i]);
        S = (double)SumFixed * (1.0 / 4294967296.0);
        double s2 = 0;
        for (int i = n - 1; i >= 0; i--) s2 += _w[i] * _w[i];
        S2 = s2;
        AnalyseClamping();
        if (ClampedPairs > 0)
        {
            if (Options.Clamp == ClampPolicy.Error) throw new ChungLuClampException(ClampedPairs, ClampedShare, LargestRatio);
            Options.Diagnostics?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"warning: clamping {ClampedPairs} pair(s) ({ClampedShare:P4} of pairs) with w_u·w_v/S > 1 (largest {LargestRatio:G6}); expected degrees of heavy nodes fall below their weights"));
        }
    }

    private ChungLuModel(ChungLuModel other, ChungLuOptions options)
    {
        Options = options;
        _w = other._w;
        _ids = other._ids;
        SumFixed = other.SumFixed;
        S = other.S;
        S2 = other.S2;
        AnalyseClamping();
    }

    /// <summary>
    /// The same weights under other options (seed, orientation, diagnostics, cost constants), sharing the
    /// sorted arrays. Changing self-loops re-runs the clamping analysis but not the policy check.
    /// </summary>
    public ChungLuModel WithOptions(ChungLuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChungLuModel(this, options);
    }

    /// <summary>The same weights and options with another seed.</summary>
    public ChungLuModel WithSeed(ulong seed) => new(this, Options with { Seed = seed });

    /// <summary>The options this model was built with.</summary>
    public ChungLuOptions Options { get; }

    /// <summary>Number of nodes.</summary>
    public int N => _w.Length;

    /// <summary>S = Σ w, from the exact fixed-point sum rounded once.</summary>
    public double S { get; }

    /// <summary>Σ w as an exact Int128 of round(w·2³²) values.</summary>
    public Int128 SumFixed { get; }

    /// <summary>Σ w².</summary>
    public double S2 { get; }

    /// <summary>Pairs whose probability was clamped to 1 (0 when none).</summary>
    public long ClampedPairs { get; private set; }

    /// <summary>Clamped pairs over all candidate pairs.</summary>
    public double ClampedShare { get; private set; }

    /// <summary>The largest w_u·w_v/S over candidate pairs (w₀w₁/S, or w₀²/S with loops).</summary>
    public double LargestRatio { get; private set; }

    /// <summary>True when clamping occurred (header flag).</summary>
    public bool Clamped => ClampedPairs > 0;

    /// <summary>True when the input was already in sorted order (no id map is stored).</summary>
    public bool IdentityLabels => _ids == null;

    /// <summary>Weights in sorted position order.</summary>
    public ReadOnlySpan<double> SortedWeights => _w;

    internal double[] SortedWeightArray => _w;

    internal int[]? IdArray => _ids;

    /// <summary>Original input id of sorted position <paramref name="position"/>.</summary>
    public int OriginalId(int position) => _ids == null ? position : _ids[position];

    /// <summary>ρ_u = w_u / S of sorted position u (0 when S = 0).</summary>
    public double Rho(int position) => S > 0 ? _w[position] / S : 0.0;

    /// <summary>round(w·2³²) as used in every exact sum.</summary>
    public static Int128 FixedWeight(double w) => (Int128)Math.Round(w * 4294967296.0);

    /// <summary>Candidate columns of row u: n − u − 1 (n − u with loops).</summary>
    public long RowLength(int u) => Options.AllowSelfLoops ? N - u : N - u - 1;

    private void AnalyseClamping()
    {
        int n = N;
        bool loops = Options.AllowSelfLoops;
        if (S <= 0 || n == 0 || (!loops && n < 2)) return;
        LargestRatio = loops ? _w[0] / S * _w[0] : _w[0] / S * _w[1];
        if (LargestRatio <= 1.0) return;
        long clamped = 0;
        int k = n; // k_u: number of v with ρ_u·w_v > 1, non-increasing in u
        for (int u = 0; u < n; u++)
        {
            double rho = _w[u] / S;
            while (k > 0 && !(rho * _w[k - 1] > 1.0)) k--;
            int first = loops ? u : u + 1;
            if (k > first) clamped += k - first;
            if (k <= u) break;
        }
        ClampedPairs = clamped;
        double pairs = loops ? n * (n + 1.0) / 2 : n * (n - 1.0) / 2;
        ClampedShare = clamped / pairs;
    }

    /// <summary>Exact per-node degree means and variances and the moments of m, in O(n) (spec §2.2).</summary>
    public ChungLuExpectations Expectations()
    {
        int n = N;
        var mean = new double[n];
        var variance = new double[n];
        if (n == 0 || S <= 0) return new ChungLuExpectations(mean, variance, 0, 0);
        var pw = new double[n + 1];
        var pw2 = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            pw[i + 1] = pw[i] + _w[i];
            pw2[i + 1] = pw2[i] + _w[i] * _w[i];
        }
        double sumW = pw[n], sumW2 = pw2[n];
        bool loops = Options.AllowSelfLoops;
        double em2 = 0, vm2 = 0, eLoop = 0, vLoop = 0;
        int k = n;
        for (int u = 0; u < n; u++)
        {
            double rho = _w[u] / S;
            while (k > 0 && !(rho * _w[k - 1] >= 1.0)) k--;
            double tail = Math.Max(0.0, sumW - pw[k]);
            double tail2 = Math.Max(0.0, sumW2 - pw2[k]);
            double e = k + rho * tail;
            double v = rho * tail - rho * rho * tail2;
            double puu = Math.Min(1.0, rho * _w[u]);
            e -= puu;
            v -= puu * (1 - puu);
            v = Math.Max(0.0, v);
            em2 += e;
            vm2 += v;
            if (loops)
            {
                eLoop += puu;
                vLoop += puu * (1 - puu);
                e += 2 * puu;
                v += 4 * puu * (1 - puu);
            }
            int id = OriginalId(u);
            mean[id] = e;
            variance[id] = v;
        }
        return new ChungLuExpectations(mean, variance, em2 / 2 + eLoop, vm2 / 2 + vLoop);
    }

    /// <summary>
    /// E[m] and Var[m] exactly as in <see cref="Expectations"/>, but streaming with O(1) extra memory (for huge n):
    /// the prefix sums W(k_u), W₂(k_u) are maintained while k_u decreases.
    /// </summary>
    public (double Mean, double Variance) EdgeMoments()
    {
        int n = N;
        if (n == 0 || S <= 0) return (0, 0);
        double sumW = 0, sumW2 = 0;
        for (int i = n - 1; i >= 0; i--)
        {
            sumW += _w[i];
            sumW2 += _w[i] * _w[i];
        }
        double wk = sumW, w2k = sumW2; // W(k), W₂(k) for the current k
        bool loops = Options.AllowSelfLoops;
        double em2 = 0, vm2 = 0, eLoop = 0, vLoop = 0;
        int k = n;
        for (int u = 0; u < n; u++)
        {
            double rho = _w[u] / S;
            while (k > 0 && !(rho * _w[k - 1] >= 1.0))
            {
                k--;
                wk -= _w[k];
                w2k -= _w[k] * _w[k];
            }
            double tail = k == 0 ? sumW : Math.Max(0.0, sumW - wk);
            double tail2 = k == 0 ? sumW2 : Math.Max(0.0, sumW2 - w2k);
            double puu = Math.Min(1.0, rho * _w[u]);
            em2 += k + rho * tail - puu;
            vm2 += Math.Max(0.0, rho * tail - rho * rho * tail2 - puu * (1 - puu));
            if (loops)
            {
                eLoop += puu;
                vLoop += puu * (1 - puu);
            }
        }
        return (em2 / 2 + eLoop, vm2 / 2 + vLoop);
    }

    /// <summary>One line: n, S, mean weight, w₀, w₀w₁/S and the clamping state.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"n = {N}, S = {S:G8}, mean weight = {(N > 0 ? S / N : 0):G6}, w0 = {(N > 0 ? _w[0] : 0):G6}, max w_u w_v/S = {LargestRatio:G6}, clamped pairs = {ClampedPairs}");
}
