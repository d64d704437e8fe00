using HpcKit.Core.Random;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;
using Xunit.Abstractions;

namespace HpcKit.Sparse.Tests;

public class SequenceSolverTests(ITestOutputHelper output)
{
    internal static CscMatrix RandomDiagonallyDominant(int n, int perColumn, ulong seed)
    {
        var rng = new RandomStream(seed, 0);
        var ti = new List<int>(); var tj = new List<int>(); var tv = new List<double>();
        var rowSum = new double[n];
        var colSum = new double[n];
        for (int j = 0; j < n; j++)
            for (int t = 0; t < perColumn; t++)
            {
                int i = (int)rng.NextBelow((ulong)n);
                if (i == j) continue;
                double v = rng.NextUniform(-1, 1);
                ti.Add(i); tj.Add(j); tv.Add(v);
                rowSum[i] += Math.Abs(v);
                colSum[j] += Math.Abs(v);
            }
        for (int i = 0; i < n; i++) { ti.Add(i); tj.Add(i); tv.Add(rowSum[i] + colSum[i] + 1); }
        return CscMatrix.FromTriplets(n, n, ti.ToArray(), tj.ToArray(), tv.ToArray());
    }

    [Fact]
    public void VanishingFrozenPivotIsBoostedOnceAndRefinementRepairsIt()
    {
        var a = RandomDiagonallyDominant(300, 4, 11);
        var f = LUFactorization.Factorize(a, SymbolicAnalysis.Analyze(a).Q);
        int k = 150;
        double ukk = f.U.Values[f.DiagonalIndex(k)];
        int pr = f.P[k], qc = f.Q[k];
        var a2 = a.Clone();
        int slot = Array.FindIndex(a2.RowIdx, a2.ColPtr[qc], a2.ColPtr[qc + 1] - a2.ColPtr[qc], r => r == pr);
        Assert.True(slot >= 0);
        a2.Values[slot] -= ukk;
        var refac = new Refactorization(f, a);
        Assert.Equal(FactorStatus.Ok, refac.Refactor(a2, new LuOptions()));
        Assert.Equal(1, f.Boosts);
        Assert.Equal(k, f.BoostedSteps[0]);
        Assert.True(f.L.Values.All(double.IsFinite) && f.U.Values.All(double.IsFinite));
        var b = new double[300];
        var ones = Enumerable.Repeat(1.0, 300).ToArray();
        a2.Multiply(ones, b);
        var x = new double[300];
        var pre = new LuPreconditioner(f);
        pre.Apply(b, x);
        var res = new Fgmres(300, 20).Solve(a2, pre, b, x, new FgmresOptions());
        output.WriteLine($"{res.Status} in {res.Iterations} iterations, relres {res.RelativeResidual:E2}");
        Assert.True(res.IsConverged);
        Assert.True(res.Iterations <= 4);
    }

    private static (CscMatrix A1, CscMatrix A2, double[] B2) AsymmetricPair()
    {
        var a1 = FactorizationTests.Load("A_asymmetric01.mtx");
        var a2 = FactorizationTests.Load("A_asymmetric02.mtx");
        var b2 = MatrixMarketReader.Read(SharedData.Path("b_asymmetric02.mtx")).ToDenseVector();
        return (a1, a2, b2);
    }

    public static TheoryData<string> Triggers() => ["nan", "boosts", "growth", "rcond", "residual"];

    [Theory]
    [MemberData(nameof(Triggers))]
    public void EachFallbackTriggerGivesExactlyOneFallback(string trigger)
    {
        var (a1, a2, b2) = AsymmetricPair();
        var o = new SequenceOptions { InitialFull = 1 };
        o = trigger switch
        {
            "nan" => o with { AfterRefactorHook = f => f.U.Values[f.DiagonalIndex(f.N / 2)] = double.NaN },
            "boosts" => o with { MaxBoosts = -1 },
            "growth" => o with { MinPivotGrowth = 1e300 },
            "rcond" => o with { RcondDrop = 1e300 },
            _ => o with { FallbackResidual = 0 },
        };
        var expected = trigger switch
        {
            "nan" => FallbackReason.NonFinite,
            "boosts" => FallbackReason.TooManyBoosts,
            "growth" => FallbackReason.PivotGrowth,
            "rcond" => FallbackReason.RcondDrop,
            _ => FallbackReason.Residual,
        };
        var s = new SequenceSolver(a1, o);
        var x = new double[a1.Rows];
        var r0 = s.Solve(MatrixMarketReader.Read(SharedData.Path("b_asymmetric01.mtx")).ToDenseVector(), x);
        Assert.Equal(SolvePath.Full, r0.Path);
        s.SetMatrix(a2);
        var r1 = s.Solve(b2, x);
        output.WriteLine($"{trigger}: {r1}");
        Assert.Equal(SolvePath.Fallback, r1.Path);
        Assert.Equal(expected, r1.Fallback);
        Assert.Equal(1, s.Report.Fallbacks);
        Assert.Equal(1, s.Report.FallbacksByReason[(int)expected]);
        Assert.Equal(expected == FallbackReason.Residual ? SystemStatus.Inaccurate : SystemStatus.Converged, r1.Status);
        Assert.Equal(s.Report.Systems, s.Report.FullInitial + s.Report.Refactorizations + s.Report.StaleSolves);
    }

    [Fact]
    public void ActivsgPairThroughFacadeRefactorsWithoutBoostsAndConverges()
    {
        var a1 = FactorizationTests.Load(SharedData.Activ1);
        var a2 = FactorizationTests.Load(SharedData.Activ2);
        var s = new SequenceSolver(a1, new SequenceOptions { InitialFull = 1 });
        var x = new double[a1.Rows];
        var r0 = s.Solve(MatrixMarketReader.Read(SharedData.Path(SharedData.Rhs10)).ToDenseVector(), x);
        s.SetMatrix(a2);
        var b = MatrixMarketReader.Read(SharedData.Path(SharedData.Ones2)).ToDenseVector();
        var r1 = s.Solve(b, x);
        output.WriteLine(r0.ToString());
        output.WriteLine(r1.ToString());
        Assert.Equal(SolvePath.Refactor, r1.Path);
        Assert.Equal(0, r1.Boosts);
        Assert.Equal(SystemStatus.Converged, r1.Status);
        Assert.True(r1.ResidualAfter <= 1e-14 && r1.Nsr <= 1e-14);
        Assert.True(x.Max(v => Math.Abs(v - 1)) <= 1e-6);
        // stale reuse: j = 2 makes system 2 stale
        var st = new SequenceSolver(a1, new SequenceOptions { InitialFull = 1, RefactorEvery = 2 });
        st.Solve(MatrixMarketReader.Read(SharedData.Path(SharedData.Ones1)).ToDenseVector(), x);
        st.SetMatrix(a2);
        var rs = st.Solve(b, x);
        output.WriteLine(rs.ToString());
        Assert.Equal(SolvePath.Stale, rs.Path);
        Assert.Equal(SystemStatus.Converged, rs.Status);
        Assert.Equal(1, st.Report.StaleSolves);
    }

    [Fact]
    public void RefactorSolveRefinePathDoesNotAllocateAfterWarmUp()
    {
        var (a1, a2, b2) = AsymmetricPair();
        var s = new SequenceSolver(a1, new SequenceOptions { InitialFull = 1 });
        var x = new double[a1.Rows];
        s.Solve(b2, x);
        s.SetMatrix(a2);
        s.Solve(b2, x); // warm-up of the refactor path
        long before = s.Report.AllocatedBytes;
        for (int i = 0; i < 3; i++)
        {
            s.SetMatrix(i % 2 == 0 ? a1 : a2);
            var r = s.Solve(b2, x);
            Assert.Equal(SolvePath.Refactor, r.Path);
        }
        Assert.Equal(before, s.Report.AllocatedBytes);
    }

    [Fact]
    public void SingularMatrixReturnsSingularWithoutException()
    {
        var a = CscMatrix.FromTriplets(3, 3, [0, 1, 2, 0], [0, 1, 1, 2], [1.0, 1.0, 2.0, 0.0]);
        var s = new SequenceSolver(a);
        var r = s.Solve([1.0, 1.0, 1.0], new double[3]);
        Assert.Equal(SystemStatus.Singular, r.Status);
        var nan = new SequenceSolver(a);
        Assert.Equal(SystemStatus.NonFiniteInput, nan.Solve([double.NaN, 1.0, 1.0], new double[3]).Status);
    }
}
