namespace HpcKit.LightFront.Basis;

/// <summary>
/// The DLCQ grid of §6.1 in units of β: resolution Δ = P_max/N_K; fermion momenta (n + ½)Δ, link momenta aΔ (a ≥ 1);
/// 3-body points (a, b) with link aΔ, antiquark (b + ½)Δ and total K index i = a + b ≤ N_K − 1.
/// 3-body states are stored by K index: state (i, a) sits at <see cref="Offset"/>(i) + a − 1.
/// </summary>
public sealed class DlcqGrid
{
    /// <summary>A grid of <paramref name="nk"/> fermion cells under the light-momentum cut-off <paramref name="pMax"/> (units of β).</summary>
    public DlcqGrid(int nk, double pMax)
    {
        if (nk < 2) throw new ArgumentOutOfRangeException(nameof(nk), "N_K must be at least 2");
        if (!(pMax > 0) || !double.IsFinite(pMax)) throw new ArgumentOutOfRangeException(nameof(pMax), "P_max must be positive");
        NK = nk;
        PMax = pMax;
        Delta = pMax / nk;
    }

    /// <summary>Number of fermion cells below P_max.</summary>
    public int NK { get; }

    /// <summary>Cut-off on the total light momentum (units of β).</summary>
    public double PMax { get; }

    /// <summary>Resolution Δ.</summary>
    public double Delta { get; }

    /// <summary>3-body states per channel, N_K(N_K − 1)/2.</summary>
    public int N3 => NK * (NK - 1) / 2;

    /// <summary>Start of K index i in a 3-body channel vector.</summary>
    public static int Offset(int i) => i * (i - 1) / 2;

    /// <summary>Fermion momentum (or total light momentum) of index i: (i + ½)Δ.</summary>
    public double K(int i) => (i + 0.5) * Delta;

    /// <summary>Link momentum aΔ.</summary>
    public double Link(int a) => a * Delta;
}
