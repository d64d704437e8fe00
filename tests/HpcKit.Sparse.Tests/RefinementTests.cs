using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;
using Xunit.Abstractions;

namespace HpcKit.Sparse.Tests;

public class RefinementTests(ITestOutputHelper output)
{
    private static double[] Vec(string file) => MatrixMarketReader.Read(SharedData.Path(file)).ToDenseVector();

    private static double RelRes(CscMatrix a, double[] b, double[] x)
    {
        var r = new double[b.Length];
        a.Residual(b, x, r);
        return Norm(r) / Norm(b);
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(t => t * t));

    private static double ForwardErrorOnes(double[] x) => x.Max(v => Math.Abs(v - 1));

    private static (LuFactors F, Refactorization R) FactorAndPrepare(CscMatrix a)
    {
        var q = SymbolicAnalysis.Analyze(a).Q;
        var f = LUFactorization.Factorize(a, q);
        Assert.Equal(FactorStatus.Ok, f.Status);
        return (f, new Refactorization(f, a));
    }

    private double[] Refine(CscMatrix a, LuFactors f, double[] b, FgmresOptions o, out FgmresResult res)
    {
        var x = new double[b.Length];
        TriangularSolve.Solve(f, b, x, new double[b.Length]);
        var g = new Fgmres(a.Rows, o.Restart);
        res = g.Solve(a, new LuPreconditioner(f), b, x, o);
        output.WriteLine($"{res.Status} its={res.Iterations} rel={res.RelativeResidual:E2} omega={res.BackwardError:E2} initial={res.InitialResidual / res.RhsNorm:E2}");
        return x;
    }

    [Fact]
    public void RefactorWithOwnPivotsReproducesFactors()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        var (f, r) = FactorAndPrepare(a);
        var l0 = (double[])f.L.Values.Clone();
        var u0 = (double[])f.U.Values.Clone();
        Assert.Equal(FactorStatus.Ok, r.Refactor(a, new LuOptions()));
        Assert.Equal(0, f.Boosts);
        double dl = 0, nl = 0, du = 0, nu = 0;
        for (int t = 0; t < l0.Length; t++) { dl += Math.Abs(l0[t] - f.L.Values[t]); nl += Math.Abs(l0[t]); }
        for (int t = 0; t < u0.Length; t++) { du += Math.Abs(u0[t] - f.U.Values[t]); nu += Math.Abs(u0[t]); }
        Assert.True(dl <= 1e-12 * nl && du <= 1e-12 * nu, $"L diff {dl / nl}, U diff {du / nu}");
    }

    [Fact]
    public void RefactorSecondActivsgMatrixWithFirstPivotsMatchesFreshFactorization()
    {
        var a1 = FactorizationTests.Load(SharedData.Activ1);
        var a2 = FactorizationTests.Load(SharedData.Activ2);
        var (f, r) = FactorAndPrepare(a1);
        Assert.Equal(FactorStatus.Ok, r.Refactor(a2, new LuOptions()));
        Assert.Equal(0, f.Boosts);
        Assert.True(FactorizationTests.FactorizationResidual(a2, f) <= 1e-13);
        var b = Vec(SharedData.Ones2);
        var o = new FgmresOptions { Tolerance = 1e-15 };
        var xr = Refine(a2, f, b, o, out var res);
        Assert.True(res.IsConverged);
        var fresh = LUFactorization.Factorize(a2, SymbolicAnalysis.Analyze(a2).Q);
        var xf = Refine(a2, fresh, b, o, out _);
        double diff = 0;
        for (int i = 0; i < xr.Length; i++) diff = Math.Max(diff, Math.Abs(xr[i] - xf[i]));
        Assert.True(diff <= 1e-8, $"refactored vs fresh solutions differ by {diff}");
    }

    [Theory]
    [InlineData(SharedData.Activ1, SharedData.Ones1)]
    [InlineData(SharedData.Activ2, SharedData.Ones2)]
    public void FgmresReachesRoundOffOnAllOnesSystems(string mat, string rhs)
    {
        var a = FactorizationTests.Load(mat);
        var (f, _) = FactorAndPrepare(a);
        var b = Vec(rhs);
        var x = Refine(a, f, b, new FgmresOptions { Tolerance = 1e-15, BackwardErrorStop = 0 }, out var res);
        output.WriteLine($"forward error {ForwardErrorOnes(x):E2}");
        Assert.True(RelRes(a, b, x) <= 1e-15, $"relative residual {RelRes(a, b, x):E2}");
        Assert.True(ForwardErrorOnes(x) <= 1e-8, $"forward error {ForwardErrorOnes(x):E2}");
        Assert.True(res.Iterations <= 10);
    }

    [Theory]
    [InlineData(SharedData.Activ1, SharedData.Rhs10)]
    [InlineData(SharedData.Activ2, SharedData.Rhs11)]
    public void FgmresOnOptimizerRhsReachesTheDoublePrecisionFloor(string mat, string rhs)
    {
        var a = FactorizationTests.Load(mat);
        var (f, _) = FactorAndPrepare(a);
        var b = Vec(rhs);
        var x = Refine(a, f, b, new FgmresOptions(), out var res);
        // The attainable ‖b − Ax‖/‖b‖ for these right-hand sides sits near 1e-14 in double precision. The componentwise
        // backward error does not rescue the test here: a few rows with b_i = 0 and one dominant term give ω = 1 for any
        // x_j that is not exactly zero (observed), so such systems end through the pre-check or the stagnation guard.
        Assert.True(res.Status is FgmresStatus.ConvergedOnEntry or FgmresStatus.Converged or FgmresStatus.Stagnated, res.Status.ToString());
        Assert.True(res.Iterations <= 40);
        Assert.True(RelRes(a, b, x) <= 5e-14, $"relative residual {RelRes(a, b, x):E2}");
    }

    [Theory]
    [InlineData("symmetric")]
    [InlineData("spd")]
    [InlineData("asymmetric")]
    public void FgmresOnSyntheticPairs(string kind)
    {
        foreach (var idx in new[] { "01", "02" })
        {
            var a = FactorizationTests.Load($"A_{kind}{idx}.mtx");
            var (f, _) = FactorAndPrepare(a);
            var b = Vec($"b_{kind}{idx}.mtx");
            var x = Refine(a, f, b, new FgmresOptions { BackwardErrorStop = 0 }, out var res);
            Assert.True(RelRes(a, b, x) <= 1e-14, $"{kind}{idx}: relative residual {RelRes(a, b, x):E2} ({res.Status})");
        }
    }

    [Fact]
    public void PreCheckAvoidsTheInitialResidualPitfall()
    {
        var a = FactorizationTests.Load(SharedData.Activ1);
        var (f, _) = FactorAndPrepare(a);
        var b = Vec(SharedData.Ones1);
        Refine(a, f, b, new FgmresOptions(), out var def);
        Assert.Equal(FgmresStatus.ConvergedOnEntry, def.Status);
        Assert.Equal(0, def.Iterations);
        Refine(a, f, b, new FgmresOptions { Test = ConvergenceTest.RelativeToInitialResidual, BackwardErrorStop = 0 }, out var init);
        Assert.True(init.Iterations > 0);
    }

    [Fact]
    public void ManyRightHandSidesMatchSingleSolves()
    {
        var a = FactorizationTests.Load("A_asymmetric01.mtx");
        var (f, _) = FactorAndPrepare(a);
        int n = a.Rows, count = 3;
        var bx = new double[n * count];
        for (int i = 0; i < bx.Length; i++) bx[i] = Math.Cos(i * 0.37);
        var singles = new double[n * count];
        for (int r = 0; r < count; r++) TriangularSolve.Solve(f, bx.AsSpan(r * n, n), singles.AsSpan(r * n, n), new double[n]);
        TriangularSolve.SolveMany(f, bx, count, new double[n * count]);
        Assert.Equal(singles, bx);
    }
}
