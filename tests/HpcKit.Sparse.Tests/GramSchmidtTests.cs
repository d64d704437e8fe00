using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Solvers;
using Xunit.Abstractions;

namespace HpcKit.Sparse.Tests;

public class GramSchmidtTests(ITestOutputHelper output)
{
    private static double OrthogonalityLoss(Fgmres g)
    {
        int k = g.BasisCount;
        double s = 0;
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                double d = System.Numerics.Tensors.TensorPrimitives.Dot(g.BasisVector(i), g.BasisVector(j)) - (i == j ? 1 : 0);
                s += d * d;
            }
        return Math.Sqrt(s);
    }

    [Theory]
    [InlineData(GramSchmidtKind.Cgs2)]
    [InlineData(GramSchmidtKind.Mgs)]
    [InlineData(GramSchmidtKind.MgsTwoSynch)]
    [InlineData(GramSchmidtKind.MgsPostModern)]
    [InlineData(GramSchmidtKind.Cgs)]
    public void StaleFactorsFirstCycleOrthogonalityAndSynchCounts(GramSchmidtKind kind)
    {
        var a1 = FactorizationTests.Load(SharedData.Activ1);
        var a2 = FactorizationTests.Load(SharedData.Activ2);
        var f = LUFactorization.Factorize(a1, SymbolicAnalysis.Analyze(a1).Q);
        var b = MatrixMarketReader.Read(SharedData.Path(SharedData.Ones2)).ToDenseVector();
        int m = 20;
        var g = new Fgmres(a2.Rows, m);
        var x = new double[b.Length];
        var pre = new LuPreconditioner(f);
        pre.Apply(b, x);
        // one full cycle, no convergence test
        var one = g.Solve(a2, pre, b, x, new FgmresOptions { Restart = m, MaxIterations = m, Tolerance = 0, BackwardErrorStop = 0, GramSchmidt = kind });
        double loss = OrthogonalityLoss(g);
        output.WriteLine($"{kind}: basis {g.BasisCount}, ||I - V'V||_F = {loss:E2}, synchs {one.Synchs}");
        int steps = one.Iterations;
        long perCycle = kind switch
        {
            GramSchmidtKind.Mgs => Enumerable.Range(1, steps).Sum(i => i + 1),
            GramSchmidtKind.Cgs2 => 3L * steps,
            _ => 2L * steps,
        };
        Assert.Equal(2 + perCycle + 1, one.Synchs); // pre-check norm + residual, the cycle, the restart norm
        // CGS2 and post-modern MGS keep working precision (measured 4.7e-15 and 5.1e-14 here)
        if (kind is GramSchmidtKind.Cgs2 or GramSchmidtKind.MgsPostModern) Assert.True(loss <= 1e-12, $"{kind} loss {loss:E2}");
        // MGS and its two-synch form lose orthogonality in proportion to κ·eps (Paige–Rozložník–Strakoš); measured
        // about 1e-7 here with stale factors: what is true is a bound far from 1, not working precision. CGS is only reported.
        else if (kind != GramSchmidtKind.Cgs) Assert.True(loss <= 1e-5, $"{kind} loss {loss:E2}");

        // stale refinement reaches the targets within maxit for the stable variants
        pre.Apply(b, x);
        var res = g.Solve(a2, pre, b, x, new FgmresOptions { GramSchmidt = kind, MaxIterations = 200, BackwardErrorStop = 0 });
        output.WriteLine($"{kind}: stale solve {res.Status} in {res.Iterations} iterations, relres {res.RelativeResidual:E2}, fwd {x.Max(v => Math.Abs(v - 1)):E2}");
        if (kind != GramSchmidtKind.Cgs)
        {
            Assert.True(res.IsConverged);
            Assert.True(res.RelativeResidual <= 1e-14);
            Assert.True(x.Max(v => Math.Abs(v - 1)) <= 1e-6);
        }
    }
}
