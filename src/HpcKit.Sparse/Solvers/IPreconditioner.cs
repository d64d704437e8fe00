namespace HpcKit.Sparse.Solvers;

/// <summary>z = M⁻¹ v (right preconditioner of FGMRES).</summary>
public interface IPreconditioner
{
    void Apply(ReadOnlySpan<double> v, Span<double> z);
}
