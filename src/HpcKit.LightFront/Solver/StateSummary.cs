namespace HpcKit.LightFront.Solver;

/// <summary>One eigenstate's §7 summary in GeV: sector label, Λ̄_n, P₂, ⟨k⟩ and the virial residual ⟨k⟩ − Λ̄_n.</summary>
public sealed record StateSummary(string Sector, int Index, double LambdaBar, double P2, double MeanK, double VirialResidual);
