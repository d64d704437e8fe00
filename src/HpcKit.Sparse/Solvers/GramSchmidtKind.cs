namespace HpcKit.Sparse.Solvers;

/// <summary>Orthogonalization of the Krylov basis (spec §3.7). Synchs per step with i basis vectors in brackets.</summary>
public enum GramSchmidtKind
{
    /// <summary>Classical Gram–Schmidt twice (3 synchs); working-precision orthogonality. Default.</summary>
    Cgs2,

    /// <summary>Modified Gram–Schmidt (i + 1 synchs).</summary>
    Mgs,

    /// <summary>Classical Gram–Schmidt once (2 synchs); loses orthogonality like κ²·eps — for comparison only.</summary>
    Cgs,

    /// <summary>MGS in inverse compact WY form (Świrydowicz et al. 2021), 2 synchs.</summary>
    MgsTwoSynch,

    /// <summary>
    /// "Post-modern" two-synch MGS: as <see cref="MgsTwoSynch"/> plus a second small triangular solve with the
    /// transpose, h = (I + L̃)⁻ᵀ (I + L̃)⁻¹ Vᵀw ≈ (VᵀV)⁻¹ Vᵀw, which keeps orthogonality at working precision like CGS2.
    /// </summary>
    MgsPostModern,
}
