namespace HpcKit.Diffraction.Crystal;

/// <summary>One scatterer: element symbol (or isotope like "D", "2H", "6Li"), fractional position, occupancy and U_iso (Å²).</summary>
public sealed record AtomSite(string Label, string Element, double X, double Y, double Z, double Occupancy = 1.0, double Uiso = AtomSite.DefaultUiso)
{
    /// <summary>GSAS-II's import default U_iso for a site with no displacement value.</summary>
    public const double DefaultUiso = 0.01;

    /// <summary>B = 8π²·U_iso (Å²).</summary>
    public double Biso => 8 * Math.PI * Math.PI * Uiso;
}
