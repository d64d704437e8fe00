using System.Diagnostics;
using System.Globalization;
using HpcKit.Sparse.Generators;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Storage;

namespace HpcKit.Benchmarks;

/// <summary>
/// Tuning run for the facade's rcond-drop fallback: whole generated sequences solved with several RcondDrop values;
/// per value the median time of --reps runs, fallbacks by reason, FGMRES iterations, worst relative residual, NSR and
/// forward error against the generator's reference.
/// Run: dotnet bench/HpcKit.Benchmarks/bin/Release/net10.0/HpcKit.Benchmarks.dll sparse-rcond [--buses 2000,10000] [--drops 1e-3,1e-6,1e-9,0] [--reps 5]
/// </summary>
internal static class SparseRcondSweep
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Runs the sweep; options as in the class summary.</summary>
    public static void Run(string[] args)
    {
        string buses = "2000,10000", drops = "1e-3,1e-6,1e-9,0";
        int reps = 5;
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--buses": buses = args[i + 1]; break;
                case "--drops": drops = args[i + 1]; break;
                case "--reps": reps = int.Parse(args[i + 1], Ci); break;
            }
        }
        Console.WriteLine("| buses | RcondDrop | median ms | fallbacks (by reason) | FGMRES its | worst relres | worst NSR | worst fwd | inaccurate |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var nbText in buses.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var list = new List<KktSystem>();
            new KktSequenceGenerator(new KktGeneratorOptions { Buses = int.Parse(nbText, Ci), Seed = 1 }).Run(list.Add);
            var mats = list.Select(s => CscMatrix.ExpandLowerSymmetric(s.Lower)).ToList();
            foreach (var dText in drops.Split(',', StringSplitOptions.RemoveEmptyEntries))
                Console.WriteLine(Sweep(nbText, double.Parse(dText, Ci), list, mats, reps));
        }
    }

    private static string Sweep(string buses, double drop, List<KktSystem> list, List<CscMatrix> mats, int reps)
    {
        var x = new double[mats[0].Rows];
        var times = new double[reps];
        SequenceReport? report = null;
        double worstRes = 0, worstNsr = 0, worstFwd = 0;
        for (int r = 0; r < reps + 1; r++) // the first run warms the JIT up and is not timed
        {
            var solver = new SequenceSolver(mats[0], new SequenceOptions { RcondDrop = drop });
            worstRes = worstNsr = worstFwd = 0;
            long t0 = Stopwatch.GetTimestamp();
            for (int k = 0; k < mats.Count; k++)
            {
                solver.SetMatrix(mats[k]);
                var rep = solver.Solve(list[k].Rhs, x);
                worstRes = Math.Max(worstRes, rep.ResidualAfter);
                worstNsr = Math.Max(worstNsr, rep.Nsr);
                if (list[k].Reference is { } xr) worstFwd = Math.Max(worstFwd, ForwardError(x, xr));
            }
            if (r > 0) times[r - 1] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            report = solver.Report;
        }
        Array.Sort(times);
        var reasons = string.Join(", ", Enum.GetValues<FallbackReason>().Where(f => report!.FallbacksByReason[(int)f] > 0)
            .Select(f => $"{report!.FallbacksByReason[(int)f]} {f}"));
        return string.Create(Ci, $"| {buses} | {drop:G3} | {times[reps / 2]:F1} | {report!.Fallbacks} ({reasons}) | {report.FgmresIterations} | {worstRes:E1} | {worstNsr:E1} | {worstFwd:E1} | {report.Inaccurate} |");
    }

    private static double ForwardError(double[] x, double[] reference)
    {
        double num = 0, den = 0;
        for (int i = 0; i < x.Length; i++)
        {
            num = Math.Max(num, Math.Abs(x[i] - reference[i]));
            den = Math.Max(den, Math.Abs(reference[i]));
        }
        return den > 0 ? num / den : num;
    }
}
