using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

public class FactorStorageReuseTests
{
    private static void AssertSameFactors(LuFactors expected, LuFactors actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.SingularStep, actual.SingularStep);
        Assert.Equal(expected.P, actual.P);
        Assert.Equal(expected.Q, actual.Q);
        Assert.Equal(expected.PInverse, actual.PInverse);
        Assert.Equal(expected.QInverse, actual.QInverse);
        foreach (var (e, g) in new[] { (expected.L, actual.L), (expected.U, actual.U) })
        {
            Assert.Equal(e.ColPtr, g.ColPtr);
            Assert.Equal(e.RowIdx.AsSpan(0, e.Nnz).ToArray(), g.RowIdx.AsSpan(0, g.Nnz).ToArray());
            Assert.Equal(e.Values.AsSpan(0, e.Nnz).ToArray(), g.Values.AsSpan(0, g.Nnz).ToArray()); // bitwise: same operations
            Assert.Null(g.Validate());
        }
        Assert.Equal(expected.Flops, actual.Flops);
        Assert.Equal(expected.OffDiagonalPivots, actual.OffDiagonalPivots);
        Assert.Equal(expected.MinAbsPivot, actual.MinAbsPivot);
        Assert.Equal(expected.MaxAbsPivot, actual.MaxAbsPivot);
        Assert.Equal(expected.PivotGrowth, actual.PivotGrowth);
    }

    [Fact]
    public void RepeatedFactorizationReusesStorageAndGivesIdenticalFactors()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        int n = a.Rows;
        // orderings with different fill, so the storage must both grow (natural order) and be reused (COLAMD again)
        var qs = new[] { OrderingKind.Colamd, OrderingKind.Natural, OrderingKind.Amd, OrderingKind.Colamd }
            .Select(k => SymbolicAnalysis.Analyze(a, k).Q).ToArray();
        var prev = LUFactorization.Factorize(a, qs[0]);
        var scaled = new CscMatrix(n, n, a.ColPtr, a.RowIdx, a.Values.Select((v, t) => v * (1 + 0.25 * Math.Sin(t))).ToArray());
        foreach (var m in new[] { a, scaled })
            foreach (var q in qs)
            {
                var fresh = LUFactorization.Factorize(m, q);
                var li = prev.L.RowIdx; var ux = prev.U.Values; var pArr = prev.P;
                var got = LUFactorization.Factorize(m, q, null, 0, prev);
                AssertSameFactors(fresh, got);
                Assert.Same(pArr, got.P);
                if (fresh.NnzL <= li.Length) Assert.Same(li, got.L.RowIdx);
                else Assert.True(got.L.RowIdx.Length >= 2 * fresh.NnzL);
                if (fresh.NnzU <= ux.Length) Assert.Same(ux, got.U.Values);
                Assert.True(FactorizationTests.FactorizationResidual(m, got) <= 1e-13);
                prev = got;
            }
    }

    [Fact]
    public void ReuseAcrossOrdersIsRejected()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        var q = SymbolicAnalysis.Analyze(a).Q;
        var small = LUFactorization.Factorize(CscMatrix.FromTriplets(2, 2, [0, 1], [0, 1], [1.0, 2.0]), [0, 1]);
        Assert.Throws<ArgumentException>(() => LUFactorization.Factorize(a, q, null, 0, small));
    }

    [Theory]
    [InlineData(SharedData.Activ1)]
    [InlineData("A_asymmetric01.mtx")]
    public void UnsortedFactorRowsHoldTheSameFactorsAndRefactor(string file)
    {
        var a = FactorizationTests.Load(file);
        int n = a.Rows;
        var q = SymbolicAnalysis.Analyze(a).Q;
        var sorted = LUFactorization.Factorize(a, q);
        var unsortedOptions = new LuOptions { SortFactorRows = false };
        var f = LUFactorization.Factorize(a, q, unsortedOptions);
        Assert.Equal(sorted.P, f.P);
        Assert.Equal(sorted.L.ColPtr, f.L.ColPtr);
        Assert.Equal(sorted.U.ColPtr, f.U.ColPtr);
        // sorting the columns gives the sorted factors bit for bit; U's diagonal stays last
        foreach (var (e, g) in new[] { (sorted.L, f.L), (sorted.U, f.U) })
        {
            var idx = g.RowIdx[..g.Nnz];
            var val = g.Values[..g.Nnz];
            for (int j = 0; j < n; j++) Array.Sort(idx, val, g.ColPtr[j], g.ColPtr[j + 1] - g.ColPtr[j]);
            Assert.Equal(e.RowIdx[..e.Nnz], idx);
            Assert.Equal(e.Values[..e.Nnz], val);
        }
        for (int k = 0; k < n; k++) Assert.Equal(k, f.U.RowIdx[f.U.ColPtr[k + 1] - 1]);
        Assert.True(FactorizationTests.FactorizationResidual(a, f) <= 1e-13);
        // refactorization follows the stored (topological) order of U; reused storage keeps the unsorted layout
        var again = LUFactorization.Factorize(a, q, unsortedOptions, 0, LUFactorization.Factorize(a, q, unsortedOptions));
        Assert.Equal(f.U.RowIdx[..f.U.Nnz], again.U.RowIdx[..again.U.Nnz]);
        var scaled = new CscMatrix(n, n, a.ColPtr, a.RowIdx, a.Values.Select((v, t) => v * (1 + 0.25 * Math.Sin(t))).ToArray());
        var refac = new Refactorization(again, a);
        Assert.Equal(FactorStatus.Ok, refac.Refactor(scaled, new LuOptions()));
        Assert.True(FactorizationTests.FactorizationResidual(scaled, again) <= 1e-12);
        var b = new double[n];
        for (int i = 0; i < n; i++) b[i] = 1 + i % 7;
        var x = new double[n];
        TriangularSolve.Solve(again, b, x, new double[n]);
        var r = new double[n];
        for (int j = 0; j < n; j++) for (int t = a.ColPtr[j]; t < a.ColPtr[j + 1]; t++) r[a.RowIdx[t]] += scaled.Values[t] * x[j];
        double rmax = 0, bmax = 0, xmax = 0;
        for (int i = 0; i < n; i++) { rmax = Math.Max(rmax, Math.Abs(r[i] - b[i])); bmax = Math.Max(bmax, Math.Abs(b[i])); xmax = Math.Max(xmax, Math.Abs(x[i])); }
        Assert.True(rmax <= 1e-12 * (scaled.NormInf() * xmax + bmax), $"solve residual {rmax}"); // normwise backward error
    }
}
