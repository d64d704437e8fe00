using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Hamiltonian;

namespace HpcKit.LightFront.Observables;

/// <summary>
/// One eigenstate on the DLCQ grid in units of β: u₀ = √Δ ψ₀ (empty for j_z = 3/2), u_A, u_B = Δ ψ_X, with
/// eigenvalue 2Λ̄/β. Normalised to 1 with the sign fixed by ∫ψ₀ > 0. Gives the §7 observables in units of β.
/// </summary>
public sealed class GridState
{
    /// <summary>Splits a sector vector into its channels.</summary>
    public GridState(DlcqGrid grid, Sector sector, ReadOnlySpan<double> vector, double eigenvalue, double gammaEdge)
    {
        Grid = grid;
        Eigenvalue = eigenvalue;
        GammaEdge = gammaEdge;
        int nk = grid.NK, n3 = grid.N3;
        if (sector == Sector.Half)
        {
            U0 = vector[..nk].ToArray();
            UA = vector.Slice(nk, n3).ToArray();
            UB = vector.Slice(nk + n3, n3).ToArray();
        }
        else
        {
            U0 = new double[nk];
            UA = vector[..n3].ToArray();
            UB = new double[n3];
        }
        double norm = 0, sum = 0;
        foreach (double x in U0) { norm += x * x; sum += x; }
        foreach (double x in UA) norm += x * x;
        foreach (double x in UB) norm += x * x;
        double f = (sum < 0 ? -1 : 1) / Math.Sqrt(norm);
        for (int i = 0; i < U0.Length; i++) U0[i] *= f;
        for (int i = 0; i < n3; i++) { UA[i] *= f; UB[i] *= f; }
    }

    /// <summary>The grid.</summary>
    public DlcqGrid Grid { get; }

    /// <summary>2Λ̄/β.</summary>
    public double Eigenvalue { get; }

    /// <summary>Exponent used to continue ψ₀ below the first cell in overlaps.</summary>
    public double GammaEdge { get; }

    /// <summary>√Δ ψ₀ at K_i.</summary>
    public double[] U0 { get; }

    /// <summary>Δ ψ_A at 3-body index (i, a).</summary>
    public double[] UA { get; }

    /// <summary>Δ ψ_B at 3-body index (i, a).</summary>
    public double[] UB { get; }

    /// <summary>Λ̄/β.</summary>
    public double LambdaBar => 0.5 * Eigenvalue;

    /// <summary>Two-body probability P₂ = ∫|ψ₀|².</summary>
    public double P2 { get { double s = 0; foreach (double x in U0) s += x * x; return s; } }

    /// <summary>⟨k⟩/β, total light momentum.</summary>
    public double MeanMomentum
    {
        get
        {
            double s = 0;
            for (int i = 0; i < Grid.NK; i++) s += Grid.K(i) * U0[i] * U0[i];
            for (int i = 1; i < Grid.NK; i++)
            {
                int off = DlcqGrid.Offset(i);
                double k = Grid.K(i);
                for (int a = 0; a < i; a++) s += k * (UA[off + a] * UA[off + a] + UB[off + a] * UB[off + a]);
            }
            return s;
        }
    }

    /// <summary>Virial residual ⟨k⟩ − Λ̄ (units of β).</summary>
    public double VirialResidual => MeanMomentum - LambdaBar;

    /// <summary>∫ψ₀ dk in units of β^½.</summary>
    public double PsiIntegral { get { double s = 0; foreach (double x in U0) s += x; return s * Math.Sqrt(Grid.Delta); } }

    /// <summary>ψ₀(K_i).</summary>
    public double Psi0(int i) => U0[i] / Math.Sqrt(Grid.Delta);

    /// <summary>ψ_X(k₁ = aΔ, k₂ = (b + ½)Δ) for channel 0 (A) or 1 (B); zero outside the grid.</summary>
    public double Psi3(int channel, int a, int b)
    {
        if (a < 1 || b < 0 || a + b > Grid.NK - 1) return 0;
        var u = channel == 0 ? UA : UB;
        return u[DlcqGrid.Offset(a + b) + a - 1] / Grid.Delta;
    }

    /// <summary>Densities at the fermion momenta K_i (light total n_L, antiquark n_q̄) and link momenta (n_M at aΔ, index a − 1).</summary>
    public (double[] Light, double[] Antiquark, double[] Link) Densities()
    {
        int nk = Grid.NK;
        double inv = 1.0 / Grid.Delta;
        var nl = new double[nk];
        var nq = new double[nk];
        var nm = new double[nk - 1];
        for (int i = 0; i < nk; i++) { nl[i] = U0[i] * U0[i] * inv; nq[i] = nl[i]; }
        for (int i = 1; i < nk; i++)
        {
            int off = DlcqGrid.Offset(i);
            for (int a = 1; a <= i; a++)
            {
                double p = (UA[off + a - 1] * UA[off + a - 1] + UB[off + a - 1] * UB[off + a - 1]) * inv;
                nl[i] += p;
                nq[i - a] += p;
                nm[a - 1] += p;
            }
        }
        return (nl, nq, nm);
    }

    /// <summary>λ_B⁻¹·β = ∫φ₊(ω)/ω dω on the grid (grows like ln(1/Δ) when ψ₀(0) ≠ 0).</summary>
    public double InverseLambdaB
    {
        get
        {
            double s = 0;
            for (int i = 0; i < Grid.NK; i++) s += U0[i] / Grid.K(i);
            return s * Math.Sqrt(Grid.Delta) / PsiIntegral;
        }
    }

    /// <summary>Small-k log-derivative of ψ₀: least-squares slope of ln ψ₀ against ln k over cells [lo, hi).</summary>
    public double EdgeExponent(int lo, int hi)
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = lo; i < hi && i < Grid.NK; i++)
        {
            if (U0[i] <= 0) continue;
            double x = Math.Log(Grid.K(i)), y = Math.Log(U0[i]);
            sx += x; sy += y; sxx += x * x; sxy += x * y; n++;
        }
        return n < 2 ? double.NaN : (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /// <summary>
    /// ρ²_O from the norms ‖(k∂_k + ½)ψ₀‖² + Σ_X ‖(k₁∂₁ + k₂∂₂ + 1)ψ_X‖², by central differences (one-sided at edges).
    /// </summary>
    public double RhoSquaredOverlapFromNorms()
    {
        int nk = Grid.NK;
        double d = Grid.Delta, s = 0;
        for (int i = 0; i < nk; i++)
        {
            double der = i == 0 ? (U0[1] - U0[0]) / d : i == nk - 1 ? (U0[i] - U0[i - 1]) / d : (U0[i + 1] - U0[i - 1]) / (2 * d);
            double g = Grid.K(i) * der + 0.5 * U0[i];
            s += g * g;
        }
        for (int c = 0; c < 2; c++)
            for (int i = 1; i < nk; i++)
                for (int a = 1; a <= i; a++)
                {
                    int b = i - a;
                    double f = Psi3(c, a, b);
                    double d1 = a == 1 ? (Psi3(c, 2, b) - f) / d : a + b == nk - 1 ? (f - Psi3(c, a - 1, b)) / d : (Psi3(c, a + 1, b) - Psi3(c, a - 1, b)) / (2 * d);
                    double d2 = b == 0 ? (Psi3(c, a, 1) - f) / d : a + b == nk - 1 ? (f - Psi3(c, a, b - 1)) / d : (Psi3(c, a, b + 1) - Psi3(c, a, b - 1)) / (2 * d);
                    double g = Grid.Link(a) * d1 + Grid.K(b) * d2 + f;
                    s += g * g * d * d;
                }
        return s;
    }

    /// <summary>ρ²_⊥ = (a²/2) Σ_X ∫∫|ψ_X|²(k₂ + k₁/2)², with aβ the lattice spacing times β (dimensionless).</summary>
    public double RhoSquaredTransverse(double aBeta)
    {
        double s = 0;
        for (int i = 1; i < Grid.NK; i++)
        {
            int off = DlcqGrid.Offset(i);
            for (int a = 1; a <= i; a++)
            {
                double q = Grid.K(i - a) + 0.5 * Grid.Link(a);
                double p = UA[off + a - 1] * UA[off + a - 1] + UB[off + a - 1] * UB[off + a - 1];
                s += p * q * q;
            }
        }
        return 0.5 * aBeta * aBeta * s;
    }

    /// <summary>ξ_⊥(w) = P₂ + Σ_X ∫∫|ψ_X|²[½ + ½cos(aν(k₂ + k₁/2))], ν = √(2(w − 1)).</summary>
    public double XiTransverse(double w, double aBeta)
    {
        double nu = Math.Sqrt(2 * Math.Max(0, w - 1)), s = P2;
        for (int i = 1; i < Grid.NK; i++)
        {
            int off = DlcqGrid.Offset(i);
            for (int a = 1; a <= i; a++)
            {
                double q = Grid.K(i - a) + 0.5 * Grid.Link(a);
                double p = UA[off + a - 1] * UA[off + a - 1] + UB[off + a - 1] * UB[off + a - 1];
                s += p * (0.5 + 0.5 * Math.Cos(aBeta * nu * q));
            }
        }
        return s;
    }
}
