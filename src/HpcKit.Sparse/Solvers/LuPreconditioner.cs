using HpcKit.Sparse.Factorization;

namespace HpcKit.Sparse.Solvers;

/// <summary>M⁻¹ = Q U⁻¹ L⁻¹ P from LU factors (possibly stale or boosted); owns its work vector.</summary>
public sealed class LuPreconditioner : IPreconditioner
{
    private readonly double[] _work;

    public LuPreconditioner(LuFactors factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        Factors = factors;
        _work = new double[factors.N];
    }

    public LuFactors Factors { get; }

    public void Apply(ReadOnlySpan<double> v, Span<double> z) => TriangularSolve.Solve(Factors, v, z, _work);
}
