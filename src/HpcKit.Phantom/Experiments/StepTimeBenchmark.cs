using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Phantom.Experiments;

/// <summary>One row of the per-step timing grid: PP(n, p, k) against TP(n, p) measured in the same repeats.</summary>
public sealed record StepTimeRow(int Width, int Ranks, int Ghosts, double TpSeconds, double PpSeconds, double[] TpRepeats, double[] PpRepeats,
    double FlopRatioCounted, double FlopRatioClosed, double HiddenFlopRatio, double ByteRatioCounted, double HiddenByteRatio);

/// <summary>
/// Measured per-step time of PP and TP at equal width: for every n, TP and each PP(k) run <c>steps</c> training steps,
/// interleaved, <c>repeats</c> times; a repeat's figure is its median step (first excluded), the row's figure the
/// median over repeats. Counted whole-step FLOP and byte ratios are reported beside the hidden-layer closed forms
/// 1/p + pk/n and k/m (whole-step ratios include the shared input layer and head, so they differ slightly).
/// </summary>
public static class StepTimeBenchmark
{
    public static IReadOnlyList<StepTimeRow> Run(TrainOptions baseOptions, IReadOnlyList<int> widths, IReadOnlyList<int> ghosts, int steps, int repeats,
        Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(ghosts);
        var rows = new List<StepTimeRow>();
        int p = baseOptions.Network.Ranks;
        foreach (int n in widths)
        {
            var tpOpt = baseOptions with { Network = baseOptions.Network with { Mode = ParallelMode.Tensor, Width = n }, Steps = steps, EvalEvery = steps, ValidationSize = baseOptions.Network.Batch };
            var tpTimes = new double[repeats];
            var ppTimes = new double[ghosts.Count, repeats];
            TrainResult? tpLast = null;
            var ppLast = new TrainResult?[ghosts.Count];
            for (int rep = 0; rep < repeats; rep++)
            {
                tpLast = RunLauncher.Train(tpOpt);
                tpTimes[rep] = tpLast.MedianStepSeconds;
                log?.Invoke(FormattableString.Invariant($"n={n} TP repeat {rep + 1}: {tpTimes[rep] * 1e3:F1} ms/step"));
                for (int g = 0; g < ghosts.Count; g++)
                {
                    var ppOpt = tpOpt with { Network = tpOpt.Network with { Mode = ParallelMode.Phantom, Ghosts = ghosts[g] } };
                    ppLast[g] = RunLauncher.Train(ppOpt);
                    ppTimes[g, rep] = ppLast[g]!.MedianStepSeconds;
                    log?.Invoke(FormattableString.Invariant($"n={n} PP k={ghosts[g]} repeat {rep + 1}: {ppTimes[g, rep] * 1e3:F1} ms/step"));
                }
            }
            for (int g = 0; g < ghosts.Count; g++)
            {
                var pp = ppLast[g]!;
                var tp = tpLast!;
                var pr = Enumerable.Range(0, repeats).Select(r => ppTimes[g, r]).ToArray();
                long edge = 4L * tp.Network.Batch * tp.Network.InputDim * tp.Network.M + 6L * tp.Network.Batch * tp.Network.M * tp.Network.OutputDim;
                long ppHiddenWords = pp.Counted.WordsSent - ClosedForm.AllReduceWords((long)pp.Network.Batch * pp.Network.OutputDim, p, 0);
                long tpHiddenWords = tp.Counted.WordsSent - ClosedForm.AllReduceWords((long)tp.Network.Batch * tp.Network.OutputDim, p, 0);
                rows.Add(new StepTimeRow(n, p, ghosts[g], Median(tpTimes), Median(pr), tpTimes, pr,
                    (double)pp.Counted.GemmFlops / tp.Counted.GemmFlops, (double)pp.ClosedForm.GemmFlops / tp.ClosedForm.GemmFlops,
                    (double)(pp.Counted.GemmFlops - edge) / (tp.Counted.GemmFlops - edge),
                    (double)ppHiddenWords / tpHiddenWords, ClosedForm.ByteRatio(n, p, ghosts[g])));
            }
        }
        return rows;
    }

    private static double Median(double[] v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
