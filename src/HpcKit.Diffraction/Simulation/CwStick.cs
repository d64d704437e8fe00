namespace HpcKit.Diffraction.Simulation;

/// <summary>A constant-wavelength stick: d (Å), 2θ (degrees), multiplicity, ΣF² (fm²), I = S·V⁻¹·ΣF²·L_CW, representative hkl.</summary>
public readonly record struct CwStick(double D, double TwoTheta, int Multiplicity, double SumF2, double Intensity, int H, int K, int L);
