using HpcKit.Core.Random;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// Miller–Hagberg skipping with thinning for one row (spec §3). Row u (sorted position) draws Philox4x32-10
/// blocks with key = seed and counter = (j, original id of u); block j gives r ∈ (0,1] from its low 64 bits and
/// a ∈ [0,1) from its high 64 bits. Under envelope p a geometric skip t = ln r / log1p(−p) reaches the next
/// candidate v; it becomes an edge when a·p &lt; q = min(1, ρ_u·w_v), and q becomes the new envelope.
/// Cost: one block and one ln per candidate, plus log1p when the envelope changed.
/// </summary>
public static class RowKernel
{
    /// <summary>The RNG/arithmetic layout version recorded in headers (spec §5).</summary>
    public const uint RngLayout = 1;

    private const double Two53 = 1.0 / 9007199254740992.0;

    /// <summary>Run eight rows interleaved (default; set HPCKIT_CHUNGLU_INTERLEAVE=0 for one row at a time). Same edge set either way.</summary>
    internal static readonly bool Interleave = Environment.GetEnvironmentVariable("HPCKIT_CHUNGLU_INTERLEAVE") != "0";

    /// <summary>Rows [<paramref name="first"/>, <paramref name="end"/>) stepping by <paramref name="step"/>; returns candidates drawn.</summary>
    public static long Rows<TSink>(ChungLuModel model, long first, long end, long step, ref TSink sink, ref long edges)
        where TSink : struct, IEdgeSink
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Interleave) return InterleavedRows.Run(model, first, end, step, ref sink, ref edges);
        long candidates = 0;
        for (long u = first; u < end; u += step) candidates += Row(model, (int)u, ref sink, ref edges);
        return candidates;
    }

    /// <summary>Generates row <paramref name="u"/> (sorted position) into <paramref name="sink"/>; returns its candidates.</summary>
    public static long Row<TSink>(ChungLuModel model, int u, ref TSink sink, ref long edges) where TSink : struct, IEdgeSink
    {
        double[] wArr = model.SortedWeightArray;
        int[]? ids = model.IdArray;
        int n = wArr.Length;
        bool canonical = model.Options.Canonical;
        long v = model.Options.AllowSelfLoops ? u : u + 1;
        ref double w = ref MemoryMarshal.GetArrayDataReference(wArr);
        double wu = Unsafe.Add(ref w, u);
        if (v >= n || wu == 0 || model.S <= 0) return 0;
        double rho = wu / model.S;
        long idU = ids == null ? u : ids[u];
        ulong seed = model.Options.Seed;
        var keys = new PhiloxRoundKeys(seed);
        double p = Math.Min(1.0, rho * Unsafe.Add(ref w, (nint)v));
        double pLog = -1, invLog = 0;
        long candidates = 0;
        ulong j = 0;
        int lane = 4;
        Span<ulong> buf = stackalloc ulong[8];
        ref ulong b0 = ref MemoryMarshal.GetReference(buf);
        while (p > 0)
        {
            // blocks are drawn four at a time (SIMD lanes); block j is lane j mod 4 of the group starting at j − j mod 4
            if (lane == 4)
            {
                keys.Block4(j, (ulong)idU, out var bx, out var by);
                System.Runtime.Intrinsics.Vector256.StoreUnsafe(bx, ref b0);
                System.Runtime.Intrinsics.Vector256.StoreUnsafe(by, ref b0, 4);
                lane = 0;
            }
            ulong x = Unsafe.Add(ref b0, lane), y = Unsafe.Add(ref b0, lane + 4);
            lane++;
            j++;
            if (p < 1.0)
            {
                double r = ((x >> 11) + 1) * Two53;
                if (p != pLog)
                {
                    pLog = p;
                    invLog = DeterministicLog.Log1pNeg(p);
                }
                double t = DeterministicLog.Ln(r) / invLog;
                if (t >= n - v) break;
                v += (long)t;
            }
            candidates++;
            double q = Math.Min(1.0, rho * Unsafe.Add(ref w, (nint)v));
            Debug.Assert(q >= 0 && q <= p && p <= 1);
            double a = (y >> 11) * Two53;
            if (a * p < q)
            {
                long idV = ids == null ? v : Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ids), (nint)v);
                edges++;
                if (canonical && idV < idU) sink.Edge(idV, idU);
                else sink.Edge(idU, idV);
            }
            p = q;
            v++;
            if (v >= n) break;
        }
        return candidates;
    }

    /// <summary>
    /// The skip step alone (for tests with injected r): from position <paramref name="v"/> under envelope
    /// <paramref name="p"/> ∈ (0,1), returns the next candidate, or −1 when the skip runs past n.
    /// </summary>
    public static long NextCandidate(double r, double p, long v, long n)
    {
        double t = DeterministicLog.Ln(r) / DeterministicLog.Log1pNeg(p);
        if (t >= n - v) return -1;
        return v + (long)t;
    }
}
