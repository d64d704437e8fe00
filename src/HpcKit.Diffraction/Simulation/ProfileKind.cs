namespace HpcKit.Diffraction.Simulation;

/// <summary>How peaks are drawn on the TOF grid.</summary>
public enum ProfileKind
{
    /// <summary>Back-to-back exponential ⊗ Gaussian from the precomputed kernel table (fast, float, ≤1e-4 of peak).</summary>
    Table,
    /// <summary>Same profile evaluated exactly in double at every bin of the window (slow, reference).</summary>
    Direct,
    /// <summary>Intensity split linearly in ln t between the two nearest bins (tests: pattern sum = Σ I).</summary>
    Delta,
}
