using HpcKit.Core.Random;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// The row procedure of <see cref="RowKernel"/> run on eight rows at once, one candidate of each in turn. Each row
/// keeps its own stream, envelope and position, so it produces exactly the edges it produces alone; only the
/// order in which edges reach the sink changes (it depends on the row list alone, not on timing). The point is
/// memory-level parallelism: the scattered reads of w[v] of eight independent rows overlap instead of
/// serialising, which matters once the weights outgrow the cache. Each lane is software-pipelined by one
/// candidate: a turn tests the candidate found by the lane's previous turn (whose w[v] was prefetched then), then
/// draws the next skip and prefetches its w[v], so each miss has seven other lanes' work to hide behind. The
/// per-turn schedule, and so the edge order, is the same as testing each candidate in the turn that found it.
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
        public double P, PLog, InvLog, Rho, A;
        public ulong J;
        public int Next;
        public bool Active, Pending;
        public Blocks Buffer;
    }

    public static unsafe long Run<TSink>(ChungLuModel model, long first, long end, long step, ref TSink sink, ref long edges) where TSink : struct, IEdgeSink
    {
        double[] wArr = model.SortedWeightArray;
        int[]? ids = model.IdArray;
        int n = wArr.Length;
        bool loops = model.Options.AllowSelfLoops, canonical = model.Options.Canonical;
        double sTotal = model.S;
        if (sTotal <= 0 || n == 0) return 0;
        var keys = new PhiloxRoundKeys(model.Options.Seed);
        Span<Lane> lanes = stackalloc Lane[Lanes];
        long cursor = first, candidates = 0;
        int active = 0;
        fixed (double* pw = wArr)
        fixed (int* pid = ids)
        {
            ref double w = ref *pw;
            for (int k = 0; k < Lanes; k++)
            {
                if (!Start(ref lanes[k], ref cursor, end, step, n, loops, ref w, ids, sTotal)) continue;
                active++;
                Advance(ref lanes[k], ref keys, n, pw, pid);
            }
            while (active > 0)
            {
                for (int k = 0; k < Lanes; k++)
                {
                    ref Lane s = ref lanes[k];
                    if (!s.Active) continue;
                    bool more = false;
                    if (s.Pending)
                    {
                        // the candidate found by the previous turn's skip; its w[v] was prefetched then
                        candidates++;
                        long v = s.V;
                        double q = s.Rho * pw[v];
                        if (q > 1.0) q = 1.0;
                        if (s.A * s.P < q)
                        {
                            long idV = pid == null ? v : pid[v];
                            edges++;
                            if (canonical && idV < s.IdU) sink.Edge(idV, s.IdU);
                            else sink.Edge(s.IdU, idV);
                        }
                        s.P = q;
                        s.V = v + 1;
                        more = v + 1 < n && q > 0;
                    }
                    if (!more && !Start(ref s, ref cursor, end, step, n, loops, ref w, ids, sTotal))
                    {
                        active--;
                        continue;
                    }
                    Advance(ref s, ref keys, n, pw, pid);
                }
            }
        }
        return candidates;
    }

    /// <summary>
    /// Draws the lane's next block and skips to its next candidate (Pending), or finds the skip runs past n
    /// (not Pending: the row ends on the lane's next turn, as in the one-row kernel). Prefetches w[v] (and the id)
    /// of the candidate so that the read has seven other lanes' work to arrive in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Advance(ref Lane s, ref PhiloxRoundKeys keys, int n, double* pw, int* pid)
    {
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
            if (t >= n - v)
            {
                s.Pending = false;
                return;
            }
            v += (long)t;
        }
        s.V = v;
        s.A = (y >> 11) * Two53;
        s.Pending = true;
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(pw + v);
            if (pid != null) Sse.Prefetch0(pid + v);
        }
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
