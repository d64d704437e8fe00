namespace HpcKit.LightFront.Hamiltonian;

/// <summary>
/// Cell-integrated Coulomb kernels of §6.1, in units where Δ = 1 (divide by Δ for units of β, with β² = 1).
/// Off-diagonal: g_ij = W(k_i, k_j)[1/(d − ½) − 1/(d + ½)], d = |i − j|; fermion grid k = i + ½ (weight 1),
/// link grid k = a ≥ 1 (boson weight (k + k′)/(2√(kk′))). Exterior terms are the closed forms of §4.3.
/// The discrete quadratic form ½ Σ g_ij (u_i − u_j)² + Σ e_i u_i² is symmetric, PSD and annihilates constants
/// up to the exterior terms. Cost: O(N_K²) to build, shared by every block.
/// </summary>
public sealed class CoulombKernels
{
    /// <summary>Kernels for a grid of <paramref name="nk"/> fermion cells.</summary>
    public CoulombKernels(int nk)
    {
        NK = nk;
        Fermion = new double[nk * nk];
        for (int i = 0; i < nk; i++)
            for (int j = 0; j < nk; j++)
                if (i != j) Fermion[i * nk + j] = CellKernel(Math.Abs(i - j));
        int nb = nk - 1;
        BosonStride = Math.Max(nb, 1);
        Boson = new double[BosonStride * BosonStride];
        for (int a = 1; a <= nb; a++)
            for (int b = 1; b <= nb; b++)
                if (a != b) Boson[(a - 1) * BosonStride + (b - 1)] = BosonWeight(a, b) * CellKernel(Math.Abs(a - b));
    }

    /// <summary>Number of fermion cells.</summary>
    public int NK { get; }

    /// <summary>Fermion off-diagonal kernel, N_K × N_K row-major, zero diagonal.</summary>
    public double[] Fermion { get; }

    /// <summary>Boson off-diagonal kernel over link indices 1..N_K−1, row-major with stride <see cref="BosonStride"/>.</summary>
    public double[] Boson { get; }

    /// <summary>Row stride of <see cref="Boson"/>.</summary>
    public int BosonStride { get; }

    /// <summary>1/(d − ½) − 1/(d + ½): the kernel 1/(k − k′)² integrated over the cell of width 1 at distance d.</summary>
    public static double CellKernel(double d) => 1.0 / (d - 0.5) - 1.0 / (d + 0.5);

    /// <summary>Boson leg weight (k + k′)/(2√(kk′)).</summary>
    public static double BosonWeight(double k, double kp) => (k + kp) / (2 * Math.Sqrt(k * kp));

    /// <summary>Fermion tail ∫_L^∞ dk′/(k′ − k)² = 1/(L − k).</summary>
    public static double FermionTail(double k, double l) => 1.0 / (l - k);

    /// <summary>Boson tail ∫_L^∞ W dk′/(k′ − k)² = √(L/k)/(L − k).</summary>
    public static double BosonTail(double k, double l) => Math.Sqrt(l / k) / (l - k);

    /// <summary>Boson gap ∫_0^ε W dk′/(k − k′)² = √(ε/k)/(k − ε).</summary>
    public static double BosonGap(double k, double eps) => Math.Sqrt(eps / k) / (k - eps);

    /// <summary>Diagonal of the 2-body form C₀ at index i (Δ = 1): row sum plus the tail above P_max.</summary>
    public double FermionDiagonal(int i)
    {
        double s = 0;
        var row = Fermion.AsSpan(i * NK, NK);
        for (int j = 0; j < NK; j++) s += row[j];
        return s + FermionTail(i + 0.5, NK);
    }

    /// <summary>
    /// Diagonal of a boson block over link indices 1..n at link index a (Δ = 1): partial row sum, the gap (0, ½) and,
    /// when <paramref name="tail"/>, the tail above n + ½.
    /// </summary>
    public double BosonDiagonal(int a, int n, bool tail)
    {
        double s = 0;
        var row = Boson.AsSpan((a - 1) * BosonStride, n);
        for (int j = 0; j < n; j++) s += row[j];
        s += BosonGap(a, 0.5);
        if (tail) s += BosonTail(a, n + 0.5);
        return s;
    }
}
