using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Ordering;
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
}
