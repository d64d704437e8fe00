using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Hamiltonian;

namespace HpcKit.LightFront.Thooft;

/// <summary>
/// The heavy-light 't Hooft equation on the momentum grid k_i = (i + ½)Δ, Δ = P_max/N_K (units of β):
/// H_ii = k_i + m²/k_i + (Σ_{j≠i} g_ij + 1/(P_max − k_i))/Δ, H_ij = −g_ij/Δ with the cell-integrated kernel
/// g_ij = 1/(d − ½) − 1/(d + ½) (d = |i − j|) and the explicit tail above P_max. Written independently of the
/// femtoworm assembly so that the hop-free reduction is a real check. Dense solve (LAPACK dsyevr).
/// Eigenvectors are u_i = √Δ ψ(k_i), unit norm, sign fixed by Σu > 0.
/// </summary>
public sealed class ThooftGrid
{
    /// <summary>Builds and solves for the lowest <paramref name="count"/> states.</summary>
    public ThooftGrid(double m, int nk, double pMax, int count = 3)
    {
        if (nk < 2) throw new ArgumentOutOfRangeException(nameof(nk));
        M = m;
        NK = nk;
        PMax = pMax;
        Delta = pMax / nk;
        var h = Matrix(m, nk, pMax);
        var e = SymmetricEigen.Solve(h, nk, Math.Min(count, nk));
        Values = e.Values;
        Vectors = e.Vectors;
        for (int j = 0; j < Values.Length; j++)
        {
            var v = Vectors.AsSpan(j * nk, nk);
            double s = 0;
            foreach (double x in v) s += x;
            if (s < 0) foreach (ref double x in v) x = -x;
        }
    }

    /// <summary>Quark mass (units of β).</summary>
    public double M { get; }

    /// <summary>Number of cells.</summary>
    public int NK { get; }

    /// <summary>Cut-off.</summary>
    public double PMax { get; }

    /// <summary>Resolution.</summary>
    public double Delta { get; }

    /// <summary>Eigenvalues 2Λ̄/β.</summary>
    public double[] Values { get; }

    /// <summary>Eigenvectors u = √Δ ψ, row-major.</summary>
    public double[] Vectors { get; }

    /// <summary>Momentum of cell i.</summary>
    public double K(int i) => (i + 0.5) * Delta;

    /// <summary>Eigenvector j.</summary>
    public ReadOnlySpan<double> Vector(int j) => Vectors.AsSpan(j * NK, NK);

    /// <summary>⟨k⟩ of state j.</summary>
    public double MeanMomentum(int j)
    {
        var v = Vector(j);
        double s = 0;
        for (int i = 0; i < NK; i++) s += K(i) * v[i] * v[i];
        return s;
    }

    /// <summary>∫ψ_j dk = √Δ Σ u.</summary>
    public double WavefunctionIntegral(int j)
    {
        var v = Vector(j);
        double s = 0;
        for (int i = 0; i < NK; i++) s += v[i];
        return s * Math.Sqrt(Delta);
    }

    /// <summary>
    /// Small-k exponent of state j: least-squares fit of ln ψ = γ ln k + c + d·k over the cells with k in [kLo, kHi]
    /// (the linear term absorbs the analytic correction k^{γ+1}).
    /// </summary>
    public double EdgeExponent(int j, double kLo, double kHi)
    {
        var v = Vector(j);
        var ata = new double[9];
        var atb = new double[3];
        for (int i = 0; i < NK; i++)
        {
            double k = K(i);
            if (k < kLo || k > kHi || v[i] <= 0) continue;
            double[] row = [Math.Log(k), 1, k];
            double y = Math.Log(v[i]);
            for (int a = 0; a < 3; a++)
            {
                atb[a] += row[a] * y;
                for (int b = 0; b < 3; b++) ata[a * 3 + b] += row[a] * row[b];
            }
        }
        // Solve the 3×3 normal equations by Cramer's rule.
        double Det(double[] m) => m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
        double det = Det(ata);
        var m0 = (double[])ata.Clone();
        m0[0] = atb[0]; m0[3] = atb[1]; m0[6] = atb[2];
        return Det(m0) / det;
    }

    /// <summary>The dense grid matrix (row-major).</summary>
    public static double[] Matrix(double m, int nk, double pMax)
    {
        double d = pMax / nk;
        var h = new double[nk * nk];
        for (int i = 0; i < nk; i++)
        {
            double k = (i + 0.5) * d, sum = 0;
            for (int j = 0; j < nk; j++)
            {
                if (j == i) continue;
                double g = CoulombKernels.CellKernel(Math.Abs(i - j));
                h[i * nk + j] = -g / d;
                sum += g;
            }
            h[i * nk + i] = k + m * m / k + (sum + 1.0 / (nk - i - 0.5)) / d;
        }
        return h;
    }
}
