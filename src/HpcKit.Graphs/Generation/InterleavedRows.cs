using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// The row procedure of <see cref="RowKernel"/> run on eight rows at once, one candidate of each in turn. Each row
/// keeps its own stream, envelope and position, so it produces exactly the edges it produces alone; only the
/// order in which edges reach the sink changes (it depends on the row list alone, not on timing). The point is
/// memory-level parallelism: the scattered reads of w[v] of eight independent rows overlap instead of
/// serialising, which matters once the weights outgrow the cache.
/// </summary>
internal static class InterleavedRows
{
    private const int Lanes = 8;
    private const double Two53 = 1.0 / 9007199254740992.0;

    [InlineArray(8)]
    private struct Blocks
    {
        private ulong _e0;
    }

    private struct Lane
    {
        public long V, IdU;
        public double P, PLog, InvLog, Rho;
        public ulong J;
        public int Next;
        public bool Active;
        public Blocks Buffer;
    }

    public static long Run<TSink>(ChungLuModel model, long first, long end, long step, ref TSink sink, ref long edges) where TSink : struct, IEdgeSink
    {
        double[] wArr = model.SortedWeightArray;
        int[]? ids = model.IdArray;
        int n = wArr.Length;
        bool loops = model.Options.AllowSelfLoops, canonical = model.Options.Canonical;
        double sTotal = model.S;
        if (sTotal <= 0) return 0;
        ref double w = ref MemoryMarshal.GetArrayDataReference(wArr);
        var keys = new PhiloxRoundKeys(model.Options.Seed);
        Span<Lane> lanes = stackalloc Lane[Lanes];
        long cursor = first, candidates = 0;
        int active = 0;
        for (int k = 0; k < Lanes; k++)
            if (Start(ref lanes[k], ref cursor, end, step, n, loops, ref w, ids, sTotal)) active++;
        while (active > 0)
        {
            for (int k = 0; k < Lanes; k++)
            {
                ref Lane s = ref lanes[k];
                if (!s.Active) continue;
                bool more = true;
                if (s.Next == 4)
                {
                    keys.Block4(s.J, (ulong)s.IdU, out var bx, out var by);
                    bx.StoreUnsafe(ref s.Buffer[0]);
                    by.StoreUnsafe(ref s.Buffer[4]);
                    s.Next = 0;
                }
                ulong x = s.Buffer[s.Next], y = s.Buffer[s.Next + 4];
                s.Next++;
                s.J++;
                double p = s.P;
                long v = s.V;
                if (p < 1.0)
                {
                    double r = ((x >> 11) + 1) * Two53;
                    if (p != s.PLog)
                    {
                        s.PLog = p;
                        s.InvLog = DeterministicLog.Log1pNeg(p);
                    }
                    double t = DeterministicLog.Ln(r) / s.InvLog;
                    if (t >= n - v) more = false;
                    else v += (long)t;
                }
                if (more)
                {
                    candidates++;
                    double q = s.Rho * Unsafe.Add(ref w, (nint)v);
                    if (q > 1.0) q = 1.0;
                    double a = (y >> 11) * Two53;
                    if (a * p < q)
                    {
                        long idV = ids == null ? v : Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ids), (nint)v);
                        edges++;
                        if (canonical && idV < s.IdU) sink.Edge(idV, s.IdU);
                        else sink.Edge(s.IdU, idV);
                    }
                    s.P = q;
                    s.V = v + 1;
                    more = v + 1 < n && q > 0;
                }
                if (!more && !Start(ref s, ref cursor, end, step, n, loops, ref w, ids, sTotal)) active--;
            }
        }
        return candidates;
    }

    /// <summary>Loads the next non-empty row into a lane; false (lane inactive) when the row list is exhausted.</summary>
    private static bool Start(ref Lane s, ref long cursor, long end, long step, int n, bool loops, ref double w, int[]? ids, double sTotal)
    {
        while (cursor < end)
        {
            long u = cursor;
            cursor += step;
            long v = loops ? u : u + 1;
            double wu = Unsafe.Add(ref w, (nint)u);
            if (v >= n || wu == 0) continue;
            double rho = wu / sTotal;
            double p = Math.Min(1.0, rho * Unsafe.Add(ref w, (nint)v));
            if (!(p > 0)) continue;
            s.V = v;
            s.IdU = ids == null ? u : ids[u];
            s.P = p;
            s.PLog = -1;
            s.InvLog = 0;
            s.Rho = rho;
            s.J = 0;
            s.Next = 4;
            s.Active = true;
            return true;
        }
        s.Active = false;
        return false;
    }
}
