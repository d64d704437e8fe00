using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Backend;

/// <summary>
/// Seam for a device backend (spec §9.4): it owns the per-system data (matrix values, frozen factors) and performs
/// the per-system operations — set values, frozen refactorization with (ζ, β), triangular solve, SpMV. Analysis,
/// pivoted factorization, monitors and the small dense Krylov data stay on the host. After every full factorization
/// the host calls <see cref="Setup"/> with p, q, L and U (and the row scale factors R when row scaling is on: the
/// backend's refactorization must then recompute R from the new values, as <see cref="Refactorization"/> does). A CUDA backend would map onto cuSOLVER Rf / cuSPARSE.
/// In v1 the Krylov vectors themselves are host spans; a device backend would add vector handles here.
/// </summary>
public interface ISparseBackend : IPreconditioner
{
    /// <summary>Name shown in reports, e.g. "cpu".</summary>
    string Name { get; }

    /// <summary>Receives new factors and the analysed pattern after a full factorization.</summary>
    void Setup(LuFactors factors, CscMatrix pattern);

    /// <summary>Frozen-pivot refactorization with new values in the pattern's order.</summary>
    FactorStatus Refactor(ReadOnlySpan<double> values, LuOptions options, double scale);

    /// <summary>
    /// True when <see cref="Refactor"/> also updates the monitors of <see cref="Factors"/> (min/max |u_kk|, pivot
    /// growth); otherwise the host recomputes them from the host copy of U.
    /// </summary>
    bool RefactorUpdatesMonitors { get; }

    /// <summary>Boosts of the last refactorization.</summary>
    int Boosts { get; }

    /// <summary>y = A x with the current matrix values.</summary>
    void Multiply(CscMatrix a, ReadOnlySpan<double> x, Span<double> y);

    /// <summary>Host copy of the current factors (for monitors), or null before <see cref="Setup"/>.</summary>
    LuFactors? Factors { get; }
}
