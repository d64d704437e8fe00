using HpcKit.Core.Random;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// A plain transcription of the row procedure of spec §3 with one <see cref="KernelMutation"/> applied. With
/// <see cref="KernelMutation.None"/> it produces exactly the edges of <see cref="RowKernel"/> (a test checks).
/// Test-only and not tuned for speed.
/// </summary>
internal static class MutantKernel
{
    private const double Two53 = 1.0 / 9007199254740992.0;

    public static void Generate<TSink>(ChungLuModel model, KernelMutation mutation, ref TSink sink) where TSink : struct, IEdgeSink
    {
        var w = model.SortedWeights;
        int n = model.N;
        bool loops = model.Options.AllowSelfLoops;
        var keys = new PhiloxRoundKeys(model.Options.Seed);
        for (int u = 0; u < n; u++)
        {
            long v = loops ? u : u + 1;
            if (v >= n || w[u] == 0 || model.S <= 0) continue;
            double rho = w[u] / model.S;
            long idU = mutation == KernelMutation.NoLabelMap ? u : model.OriginalId(u);
            ulong stream = mutation == KernelMutation.SharedStream ? 0UL : (ulong)model.OriginalId(u);
            double p = Math.Min(1.0, rho * w[(int)v]);
            ulong j = 0;
            while (p > 0)
            {
                keys.Block(j, stream, out ulong x, out ulong y);
                j++;
                if (p < 1)
                {
                    double r = ((x >> 11) + 1) * Two53;
                    double t = DeterministicLog.Ln(r) / DeterministicLog.Log1pNeg(p);
                    if (t >= n - v) break;
                    v += (long)t;
                    if (mutation == KernelMutation.SkipOffByOne)
                    {
                        v++;
                        if (v >= n) break;
                    }
                }
                double q = Math.Min(1.0, rho * w[(int)v]);
                if (mutation == KernelMutation.LowerEnvelopeAtNonCandidates) p = q;
                double a = (y >> 11) * Two53;
                bool accept = mutation == KernelMutation.AcceptWithQ ? a < q : a * p < q;
                if (accept)
                {
                    long idV = mutation == KernelMutation.NoLabelMap ? v : model.OriginalId((int)v);
                    sink.Edge(idU, idV);
                }
                p = q;
                if (mutation != KernelMutation.NoAdvanceAfterCandidate) v++;
                if (v >= n) break;
            }
        }
    }
}
