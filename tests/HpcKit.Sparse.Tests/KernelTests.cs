using HpcKit.Core.Random;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Kernels;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

/// <summary>The unrolled sparse axpy, the counting-sort copy of the factors and refactorization on long columns.</summary>
public unsafe class KernelTests
{
    [Fact]
    public void UnrolledAxpyMatchesTheScalarLoopBitForBit()
    {
        var rng = new RandomStream(11, 0);
        for (int len = 0; len <= 13; len++)
        {
            var x = new double[40];
            for (int i = 0; i < x.Length; i++) x[i] = rng.NextUniform(-1, 1);
            var expected = (double[])x.Clone();
            var idx = new int[len];
            var val = new double[len];
            // distinct indices in scrambled order, as in a column of L
            for (int i = 0; i < len; i++) { idx[i] = (7 * i + 3) % 40; val[i] = rng.NextUniform(-2, 2); }
            double s = rng.NextUniform(-3, 3);
            for (int i = 0; i < len; i++) expected[idx[i]] -= val[i] * s;
            fixed (double* px = x, pv = val)
            fixed (int* pi = idx)
                SparseKernels.Axpy(px, pi, pv, len, s);
            Assert.Equal(expected, x);
        }
    }

    /// <summary>n × n with a banded part and a few dense rows, so that L and U get columns longer than 32 and
    /// rows are pivoted off the diagonal (weak diagonal).</summary>
    private static CscMatrix LongColumnMatrix(int n, ulong seed)
    {
        var rng = new RandomStream(seed, 1);
        var ti = new List<int>(); var tj = new List<int>(); var tv = new List<double>();
        for (int j = 0; j < n; j++)
            for (int i = 0; i < n; i++)
            {
                bool on = Math.Abs(i - j) <= 2 || i % 17 == 0 || j % 19 == 0;
                if (!on) continue;
                ti.Add(i); tj.Add(j);
                tv.Add(i == j ? 1e-3 * rng.NextUniform(0.5, 1) : rng.NextUniform(-1, 1));
            }
        return CscMatrix.FromTriplets(n, n, ti.ToArray(), tj.ToArray(), tv.ToArray());
    }

    [Fact]
    public void FactorsOfLongColumnsAreSortedAndRefactorizationReproducesThem()
    {
        var a = LongColumnMatrix(120, 5);
        var sym = SymbolicAnalysis.Analyze(a);
        var f = LUFactorization.Factorize(a, sym.Q);
        Assert.Equal(FactorStatus.Ok, f.Status);
        Assert.True(f.OffDiagonalPivots > 0);
        int longest = 0;
        for (int k = 0; k < f.N; k++) longest = Math.Max(longest, Math.Max(f.L.ColPtr[k + 1] - f.L.ColPtr[k], f.U.ColPtr[k + 1] - f.U.ColPtr[k]));
        Assert.True(longest > 32, $"longest column {longest}");
        Assert.Null(f.L.Validate());
        Assert.Null(f.U.Validate());
        for (int k = 0; k < f.N; k++) Assert.Equal(k, f.U.RowIdx[f.U.ColPtr[k + 1] - 1]);
        Assert.True(FactorizationTests.FactorizationResidual(a, f) <= 1e-13);
        // monitors computed during the factorization equal the two-pass computation
        double mn = f.MinAbsPivot, mx = f.MaxAbsPivot, rho = f.PivotGrowth;
        f.ComputeMonitors(a);
        Assert.Equal(mn, f.MinAbsPivot);
        Assert.Equal(mx, f.MaxAbsPivot);
        Assert.Equal(rho, f.PivotGrowth);
        var l0 = (double[])f.L.Values.Clone();
        var u0 = (double[])f.U.Values.Clone();
        var r = new Refactorization(f, a);
        Assert.Equal(FactorStatus.Ok, r.Refactor(a, new LuOptions()));
        Assert.Equal(0, f.Boosts);
        // same arithmetic up to x·(1/u) versus x/u: a few ulps
        for (int t = 0; t < l0.Length; t++) Assert.True(Math.Abs(f.L.Values[t] - l0[t]) <= 1e-12 * Math.Max(1, Math.Abs(l0[t])), $"L[{t}]");
        for (int t = 0; t < u0.Length; t++) Assert.True(Math.Abs(f.U.Values[t] - u0[t]) <= 1e-12 * Math.Max(1, Math.Abs(u0[t])), $"U[{t}]");
        Assert.True(FactorizationTests.FactorizationResidual(a, f) <= 1e-13);
        // the monitors the refactorization computes in its pass equal the two-pass computation, for new values too
        var perturbed = a.WithValues(a.Values.Select((v, t) => v * (1 + 0.2 * Math.Sin(t))).ToArray());
        Assert.Equal(FactorStatus.Ok, r.Refactor(perturbed, new LuOptions()));
        (mn, mx, rho) = (f.MinAbsPivot, f.MaxAbsPivot, f.PivotGrowth);
        f.ComputeMonitors(perturbed);
        Assert.Equal(mn, f.MinAbsPivot);
        Assert.Equal(mx, f.MaxAbsPivot);
        Assert.Equal(rho, f.PivotGrowth);
        Assert.False(u0.AsSpan().SequenceEqual(f.U.Values)); // the values did change
    }

    [Fact]
    public void SingularColumnLeavesWellFormedFactors()
    {
        // column 3 is a copy of column 1: singular at some step after partial columns of U were computed
        var a = LongColumnMatrix(40, 9);
        var dense = new double[40, 40];
        for (int j = 0; j < 40; j++) for (int t = a.ColPtr[j]; t < a.ColPtr[j + 1]; t++) dense[a.RowIdx[t], j] = a.Values[t];
        for (int i = 0; i < 40; i++) dense[i, 3] = dense[i, 1];
        var ti = new List<int>(); var tj = new List<int>(); var tv = new List<double>();
        for (int j = 0; j < 40; j++) for (int i = 0; i < 40; i++) if (dense[i, j] != 0) { ti.Add(i); tj.Add(j); tv.Add(dense[i, j]); }
        var s = CscMatrix.FromTriplets(40, 40, ti.ToArray(), tj.ToArray(), tv.ToArray());
        var f = LUFactorization.Factorize(s, Enumerable.Range(0, 40).ToArray());
        Assert.Equal(FactorStatus.Singular, f.Status);
        Assert.Equal(3, f.SingularStep);
        Assert.True(SymbolicAnalysis.IsPermutation(f.P, 40));
        Assert.Null(f.L.Validate());
        Assert.Null(f.U.Validate());
        Assert.Equal(f.U.ColPtr[3], f.U.ColPtr[40]); // no entries from the singular column on
    }

    [Theory]
    [InlineData(0)]   // short columns only: insertion while copying
    [InlineData(1)]   // a few long columns: insertion plus Array.Sort
    [InlineData(2)]   // long columns dominate: two transpositions
    public void SortedCopyOrdersEveryColumnWithItsValues(int mode)
    {
        var rng = new RandomStream(21, (ulong)mode);
        int n = 200;
        var ptr = new int[n + 1];
        var idx = new List<int>();
        for (int j = 0; j < n; j++)
        {
            int len = mode switch { 0 => (int)rng.NextBelow(20), 1 => j % 50 == 0 ? 60 : (int)rng.NextBelow(10), _ => 40 + (int)rng.NextBelow(60) };
            var rows = Enumerable.Range(0, n).ToArray();
            rng.Shuffle(rows.AsSpan());
            idx.AddRange(rows.Take(len));
            ptr[j + 1] = idx.Count;
        }
        var ia = idx.ToArray();
        var va = ia.Select((r, t) => r * 1000.0 + t % 7).ToArray(); // value encodes its row
        var oi = new int[ia.Length];
        var ov = new double[ia.Length];
        LUFactorization.SortedCopy(n, ptr, ia, va, oi, ov, new int[n]);
        var c = new CscMatrix(n, n, ptr, oi, ov);
        Assert.Null(c.Validate());
        for (int j = 0; j < n; j++)
        {
            var expect = ia[ptr[j]..ptr[j + 1]].Order().ToArray();
            Assert.Equal(expect, oi[ptr[j]..ptr[j + 1]]);
        }
        for (int t = 0; t < ov.Length; t++) Assert.Equal(oi[t], (int)Math.Floor(ov[t] / 1000.0));
    }

    [Fact]
    public void RefactorizationAllocatesNothing()
    {
        var a = LongColumnMatrix(120, 7);
        var f = LUFactorization.Factorize(a, SymbolicAnalysis.Analyze(a).Q);
        var r = new Refactorization(f, a);
        var options = new LuOptions();
        var copy = new CscMatrix(a.Rows, a.Columns, (int[])a.ColPtr.Clone(), (int[])a.RowIdx.Clone(), (double[])a.Values.Clone());
        for (int i = 0; i < 3; i++) { r.Refactor(a.Values, options); r.Refactor(copy, options); } // warm-up (JIT)
        long before = GC.GetAllocatedBytesForCurrentThread();
        r.Refactor(a.Values, options);
        r.Refactor(copy, options); // pattern compared element by element (a different RowIdx array)
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
