using HpcKit.Sparse.Backend;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Generators;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

/// <summary>The facade through a backend other than the CPU one, and its alternating factor storage.</summary>
public class BackendSeamTests
{
    /// <summary>A backend that leaves the monitors to the host, as a device backend would; delegates the rest.</summary>
    private sealed class HostMonitorBackend : ISparseBackend
    {
        private readonly CpuBackend _inner = new();

        public int Setups { get; private set; }

        public string Name => "host-monitors";

        public LuFactors? Factors => _inner.Factors;

        public bool RefactorUpdatesMonitors => false;

        public int Boosts => _inner.Boosts;

        public void Setup(LuFactors factors, CscMatrix pattern)
        {
            Setups++;
            _inner.Setup(factors, pattern);
        }

        public FactorStatus Refactor(ReadOnlySpan<double> values, LuOptions options, double scale)
        {
            var st = _inner.Refactor(values, options, scale);
            // spoil the monitors: the facade must recompute them from the host copy of U
            Factors!.SetMonitors(double.NaN, double.NaN, double.NaN);
            return st;
        }

        public void Apply(ReadOnlySpan<double> v, Span<double> z) => _inner.Apply(v, z);

        public void Multiply(CscMatrix a, ReadOnlySpan<double> x, Span<double> y) => _inner.Multiply(a, x, y);
    }

    private static List<KktSystem> Sequence()
    {
        var list = new List<KktSystem>();
        new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 3 }).Run(list.Add);
        return list;
    }

    [Fact]
    public void HostComputedMonitorsGiveTheSameDecisionsAndSolutions()
    {
        var seq = Sequence();
        var first = CscMatrix.ExpandLowerSymmetric(seq[0].Lower);
        var host = new HostMonitorBackend();
        var a = new SequenceSolver(first);
        var b = new SequenceSolver(first, null, host);
        var xa = new double[first.Rows];
        var xb = new double[first.Rows];
        foreach (var s in seq)
        {
            var m = CscMatrix.ExpandLowerSymmetric(s.Lower);
            a.SetMatrix(m);
            b.SetMatrix(m);
            var ra = a.Solve(s.Rhs, xa);
            var rb = b.Solve(s.Rhs, xb);
            Assert.Equal(ra.Path, rb.Path);
            Assert.Equal(ra.Fallback, rb.Fallback);
            Assert.Equal(ra.PivotGrowth, rb.PivotGrowth);
            Assert.Equal(ra.CheapRcond, rb.CheapRcond);
            Assert.Equal(xa, xb);
        }
        Assert.Equal(a.Report.Fallbacks, b.Report.Fallbacks);
        Assert.Equal(b.Report.FullInitial + b.Report.Fallbacks, host.Setups);
    }

    [Fact]
    public void FactorsInAlternatingStorageEqualFreshFactorizations()
    {
        var seq = Sequence();
        var first = CscMatrix.ExpandLowerSymmetric(seq[0].Lower);
        // every refactorization falls back: a full factorization per system, each into the storage of the one before last
        var solver = new SequenceSolver(first, new SequenceOptions { RcondDrop = 1e300 });
        var x = new double[first.Rows];
        LuFactors? previous = null;
        foreach (var s in seq.Take(8))
        {
            var m = CscMatrix.ExpandLowerSymmetric(s.Lower);
            solver.SetMatrix(m);
            var r = solver.Solve(s.Rhs, x);
            Assert.Equal(SystemStatus.Converged, r.Status);
            var f = solver.Factors!;
            Assert.NotSame(previous, f);
            var fresh = LUFactorization.Factorize(m, solver.Analysis!.Q, null, solver.Analysis.EstimatedFactorNnz);
            Assert.Equal(fresh.P, f.P);
            Assert.Equal(fresh.L.ColPtr, f.L.ColPtr);
            Assert.Equal(fresh.L.RowIdx, f.L.RowIdx.AsSpan(0, fresh.L.Nnz).ToArray());
            Assert.Equal(fresh.U.Values, f.U.Values.AsSpan(0, fresh.U.Nnz).ToArray());
            Assert.Equal(fresh.L.Values, f.L.Values.AsSpan(0, fresh.L.Nnz).ToArray());
            previous = f;
        }
        Assert.Equal(6, solver.Report.Fallbacks);
    }
}
