namespace HpcKit.LightFront.Hamiltonian;

/// <summary>Symmetry sectors of §4.1: j_z = ½ (ψ₀, ψ_A, ψ_B; −½ is its mirror) and j_z = 3/2 (H₃ on one channel).</summary>
public enum Sector
{
    /// <summary>j_z = ±½: the 2-body state and the channels A (non-flip) and B (flip).</summary>
    Half,

    /// <summary>j_z = ±3/2: one 3-body channel carrying H₃ (each level doubly degenerate in the sector).</summary>
    ThreeHalves,
}
