using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Backend;

/// <summary>The managed CPU backend: <see cref="Refactorization"/> and <see cref="TriangularSolve"/> on host arrays.</summary>
public sealed class CpuBackend : ISparseBackend
{
    private Refactorization? _refactor;
    private double[] _work = [];

    public string Name => "cpu";

    public LuFactors? Factors { get; private set; }

    public int Boosts => Factors?.Boosts ?? 0;

    public bool RefactorUpdatesMonitors => true;

    public void Setup(LuFactors factors, CscMatrix pattern)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors;
        _refactor = new Refactorization(factors, pattern);
        if (_work.Length != factors.N) _work = new double[factors.N];
    }

    public FactorStatus Refactor(ReadOnlySpan<double> values, LuOptions options, double scale) =>
        (_refactor ?? throw new InvalidOperationException("Setup first")).Refactor(values, options, scale);

    public void Apply(ReadOnlySpan<double> v, Span<double> z) =>
        TriangularSolve.Solve(Factors ?? throw new InvalidOperationException("Setup first"), v, z, _work);

    public void Multiply(CscMatrix a, ReadOnlySpan<double> x, Span<double> y)
    {
        ArgumentNullException.ThrowIfNull(a);
        a.Multiply(x, y);
    }
}
