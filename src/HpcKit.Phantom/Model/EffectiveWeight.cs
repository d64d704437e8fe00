using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Layers;

namespace HpcKit.Phantom.Model;

/// <summary>
/// The dense matrix a PP hidden layer computes (spec §4): W_eff[r, r] = W_rr, W_eff[r, s] = D_rs C_s for s ≠ r,
/// and the projection of a dense gradient G = ∂ℓ/∂W_eff back onto the PP parameters:
/// ∂W_rr = G_rr, ∂D_rs = G_rs C_sᵀ, ∂C_s = Σ_{r≠s} D_rsᵀ G_rs.
/// </summary>
public static class EffectiveWeight
{
    /// <summary>W_eff (n×n, row-major) from every rank's layer of one hidden layer (index = rank).</summary>
    public static T[] Assemble<T>(IReadOnlyList<PhantomLayer<T>> ranks) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(ranks);
        int p = ranks.Count, m = ranks[0].W.Value.Dim(0), k = ranks[0].C.Value.Dim(0);
        return Assemble<T>(p, m, k, r => ranks[r].W.Value.Storage, r => ranks[r].C.Value.Storage, r => ranks[r].D.Value.Storage);
    }

    /// <summary>W_eff from raw per-rank tensors: W_rr (m×m), C_r (k×m), D_r (m×(p−1)k).</summary>
    public static T[] Assemble<T>(int p, int m, int k, Func<int, T[]> w, Func<int, T[]> c, Func<int, T[]> d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        int n = p * m, ldd = (p - 1) * k;
        var eff = new T[n * n];
        for (int r = 0; r < p; r++)
        {
            var wr = w(r);
            for (int i = 0; i < m; i++) wr.AsSpan(i * m, m).CopyTo(eff.AsSpan((r * m + i) * n + r * m, m));
            var dr = d(r);
            for (int s = 0, j = 0; s < p; s++)
            {
                if (s == r) continue;
                Gemm.Run<T>(null, Transpose.No, Transpose.No, m, m, k, 1, dr.AsSpan(j * k), ldd, c(s), m, 0, eff.AsSpan(r * m * n + s * m), n);
                j++;
            }
        }
        return eff;
    }

    /// <summary>Projects G (n×n) onto rank r's (∂W_rr, ∂C_r, ∂D_r), given every rank's C and rank r's D.</summary>
    public static (T[] dW, T[] dC, T[] dD) Project<T>(T[] g, int p, int m, int k, int r, Func<int, T[]> c, Func<int, T[]> d)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        int n = p * m, ldd = (p - 1) * k;
        var dW = new T[m * m];
        for (int i = 0; i < m; i++) g.AsSpan((r * m + i) * n + r * m, m).CopyTo(dW.AsSpan(i * m, m));
        var dD = new T[m * ldd];
        for (int s = 0, j = 0; s < p; s++)
        {
            if (s == r) continue;
            Gemm.Run<T>(null, Transpose.No, Transpose.Yes, m, k, m, 1, g.AsSpan(r * m * n + s * m), n, c(s), m, 0, dD.AsSpan(j * k), ldd);
            j++;
        }
        var dC = new T[k * m];
        for (int q = 0; q < p; q++)
        {
            if (q == r) continue;
            int j = r < q ? r : r - 1; // column block of D_q that multiplies C_r
            Gemm.Run<T>(null, Transpose.Yes, Transpose.No, k, m, m, 1, d(q).AsSpan(j * k), ldd, g.AsSpan(q * m * n + r * m), n, 1, dC, m);
        }
        return (dW, dC, dD);
    }
}
