namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// Symmetric and generalised symmetric-definite eigenproblems: LAPACK (dsyevr, dsygvd) when available,
/// managed Jacobi otherwise (<c>HPCKIT_LAPACK=managed</c> forces it). Inputs are row-major n×n and are not modified.
/// </summary>
public static class SymmetricEigen
{
    /// <summary>True when LAPACK is loaded and used.</summary>
    public static bool UsesLapack => Lapack.Available && !ForcedManaged;

    private static bool ForcedManaged =>
        string.Equals(Environment.GetEnvironmentVariable("HPCKIT_LAPACK"), "managed", StringComparison.OrdinalIgnoreCase);

    /// <summary>A·v = λ·v; the lowest <paramref name="count"/> pairs (all when null).</summary>
    public static EigenDecomposition Solve(ReadOnlySpan<double> a, int n, int? count = null, bool managed = false)
    {
        Check(a, n, "A");
        int k = count ?? n;
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(count), $"count must be in 1..{n}");
        var copy = a[..(n * n)].ToArray();
        return UsesLapack && !managed ? Lapack.Syevr(copy, n, k) : JacobiEigen.Symmetric(copy, n, k);
    }

    /// <summary>A·v = λ·B·v with B symmetric positive definite; vectors are B-orthonormal.</summary>
    public static EigenDecomposition SolveGeneralized(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, bool managed = false)
    {
        Check(a, n, "A");
        Check(b, n, "B");
        var ac = a[..(n * n)].ToArray();
        var bc = b[..(n * n)].ToArray();
        return UsesLapack && !managed ? Lapack.Sygvd(ac, bc, n) : JacobiEigen.Generalized(ac, bc, n);
    }

    private static void Check(ReadOnlySpan<double> m, int n, string name)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "n must be positive");
        if (m.Length < n * n) throw new ArgumentException($"{name} must hold n·n = {n * n} elements");
    }
}
