using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Hamiltonian;

/// <summary>
/// The matrix elements of §4.2 on the DLCQ grid in the symmetric scaling u₀ = √Δ ψ₀, u_X = Δ ψ_X (units of β):
/// diagonal kinetic + Coulomb terms, vertices H₀X = 2√Δ V_X, the seagull self-energy Σ_S and the rank-one S₃
/// factors w_X with S₃ = w wᵀ per K. Shared by the sparse matvec, the dense assembly, the four-direction check
/// and the Galerkin projection, so every discretisation uses the same numbers.
/// </summary>
public sealed class HeavyLightTerms
{
    /// <summary>Tabulates every term for <paramref name="grid"/> and couplings <paramref name="c"/>.</summary>
    public HeavyLightTerms(DlcqGrid grid, ScaledCouplings c)
    {
        Grid = grid;
        Couplings = c;
        Kernels = new CoulombKernels(grid.NK);
        int nk = grid.NK, n3 = grid.N3;
        double d = grid.Delta, inv = 1.0 / d, sqd = Math.Sqrt(d);
        Diag0 = new double[nk];
        for (int i = 0; i < nk; i++)
        {
            double k = grid.K(i);
            double sumInv = 0;
            for (int b = 0; b < i; b++) sumInv += 1.0 / (b + 0.5);
            double sigma = c.Seagull * 4 * (c.HNF * c.HNF + c.HF * c.HF) / k * sumInv;
            Diag0[i] = k + c.M * c.M / k + sigma + Kernels.FermionDiagonal(i) * inv;
        }
        Diag3 = new double[n3];
        VA = new double[n3];
        VB = new double[n3];
        WA = new double[n3];
        WB = new double[n3];
        double sg = Math.Sqrt(c.Seagull);
        for (int i = 1; i < nk; i++)
        {
            double kTot = grid.K(i);
            int off = DlcqGrid.Offset(i);
            for (int a = 1; a <= i; a++)
            {
                int b = i - a;
                double k1 = grid.Link(a), k2 = grid.K(b);
                int s = off + a - 1;
                double kin = k1 + c.Mu * c.Mu / k1 + k2 + c.MV * c.MV / k2;
                double cqm = Kernels.BosonDiagonal(a, nk - 1 - b, tail: true);
                double cmq = Kernels.BosonDiagonal(a, i, tail: false);
                Diag3[s] = kin + (cqm + cmq) * inv;
                double r = 1.0 / Math.Sqrt(k1);
                VA[s] = 2 * sqd * c.KappaNF * r * (1.0 / kTot + 1.0 / k2);
                VB[s] = 2 * sqd * c.KappaF * r * (1.0 / kTot - 1.0 / k2);
                double w = 2 * sg * Math.Sqrt(d / (kTot * k1));
                WA[s] = w * c.HNF;
                WB[s] = w * c.HF;
            }
        }
    }

    /// <summary>The grid.</summary>
    public DlcqGrid Grid { get; }

    /// <summary>Couplings in units of β.</summary>
    public ScaledCouplings Couplings { get; }

    /// <summary>Coulomb kernels (Δ = 1).</summary>
    public CoulombKernels Kernels { get; }

    /// <summary>2-body diagonal: K + m²/K + Σ_S(K) + C₀ diagonal.</summary>
    public double[] Diag0 { get; }

    /// <summary>3-body diagonal: k₁ + μ²/k₁ + k₂ + m_V²/k₂ + C_QM and C_Mq̄ diagonals.</summary>
    public double[] Diag3 { get; }

    /// <summary>Vertex H₀A at each 3-body state (couples to the 2-body state of the same K).</summary>
    public double[] VA { get; }

    /// <summary>Vertex H₀B.</summary>
    public double[] VB { get; }

    /// <summary>S₃ factor of channel A: S₃ = w wᵀ within each K.</summary>
    public double[] WA { get; }

    /// <summary>S₃ factor of channel B.</summary>
    public double[] WB { get; }
}
