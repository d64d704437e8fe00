using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Tests;

/// <summary>
/// Replicated runs of a generator and the statistics of spec §7 (tests 2–4) over them. A generator is a function
/// of (model, seed) returning edges in input ids. Each statistic is returned as a value; callers apply the
/// thresholds (|z| &lt; 4, p &gt; 10⁻⁴).
/// </summary>
internal sealed class Battery
{
    public Battery(ChungLuModel model, Func<ChungLuModel, ulong, List<(long, long)>> generator, int replicates, ulong seed0)
    {
        Model = model;
        N = model.N;
        R = replicates;
        Ex = model.Expectations();
        Degrees = new double[N];
        PairCounts = new long[N, N];
        EdgeCounts = new double[R];
        // joint occurrence of (u, v) with (u, v + 1), (u, v + 3), and (u, v) with (u + 1, v) in sorted positions
        for (int r = 0; r < R; r++)
        {
            var edges = generator(model, seed0 + (ulong)r);
            EdgeCounts[r] = edges.Count;
            var present = new bool[N, N];
            foreach (var (a, b) in edges)
            {
                Degrees[a]++;
                Degrees[b]++;
                long lo = Math.Min(a, b), hi = Math.Max(a, b);
                if (present[lo, hi]) Duplicates++;
                present[lo, hi] = true;
                PairCounts[lo, hi]++;
            }
            Joint(present, 0, 1, ref JointAdjacent);
            Joint(present, 0, 3, ref JointSkip);
            Joint(present, 1, 0, ref JointRows);
        }
    }

    public ChungLuModel Model { get; }
    public int N { get; }
    public int R { get; }
    public ChungLuExpectations Ex { get; }
    public double[] Degrees { get; }
    public long[,] PairCounts { get; }
    public double[] EdgeCounts { get; }
    public long Duplicates;
    public Dictionary<(int, int, int, int), long> JointAdjacent = [], JointSkip = [], JointRows = [];

    private void Joint(bool[,] present, int du, int dv, ref Dictionary<(int, int, int, int), long> map)
    {
        for (int su = 0; su + du < N; su++)
            for (int sv = su + 1; sv + dv < N; sv++)
            {
                int u1 = Model.OriginalId(su), v1 = Model.OriginalId(sv), u2 = Model.OriginalId(su + du), v2 = Model.OriginalId(sv + dv);
                if (su + du >= sv + dv) continue;
                if (present[Math.Min(u1, v1), Math.Max(u1, v1)] && present[Math.Min(u2, v2), Math.Max(u2, v2)])
                {
                    var key = (su, sv, su + du, sv + dv);
                    map[key] = map.GetValueOrDefault(key) + 1;
                }
            }
    }

    /// <summary>Pair probability in input ids, as the kernel computes it (row = smaller sorted position).</summary>
    public double P(int a, int b)
    {
        int sa = SortedPosition(a), sb = SortedPosition(b);
        int su = Math.Min(sa, sb), sv = Math.Max(sa, sb);
        return Math.Min(1.0, Model.Rho(su) * Model.SortedWeights[sv]);
    }

    private int[]? _pos;

    public int SortedPosition(int id)
    {
        if (_pos == null)
        {
            _pos = new int[N];
            for (int i = 0; i < N; i++) _pos[Model.OriginalId(i)] = i;
        }
        return _pos[id];
    }

    private double PSorted(int su, int sv) => Math.Min(1.0, Model.Rho(su) * Model.SortedWeights[sv]);

    /// <summary>Test 2: z of the mean edge count over replicates.</summary>
    public double EdgeMeanZ() => (EdgeCounts.Average() - Ex.EdgeMean) / Math.Sqrt(Ex.EdgeVariance / R);

    /// <summary>Test 2: z of the sample variance of m against Var[m].</summary>
    public double EdgeVarianceZ() => Stat.VarianceZ(Stat.MeanVariance(EdgeCounts).Variance, Ex.EdgeVariance, R);

    /// <summary>Test 3: (Σ z_u² − n)/√(2n) over nodes with positive variance.</summary>
    public double DegreeChiZ()
    {
        double sum = 0;
        int k = 0;
        for (int u = 0; u < N; u++)
        {
            if (Ex.DegreeVariance[u] <= 0) continue;
            double z = (Degrees[u] / R - Ex.DegreeMean[u]) / Math.Sqrt(Ex.DegreeVariance[u] / R);
            sum += z * z;
            k++;
        }
        return (sum - k) / Math.Sqrt(2.0 * k);
    }

    /// <summary>Test 4: p-value of X² = Σ (O − Rp)²/(Rp(1−p)) over pairs with 0 &lt; p &lt; 1.</summary>
    public double PairChiSquareP()
    {
        double x2 = 0;
        int df = 0;
        for (int a = 0; a < N; a++)
            for (int b = a + 1; b < N; b++)
            {
                double p = P(a, b);
                if (p <= 0 || p >= 1) continue;
                double e = R * p;
                x2 += (PairCounts[a, b] - e) * (PairCounts[a, b] - e) / (e * (1 - p));
                df++;
            }
        return Stat.ChiSquareUpper(x2, df);
    }

    /// <summary>Test 4: p-value of the joint-occurrence X² for one family of pair-of-pairs (expected R·p·p′).</summary>
    public double JointP(Dictionary<(int, int, int, int), long> map, int du, int dv)
    {
        double x2 = 0;
        int df = 0;
        for (int su = 0; su + du < N; su++)
            for (int sv = su + 1; sv + dv < N; sv++)
            {
                if (su + du >= sv + dv) continue;
                double pp = PSorted(su, sv) * PSorted(su + du, sv + dv);
                double e = R * pp;
                if (e < 5 || pp >= 1) continue;
                long o = map.GetValueOrDefault((su, sv, su + du, sv + dv));
                x2 += (o - e) * (o - e) / (e * (1 - pp));
                df++;
            }
        return df == 0 ? 1 : Stat.ChiSquareUpper(x2, df);
    }

    /// <summary>All statistics with a pass/fail verdict each; names the failing ones.</summary>
    public List<string> Rejections()
    {
        var bad = new List<string>();
        double z;
        if (Math.Abs(z = EdgeMeanZ()) >= Stat.ZLimit) bad.Add($"edge-count mean z={z:F1}");
        if (Math.Abs(z = EdgeVarianceZ()) >= Stat.ZLimit) bad.Add($"edge-count variance z={z:F1}");
        if (Math.Abs(z = DegreeChiZ()) >= Stat.ZLimit) bad.Add($"per-node degree z²-sum z={z:F1}");
        double p;
        if ((p = PairChiSquareP()) <= Stat.PLimit) bad.Add($"pair chi-square p={p:G3}");
        if ((p = JointP(JointAdjacent, 0, 1)) <= Stat.PLimit) bad.Add($"adjacent-pair joint p={p:G3}");
        if ((p = JointP(JointSkip, 0, 3)) <= Stat.PLimit) bad.Add($"across-skip joint p={p:G3}");
        if ((p = JointP(JointRows, 1, 0)) <= Stat.PLimit) bad.Add($"cross-row joint p={p:G3}");
        return bad;
    }

    public static List<(long, long)> Fast(ChungLuModel model, ulong seed)
    {
        var sink = new ListSink();
        ChungLuGenerator.Generate(model.WithSeed(seed), ref sink);
        return sink.Edges;
    }

    public static Func<ChungLuModel, ulong, List<(long, long)>> Mutant(KernelMutation m) => (model, seed) =>
    {
        var sink = new ListSink();
        MutantKernel.Generate(model.WithSeed(seed), m, ref sink);
        return sink.Edges;
    };

    public static List<(long, long)> Naive(ChungLuModel model, ulong seed)
    {
        var w = new double[model.N];
        for (int i = 0; i < model.N; i++) w[model.OriginalId(i)] = model.SortedWeights[i];
        var sink = new ListSink();
        NaiveChungLu.Generate(w, seed, model.Options.AllowSelfLoops, ref sink);
        return sink.Edges;
    }
}
