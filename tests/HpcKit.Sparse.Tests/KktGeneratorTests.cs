using HpcKit.Sparse.Generators;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Storage;
using Xunit.Abstractions;

namespace HpcKit.Sparse.Tests;

public class KktGeneratorTests(ITestOutputHelper output)
{
    private static readonly Lazy<(List<KktSystem> Systems, KktSequenceGenerator Gen)> Run200 = new(() =>
    {
        var gen = new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 3 });
        var list = new List<KktSystem>();
        gen.Run(list.Add);
        return (list, gen);
    });

    [Fact]
    public void GeneratedSequenceSharesOnePatternAndConditionGrows()
    {
        var (list, gen) = Run200.Value;
        foreach (var s in list)
            output.WriteLine($"k={s.Index} it={s.Iteration} retry={s.Retry} mu={s.Mu:E1} dw={s.DeltaW:E1} dc={s.DeltaC:E1} err={s.KktError:E2} cond={s.ConditionEstimate:E2} res={s.ReferenceResidual:E1}");
        output.WriteLine($"converged {gen.Converged} after {gen.Iterations} iterations, objective {gen.Objective}, error {gen.FinalKktError:E2}, n = {gen.Dimension}");
        Assert.True(gen.Converged);
        Assert.True(gen.FinalKktError <= 1e-8);
        ulong fp = CscMatrix.ExpandLowerSymmetric(list[0].Lower).PatternFingerprint();
        Assert.All(list, s => Assert.Equal(fp, CscMatrix.ExpandLowerSymmetric(s.Lower).PatternFingerprint()));
        Assert.True(list[^1].Last);
        Assert.True(list[^1].ConditionEstimate >= 100 * list[0].ConditionEstimate, $"cond {list[0].ConditionEstimate:E2} -> {list[^1].ConditionEstimate:E2}");
        Assert.All(list, s => Assert.True(s.ReferenceResidual <= 1e-12, $"system {s.Index}: reference residual {s.ReferenceResidual:E2}"));
    }

    [Fact]
    public void EmitEveryTenIsABitwiseSubsetOfEmitEveryOne()
    {
        var (all, _) = Run200.Value;
        var dir1 = Directory.CreateTempSubdirectory("kkt1").FullName;
        var dir10 = Directory.CreateTempSubdirectory("kkt10").FullName;
        try
        {
            var w1 = new KktSequenceWriter(dir1);
            foreach (var s in all) w1.Write(s);
            w1.Finish();
            var gen = new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 3, EmitEvery = 10 });
            var w10 = new KktSequenceWriter(dir10);
            gen.Run(w10.Write);
            w10.Finish();
            var files10 = Directory.GetFiles(dir10, "*.mtx").Select(Path.GetFileName).ToList();
            Assert.Contains("A_0000.mtx", files10);
            Assert.Contains($"A_{all[^1].Index:D4}.mtx", files10);
            Assert.True(files10.Count < Directory.GetFiles(dir1, "*.mtx").Length);
            foreach (var f in files10) Assert.Equal(File.ReadAllBytes(Path.Combine(dir1, f!)), File.ReadAllBytes(Path.Combine(dir10, f!)));
            // written matrices read back with their pattern (explicit zeros included)
            var a0 = MatrixMarketReader.Read(Path.Combine(dir10, "A_0000.mtx"));
            Assert.True(a0.IsSymmetric);
            Assert.True(a0.ToCsc().SamePattern(all[0].Lower));
        }
        finally
        {
            Directory.Delete(dir1, true);
            Directory.Delete(dir10, true);
        }
    }

    [Fact]
    public void FacadeOverGeneratedSequenceConvergesAndCountersAddUp()
    {
        var (all, _) = Run200.Value;
        foreach (int every in new[] { 1, 10 })
        {
            var seq = all.Where(s => s.Index % every == 0 || s.Last).ToList();
            var solver = new SequenceSolver(CscMatrix.ExpandLowerSymmetric(seq[0].Lower));
            var x = new double[solver.N];
            foreach (var s in seq)
            {
                solver.SetMatrix(CscMatrix.ExpandLowerSymmetric(s.Lower));
                var r = solver.Solve(s.Rhs, x);
                output.WriteLine($"every {every}: {r.Index} {r.Path} {r.Status} {r.Fallback} boosts={r.Boosts} its={r.Iterations} res={r.ResidualAfter:E2}");
                Assert.True(r.Status == SystemStatus.Converged || r.Fallback != FallbackReason.None, $"system {s.Index}: {r.Status}");
            }
            var rep = solver.Report;
            Assert.Equal(rep.Systems, rep.FullInitial + rep.Refactorizations + rep.StaleSolves);
            Assert.Equal(seq.Count, rep.Systems);
        }
    }
}
