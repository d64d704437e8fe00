namespace HpcKit.LightFront.Model;

/// <summary>Constants of the spec (§10): ħc, the plotted B mass and N_c of the f_B prefactor.</summary>
public static class PhysicalConstants
{
    /// <summary>ħc in GeV·fm.</summary>
    public const double HbarC = 0.1973269804;

    /// <summary>M_B in GeV, used for the PDF, the LCDA in x and f_B.</summary>
    public const double MB = 5.2797;

    /// <summary>Number of colours in the f_B prefactor (the dynamics is at N_c → ∞).</summary>
    public const int Nc = 3;
}
