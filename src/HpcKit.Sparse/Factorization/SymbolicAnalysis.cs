using System.Diagnostics;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Factorization;

/// <summary>
/// Once per pattern: validates the full-storage pattern, fingerprints it, and computes the fill-reducing column
/// order Q (COLAMD on AᵀA by default, AMD on A + Aᵀ, natural or user). The numeric factorization may still choose
/// rows off the diagonal; COLAMD's fill bound holds for any row pivoting.
/// </summary>
public sealed class SymbolicAnalysis
{
    private SymbolicAnalysis(int n, int[] q, ulong fingerprint, OrderingKind kind, int nnz, double seconds)
    {
        N = n;
        Q = q;
        Fingerprint = fingerprint;
        Ordering = kind;
        Nnz = nnz;
        Seconds = seconds;
    }

    public int N { get; }

    /// <summary>Column order: column k of A Q is column Q[k] of A.</summary>
    public int[] Q { get; }

    /// <summary>64-bit fingerprint of (n, column pointers, row indices).</summary>
    public ulong Fingerprint { get; }

    public OrderingKind Ordering { get; }

    public int Nnz { get; }

    public double Seconds { get; }

    /// <summary>Initial storage estimate for L + U (1.2 × a multiple of nnz(A)).</summary>
    public int EstimatedFactorNnz => (int)Math.Min(int.MaxValue / 2, 1.2 * (4.0 * Nnz + N));

    /// <summary>Analyses a square full-storage matrix. <paramref name="userOrder"/> is needed for <see cref="OrderingKind.User"/>.</summary>
    public static SymbolicAnalysis Analyze(CscMatrix a, OrderingKind kind = OrderingKind.Colamd, int[]? userOrder = null, double dense = 10.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        long t0 = Stopwatch.GetTimestamp();
        if (a.Rows != a.Columns) throw new Core.HpcKitDataException($"matrix must be square (got {a.Rows} x {a.Columns})");
        var problem = a.Validate();
        if (problem != null) throw new Core.HpcKitDataException("invalid sparse pattern: " + problem);
        int n = a.Columns;
        int[] q = kind switch
        {
            OrderingKind.Colamd => Colamd.Order(a, dense),
            OrderingKind.Amd => Amd.Order(a, dense),
            OrderingKind.Natural => Enumerable.Range(0, n).ToArray(),
            OrderingKind.User => CheckPermutation(userOrder ?? throw new ArgumentNullException(nameof(userOrder)), n),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new SymbolicAnalysis(n, q, a.PatternFingerprint(), kind, a.Nnz, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }

    /// <summary>True when <paramref name="q"/> is a permutation of 0..n−1.</summary>
    public static bool IsPermutation(ReadOnlySpan<int> q, int n)
    {
        if (q.Length != n) return false;
        var seen = new bool[n];
        foreach (int v in q)
        {
            if ((uint)v >= (uint)n || seen[v]) return false;
            seen[v] = true;
        }
        return true;
    }

    private static int[] CheckPermutation(int[] q, int n) =>
        IsPermutation(q, n) ? (int[])q.Clone() : throw new ArgumentException("user order is not a permutation of 0..n-1", nameof(q));
}
