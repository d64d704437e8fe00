using HpcKit.Core.Random;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

public class MaximumTransversalTests
{
    private static CscMatrix Pattern(int m, int n, params (int I, int J)[] entries) =>
        CscMatrix.FromTriplets(m, n, entries.Select(e => e.I).ToArray(), entries.Select(e => e.J).ToArray(), entries.Select(_ => 1.0).ToArray());

    /// <summary>Independent reference: Kuhn's recursive augmenting-path matching, rows tried in natural order.</summary>
    private static int KuhnRank(CscMatrix a)
    {
        var colOfRow = Enumerable.Repeat(-1, a.Rows).ToArray();
        int rank = 0;
        for (int j = 0; j < a.Columns; j++)
            if (Try(j, new bool[a.Columns])) rank++;
        return rank;

        bool Try(int j, bool[] seen)
        {
            seen[j] = true;
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++)
            {
                int r = a.RowIdx[p];
                if (colOfRow[r] < 0 || (!seen[colOfRow[r]] && Try(colOfRow[r], seen))) { colOfRow[r] = j; return true; }
            }
            return false;
        }
    }

    [Fact]
    public void SmallCasesHaveTheirKnownStructuralRank()
    {
        Assert.Equal(0, MaximumTransversal.StructuralRank(Pattern(0, 0)));
        Assert.Equal(3, MaximumTransversal.StructuralRank(Pattern(3, 3, (0, 0), (1, 1), (2, 2))));
        // an empty column
        Assert.Equal(2, MaximumTransversal.StructuralRank(Pattern(3, 3, (0, 0), (1, 0), (2, 2))));
        // two columns share their only row
        Assert.Equal(2, MaximumTransversal.StructuralRank(Pattern(3, 3, (0, 0), (0, 1), (1, 2), (2, 2))));
        // numerically singular ([1 1; 1 1]) but structurally full
        Assert.Equal(2, MaximumTransversal.StructuralRank(Pattern(2, 2, (0, 0), (1, 0), (0, 1), (1, 1))));
        // greedy takes row 0 for column 0; column 1 needs an augmenting path that moves column 0 to row 1
        Assert.Equal(2, MaximumTransversal.StructuralRank(Pattern(2, 2, (0, 0), (1, 0), (0, 1))));
        // rectangular
        Assert.Equal(2, MaximumTransversal.StructuralRank(Pattern(2, 4, (0, 0), (0, 1), (1, 3))));
    }

    [Fact]
    public void MatchingIsValidAndAsLargeAsKuhnsOnRandomPatterns()
    {
        var rng = new RandomStream(17, 0);
        for (int trial = 0; trial < 200; trial++)
        {
            int m = 1 + (int)rng.NextBelow(40), n = 1 + (int)rng.NextBelow(40);
            int count = (int)rng.NextBelow((ulong)(2 * Math.Max(m, n)));
            var e = new (int, int)[count];
            for (int t = 0; t < count; t++) e[t] = ((int)rng.NextBelow((ulong)m), (int)rng.NextBelow((ulong)n));
            var a = Pattern(m, n, e.Distinct().ToArray());
            int rank = MaximumTransversal.Match(a, out var rowOf);
            Assert.Equal(KuhnRank(a), rank);
            Assert.Equal(rank, rowOf.Count(r => r >= 0));
            var used = new HashSet<int>();
            for (int j = 0; j < n; j++)
            {
                if (rowOf[j] < 0) continue;
                Assert.True(used.Add(rowOf[j]), "row matched twice");
                Assert.Contains(rowOf[j], a.RowIdx.AsSpan(a.ColPtr[j], a.ColPtr[j + 1] - a.ColPtr[j]).ToArray());
            }
        }
    }

    /// <summary>
    /// A structurally singular matrix on which rounding leaves nonzero pivots: the LU "succeeds" (rcond ≈ 7e-16), the
    /// transversal sees the singularity, and FGMRES on the inconsistent b = 1 returns an iterate no worse than its start.
    /// </summary>
    [Fact]
    public void StructurallySingularMatrixWithNoisePivots()
    {
        var a = IO.MatrixMarketReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "structurally_singular_18.mtx")).ToCsc();
        Assert.Equal(17, MaximumTransversal.StructuralRank(a));
        var f = LUFactorization.Factorize(a, SymbolicAnalysis.Analyze(a).Q);
        Assert.Equal(FactorStatus.Ok, f.Status);
        Assert.True(f.CheapRcond < 1e-12, $"rcond {f.CheapRcond:E2}");
        var b = Enumerable.Repeat(1.0, a.Rows).ToArray();
        var x = new double[a.Rows];
        var pre = new Solvers.LuPreconditioner(f);
        pre.Apply(b, x);
        var g = new Solvers.Fgmres(a.Rows, 20);
        var res = g.Solve(a, pre, b, x, new Solvers.FgmresOptions());
        Assert.False(res.IsConverged);
        Assert.True(res.FinalResidual <= res.InitialResidual, $"{res.InitialResidual:E2} -> {res.FinalResidual:E2}");
        // the result, LastResidual and the returned x agree
        var r = new double[a.Rows];
        a.Residual(b, x, r);
        Assert.Equal(r, g.LastResidual.ToArray());
        Assert.Equal(res.FinalResidual, System.Numerics.Tensors.TensorPrimitives.Norm<double>(r));
    }

    [Fact]
    public void SharedKktMatricesAreStructurallyNonsingular()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        Assert.Equal(a.Rows, MaximumTransversal.StructuralRank(a));
    }
}
