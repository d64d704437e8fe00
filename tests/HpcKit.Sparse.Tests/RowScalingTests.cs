using HpcKit.Core.Random;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

public class RowScalingTests
{
    private static readonly LuOptions RowMax = new() { Scaling = RowScaling.RowMax };

    /// <summary>D A with D = diag(2^k_i), k_i uniform in [−range, range]: an exactly representable, badly row-scaled copy.</summary>
    private static CscMatrix PowerOfTwoRowScaled(CscMatrix a, ulong seed, int range = 30)
    {
        var rng = new RandomStream(seed, 0);
        var d = new double[a.Rows];
        for (int i = 0; i < d.Length; i++) d[i] = Math.ScaleB(1.0, (int)rng.NextBelow((ulong)(2 * range + 1)) - range);
        return a.WithValues(a.Values.Select((v, t) => v * d[a.RowIdx[t]]).ToArray());
    }

    [Fact]
    public void ScaleFactorsArePowersOfTwoBringingEachRowMaximumIntoOneToTwo()
    {
        // rows: ordinary, exact power of two, subnormal, huge, empty, ∞ besides a finite entry, NaN besides a finite entry
        double[] v = [3.0, -0.75, 4.0, 5e-320, -1.5e308, double.PositiveInfinity, 0.25, double.NaN, 0.25];
        int[] rows = [0, 0, 1, 2, 3, 5, 5, 6, 6];
        var r = new double[7];
        RowScaler.RowMax(rows, v, r);
        Assert.Equal([0.5, 0.25, Math.ScaleB(1.0, 1023), Math.ScaleB(1.0, -1023), 1.0, 1.0, 4.0], r);
        Assert.InRange(Math.Abs(v[4] * r[3]), 1.0, 2.0);
        Assert.InRange(v[3] * r[2], 1e-12, 1.0); // subnormal row: the cap keeps r finite
    }

    [Fact]
    public void RowMaxFactorsAreInvariantUnderPowerOfTwoRowScaling()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        var da = PowerOfTwoRowScaled(a, 5);
        var q = SymbolicAnalysis.Analyze(a).Q;
        var f = LUFactorization.Factorize(a, q, RowMax);
        var g = LUFactorization.Factorize(da, q, RowMax);
        Assert.Equal(FactorStatus.Ok, g.Status);
        // R_A A = R_DA D A exactly, so the pivots and the factors are the same bit for bit
        Assert.Equal(f.P, g.P);
        Assert.Equal(f.L.Values, g.L.Values);
        Assert.Equal(f.U.Values, g.U.Values);
        Assert.True(FactorizationTests.FactorizationResidual(da, g) <= 1e-13);
        // every scaled row has its largest magnitude in [1, 2)
        var rowMax = new double[a.Rows];
        for (int t = 0; t < da.Nnz; t++) rowMax[da.RowIdx[t]] = Math.Max(rowMax[da.RowIdx[t]], Math.Abs(da.Values[t] * g.RowScale![da.RowIdx[t]]));
        Assert.All(rowMax, m => Assert.InRange(m, 1.0, 2.0 - 1e-16));
        // without scaling the badly scaled copy pivots differently
        Assert.NotEqual(f.P, LUFactorization.Factorize(da, q).P);
    }

    [Fact]
    public void ScaledSolvesAndRefactorizationAgreeWithTheUnscaledMatrix()
    {
        var a1 = FactorizationTests.Load(SharedData.Activ1);
        var a2 = FactorizationTests.Load(SharedData.Activ2);
        var q = SymbolicAnalysis.Analyze(a1).Q;
        var f = LUFactorization.Factorize(a1, q, RowMax);
        Assert.NotNull(f.RowScale);
        // refactorization recomputes R from A₂ and reproduces a fresh scaled factorization on A₁'s pivots
        var r = new Refactorization(f, a1);
        Assert.Equal(FactorStatus.Ok, r.Refactor(a2, RowMax));
        Assert.True(FactorizationTests.FactorizationResidual(a2, f) <= 1e-13);
        var expected = new double[a2.Rows];
        RowScaler.RowMax(a2.RowIdx, a2.Values, expected);
        Assert.Equal(expected, f.RowScale);
        // A x = b and Aᵀ x = c through the scaled factors
        int n = a2.Rows;
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var b = new double[n];
        a2.Multiply(ones, b);
        var x = new double[n];
        var w = new double[n];
        TriangularSolve.Solve(f, b, x, w);
        Assert.True(x.Max(v => Math.Abs(v - 1)) <= 1e-6);
        var at = a2.Transpose();
        var c = new double[n];
        at.Multiply(ones, c);
        TriangularSolve.SolveTransposed(f, c, x, w);
        Assert.True(x.Max(v => Math.Abs(v - 1)) <= 1e-6);
        // many right-hand sides: the same answers as one at a time
        var many = new double[2 * n];
        b.CopyTo(many, 0);
        c.CopyTo(many, n);
        TriangularSolve.SolveMany(f, many, 2, new double[2 * n]);
        TriangularSolve.Solve(f, b, x, w);
        Assert.Equal(x, many.AsSpan(0, n).ToArray());
        // the monitors of the refactorization pass equal the two-pass computation on R A
        double rho = f.PivotGrowth;
        f.ComputeMonitors(a2);
        Assert.Equal(rho, f.PivotGrowth);
    }

    [Fact]
    public void FacadeWithRowMaxScalingSolvesARowScaledSequence()
    {
        // rows scaled by 2^±8 (the normwise residual of a 2^±30 scaling is not attainable in double precision)
        var a1 = PowerOfTwoRowScaled(FactorizationTests.Load("A_asymmetric01.mtx"), 9, 8);
        var a2 = PowerOfTwoRowScaled(FactorizationTests.Load("A_asymmetric02.mtx"), 9, 8);
        var s = new SequenceSolver(a1, new SequenceOptions { InitialFull = 1, Lu = RowMax });
        int n = a1.Rows;
        var ones = Enumerable.Repeat(1.0, n).ToArray();
        var x = new double[n];
        var b = new double[n];
        foreach (var (a, path) in new[] { (a1, SolvePath.Full), (a2, SolvePath.Refactor) })
        {
            s.SetMatrix(a);
            a.Multiply(ones, b);
            var rep = s.Solve(b, x);
            Assert.Equal(path, rep.Path);
            Assert.Equal(SystemStatus.Converged, rep.Status);
            Assert.NotNull(s.Factors!.RowScale);
            Assert.True(x.Max(v => Math.Abs(v - 1)) <= 1e-6, rep.ToString());
        }
    }
}
