namespace HpcKit.Diffraction.Scattering;

/// <summary>
/// A merged reflection: d (Å), multiplicity (member count over the full sphere), ΣF² = Σ|F_h|² over members (fm²),
/// and a representative hkl (the lexicographically largest member).
/// </summary>
public readonly record struct Reflection(int H, int K, int L, double D, int Multiplicity, double SumF2)
{
    public string Hkl => $"{H} {K} {L}";
}
