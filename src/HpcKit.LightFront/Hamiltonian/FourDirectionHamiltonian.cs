using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Hamiltonian;

/// <summary>
/// The full calculation without the C₄ reduction, for checks on small grids: 2-body states with both helicities and
/// 3-body states with four explicit link directions r (φ_r = 0, π/2, π, 3π/2) and both helicities. Non-flip hops carry
/// no phase, the flip +½ → −½ carries e^{iφ_r} and its reverse e^{−iφ_r} (§4.1); S₃ is Σ_s |w_s⟩⟨w_s|/K per helicity s
/// of the virtual 2-body line. The complex Hermitian matrix H = A + iB is returned as the real symmetric
/// [[A, −B], [B, A]], whose spectrum is that of H with every level doubled.
/// Layout of H: [ψ₀(+½), ψ₀(−½), then for s = +½, −½ and r = 0..3 a 3-body block of N₃].
/// </summary>
public static class FourDirectionHamiltonian
{
    /// <summary>Complex dimension 2N_K + 8N₃.</summary>
    public static int Dimension(DlcqGrid g) => 2 * g.NK + 8 * g.N3;

    /// <summary>The real-doubled matrix (row-major, size 2n × 2n) and the complex dimension n.</summary>
    public static (double[] Matrix, int N) AssembleRealDoubled(DlcqGrid grid, ScaledCouplings c)
    {
        var half = new FemtowormHamiltonian(grid, c, Sector.Half);
        var dense = half.AssembleDense();
        var h3 = new FemtowormHamiltonian(grid, c, Sector.ThreeHalves).AssembleDense();
        var t = half.Terms;
        int nk = grid.NK, n3 = grid.N3, hd = half.Dimension;
        int n = Dimension(grid);
        var re = new double[(long)n * n];
        var im = new double[(long)n * n];
        int Two(int s) => s * nk;                              // s = 0 (+½), 1 (−½)
        int Three(int s, int r) => 2 * nk + (s * 4 + r) * n3;
        double[] cs = [1, 0, -1, 0], sn = [0, 1, 0, -1];
        // Diagonal blocks: the 2-body block of the sector matrix and H₃ for every (s, r).
        for (int s = 0; s < 2; s++)
        {
            for (int i = 0; i < nk; i++)
                for (int j = 0; j < nk; j++) re[(long)(Two(s) + i) * n + Two(s) + j] = dense[(long)i * hd + j];
            for (int r = 0; r < 4; r++)
                for (int p = 0; p < n3; p++)
                    for (int q = 0; q < n3; q++)
                        re[(long)(Three(s, r) + p) * n + Three(s, r) + q] = h3[(long)p * n3 + q];
        }
        for (int i = 1; i < nk; i++)
        {
            int off = DlcqGrid.Offset(i);
            for (int s = 0; s < 2; s++)
            {
                int flip = 1 - s;
                double sign = s == 0 ? 1 : -1; // +½ → −½: e^{+iφ}; −½ → +½: e^{−iφ}
                for (int r = 0; r < 4; r++)
                    for (int a = 0; a < i; a++)
                    {
                        int p = off + a;
                        // Vertices: ⟨(r, s), p | H | 0, s, i⟩ = V_A/2; ⟨(r, −s), p | H | 0, s, i⟩ = (V_B/2) e^{±iφ_r}.
                        Add(re, im, n, Three(s, r) + p, Two(s) + i, 0.5 * t.VA[p], 0);
                        Add(re, im, n, Three(flip, r) + p, Two(s) + i, 0.5 * t.VB[p] * cs[r], 0.5 * t.VB[p] * sign * sn[r]);
                    }
                // S₃ = |w_s⟩⟨w_s| with w_s(r, s) = w_A/2 and w_s(r, −s) = (w_B/2) e^{±iφ_r}.
                for (int r = 0; r < 4; r++)
                    for (int r2 = 0; r2 < 4; r2++)
                        for (int a = 0; a < i; a++)
                            for (int a2 = 0; a2 < i; a2++)
                            {
                                int p = off + a, q = off + a2;
                                double wa = 0.5 * t.WA[p], wa2 = 0.5 * t.WA[q], wb = 0.5 * t.WB[p], wb2 = 0.5 * t.WB[q];
                                double pr = cs[r], pi = sign * sn[r], qr = cs[r2], qi = sign * sn[r2];
                                Add(re, im, n, Three(s, r) + p, Three(s, r2) + q, wa * wa2, 0);
                                // w(r,−s)·conj(w(r2,s)) and w(r,s)·conj(w(r2,−s))
                                Add(re, im, n, Three(flip, r) + p, Three(s, r2) + q, wb * wa2 * pr, wb * wa2 * pi);
                                Add(re, im, n, Three(s, r) + p, Three(flip, r2) + q, wa * wb2 * qr, -wa * wb2 * qi);
                                // w(r,−s)·conj(w(r2,−s)) = wb wb2 e^{±i(φ_r − φ_r2)}
                                Add(re, im, n, Three(flip, r) + p, Three(flip, r2) + q, wb * wb2 * (pr * qr + pi * qi), wb * wb2 * (pi * qr - pr * qi));
                            }
            }
        }
        // Make the vertex blocks Hermitian: entries were added below the 2-body rows only.
        for (int i = 0; i < 2 * nk; i++)
            for (int j = 2 * nk; j < n; j++)
            {
                re[(long)i * n + j] = re[(long)j * n + i];
                im[(long)i * n + j] = -im[(long)j * n + i];
            }
        int m2 = 2 * n;
        var big = new double[(long)m2 * m2];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double a = re[(long)i * n + j], b = im[(long)i * n + j];
                big[(long)i * m2 + j] = a;
                big[(long)(i + n) * m2 + j + n] = a;
                big[(long)i * m2 + j + n] = -b;
                big[(long)(i + n) * m2 + j] = b;
            }
        return (big, n);
    }

    private static void Add(double[] re, double[] im, int n, int row, int col, double a, double b)
    {
        re[(long)row * n + col] += a;
        im[(long)row * n + col] += b;
    }
}
