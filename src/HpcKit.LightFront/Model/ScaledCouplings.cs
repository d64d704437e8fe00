namespace HpcKit.LightFront.Model;

/// <summary>Couplings in units of β: m, μ, m_V, h_f, h_nf, κ_f, κ_nf and the seagull coupling.</summary>
public readonly record struct ScaledCouplings(double M, double Mu, double MV, double HF, double HNF, double KappaF, double KappaNF, double Seagull);
