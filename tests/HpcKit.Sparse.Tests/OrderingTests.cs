using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Ordering;

namespace HpcKit.Sparse.Tests;

public class OrderingTests
{
    [Theory]
    [InlineData(SharedData.Activ1)]
    [InlineData("A_asymmetric01.mtx")]
    [InlineData("A_spd01.mtx")]
    public void OrderingsArePermutationsDeterministicAndReduceFill(string file)
    {
        var a = FactorizationTests.Load(file);
        var natural = LUFactorization.Factorize(a, SymbolicAnalysis.Analyze(a, OrderingKind.Natural).Q);
        Assert.Equal(FactorStatus.Ok, natural.Status);
        foreach (var kind in new[] { OrderingKind.Amd, OrderingKind.Colamd })
        {
            var q = SymbolicAnalysis.Analyze(a, kind).Q;
            Assert.True(SymbolicAnalysis.IsPermutation(q, a.Columns));
            Assert.Equal(q, SymbolicAnalysis.Analyze(a, kind).Q);
            var f = LUFactorization.Factorize(a, q);
            Assert.Equal(FactorStatus.Ok, f.Status);
            Assert.True(f.NnzLU <= natural.NnzLU, $"{file} {kind}: nnz(L+U) {f.NnzLU} vs natural {natural.NnzLU}");
        }
    }

    [Fact]
    public void AmdOnArrowMatrixEliminatesHubLast()
    {
        // arrow matrix: node 0 connected to all; minimum degree must not eliminate the hub first (fill would be complete)
        int n = 50;
        var ti = new List<int>(); var tj = new List<int>(); var tv = new List<double>();
        for (int i = 0; i < n; i++) { ti.Add(i); tj.Add(i); tv.Add(4); }
        for (int i = 1; i < n; i++) { ti.Add(i); tj.Add(0); tv.Add(1); ti.Add(0); tj.Add(i); tv.Add(1); }
        var a = Storage.CscMatrix.FromTriplets(n, n, ti.ToArray(), tj.ToArray(), tv.ToArray());
        foreach (var q in new[] { Amd.Order(a, 0), Colamd.Order(a, 0) })
        {
            Assert.True(SymbolicAnalysis.IsPermutation(q, n));
            Assert.NotEqual(0, q[0]);
            var f = LUFactorization.Factorize(a, q, new LuOptions { PivotTolerance = 1e-3 });
            Assert.Equal(3 * n - 2, f.NnzLU); // no fill at all
        }
    }
}
