using System.Numerics.Tensors;
using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Hamiltonian;

/// <summary>
/// The femtoworm light-sector operator H (eigenvalues 2Λ̄) of one sector on the DLCQ grid, as a block matvec:
/// Coulomb blocks C_Mq̄ (dense per K) and C_QM (dense per antiquark momentum) share one boson kernel, S₃ is rank
/// one per K. Vector layout for j_z = ½: [u₀ (N_K) | u_A (N₃) | u_B (N₃)]; for j_z = 3/2: [u (N₃)].
/// Real symmetric by construction. A matvec costs O(N·N_K) and runs in parallel over blocks, each output
/// element written by one thread, so results do not depend on the thread count.
/// </summary>
public sealed class FemtowormHamiltonian
{
    /// <summary>Builds the operator of <paramref name="sector"/> on <paramref name="grid"/>.</summary>
    public FemtowormHamiltonian(DlcqGrid grid, ScaledCouplings couplings, Sector sector)
    {
        Terms = new HeavyLightTerms(grid, couplings);
        Sector = sector;
        Dimension = sector == Sector.Half ? grid.NK + 2 * grid.N3 : grid.N3;
    }

    /// <summary>The shared matrix elements.</summary>
    public HeavyLightTerms Terms { get; }

    /// <summary>The grid.</summary>
    public DlcqGrid Grid => Terms.Grid;

    /// <summary>The sector.</summary>
    public Sector Sector { get; }

    /// <summary>Matrix dimension.</summary>
    public int Dimension { get; }

    /// <summary>y = H x.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Dimension || y.Length != Dimension) throw new ArgumentException("vector length must equal the dimension");
        var xa = x.ToArray();
        var ya = new double[Dimension];
        ApplyCore(xa, ya);
        ya.CopyTo(y);
    }

    /// <summary>y = H x on arrays (no copies).</summary>
    public void Apply(double[] x, double[] y)
    {
        if (x.Length != Dimension || y.Length != Dimension) throw new ArgumentException("vector length must equal the dimension");
        ApplyCore(x, y);
    }

    private void ApplyCore(double[] x, double[] y)
    {
        int nk = Grid.NK, n3 = Grid.N3;
        if (Sector == Sector.ThreeHalves)
        {
            ApplyH3(x, 0, y, 0);
            return;
        }
        ApplyH3(x, nk, y, nk);
        ApplyH3(x, nk + n3, y, nk + n3);
        var t = Terms;
        double inv = 1.0 / Grid.Delta;
        Parallel.For(0, nk, i =>
        {
            var row = t.Kernels.Fermion.AsSpan(i * nk, nk);
            double acc = t.Diag0[i] * x[i] - inv * TensorPrimitives.Dot(row, x.AsSpan(0, nk));
            int off = DlcqGrid.Offset(i);
            if (i > 0)
            {
                var xA = x.AsSpan(nk + off, i);
                var xB = x.AsSpan(nk + n3 + off, i);
                acc += TensorPrimitives.Dot(t.VA.AsSpan(off, i), xA) + TensorPrimitives.Dot(t.VB.AsSpan(off, i), xB);
                double s3 = TensorPrimitives.Dot(t.WA.AsSpan(off, i), xA) + TensorPrimitives.Dot(t.WB.AsSpan(off, i), xB);
                double x0 = x[i];
                var yA = y.AsSpan(nk + off, i);
                var yB = y.AsSpan(nk + n3 + off, i);
                for (int a = 0; a < i; a++)
                {
                    yA[a] += t.VA[off + a] * x0 + t.WA[off + a] * s3;
                    yB[a] += t.VB[off + a] * x0 + t.WB[off + a] * s3;
                }
            }
            y[i] = acc;
        });
    }

    /// <summary>y[yo..] = H₃ x[xo..] for one 3-body channel.</summary>
    private void ApplyH3(double[] x, int xo, double[] y, int yo)
    {
        int nk = Grid.NK;
        var t = Terms;
        double inv = 1.0 / Grid.Delta;
        var g = t.Kernels.Boson;
        int ld = t.Kernels.BosonStride;
        // C_Mq̄: dense block over link index a = 1..i at fixed total K index i.
        Parallel.For(1, nk, i =>
        {
            int off = DlcqGrid.Offset(i);
            var xs = x.AsSpan(xo + off, i);
            var ys = y.AsSpan(yo + off, i);
            for (int a = 0; a < i; a++)
                ys[a] = t.Diag3[off + a] * xs[a] - inv * TensorPrimitives.Dot(g.AsSpan(a * ld, i), xs);
        });
        // C_QM: dense block over a = 1..n_b at fixed antiquark index b; elements of distinct b are disjoint.
        Parallel.For(0, nk - 1, () => new double[nk], (b, _, tmp) =>
        {
            int n = nk - 1 - b;
            for (int a = 1; a <= n; a++) tmp[a - 1] = x[xo + DlcqGrid.Offset(a + b) + a - 1];
            var xs = tmp.AsSpan(0, n);
            for (int a = 1; a <= n; a++)
                y[yo + DlcqGrid.Offset(a + b) + a - 1] -= inv * TensorPrimitives.Dot(g.AsSpan((a - 1) * ld, n), xs);
            return tmp;
        }, _ => { });
    }

    /// <summary>The assembled dense matrix (row-major), element by element from the same terms; for checks and small grids.</summary>
    public double[] AssembleDense()
    {
        int n = Dimension, nk = Grid.NK, n3 = Grid.N3;
        var h = new double[(long)n * n];
        var t = Terms;
        double inv = 1.0 / Grid.Delta;
        int o3 = Sector == Sector.Half ? nk : 0;
        int channels = Sector == Sector.Half ? 2 : 1;
        if (Sector == Sector.Half)
            for (int i = 0; i < nk; i++)
                for (int j = 0; j < nk; j++)
                    h[i * n + j] = i == j ? t.Diag0[i] : -inv * t.Kernels.Fermion[i * nk + j];
        int ld = t.Kernels.BosonStride;
        for (int c = 0; c < channels; c++)
        {
            int o = o3 + c * n3;
            for (int i = 1; i < nk; i++)
                for (int a = 1; a <= i; a++)
                {
                    int p = o + DlcqGrid.Offset(i) + a - 1;
                    h[(long)p * n + p] = t.Diag3[p - o];
                    for (int a2 = 1; a2 <= i; a2++)
                        if (a2 != a) h[(long)p * n + o + DlcqGrid.Offset(i) + a2 - 1] -= inv * t.Kernels.Boson[(a - 1) * ld + a2 - 1];
                    int b = i - a;
                    for (int a2 = 1; a2 <= nk - 1 - b; a2++)
                        if (a2 != a) h[(long)p * n + o + DlcqGrid.Offset(a2 + b) + a2 - 1] -= inv * t.Kernels.Boson[(a - 1) * ld + a2 - 1];
                }
        }
        if (Sector == Sector.Half)
        {
            for (int i = 1; i < nk; i++)
            {
                int off = DlcqGrid.Offset(i);
                for (int a = 0; a < i; a++)
                {
                    int pa = nk + off + a, pb = nk + n3 + off + a;
                    h[(long)i * n + pa] += t.VA[off + a];
                    h[(long)pa * n + i] += t.VA[off + a];
                    h[(long)i * n + pb] += t.VB[off + a];
                    h[(long)pb * n + i] += t.VB[off + a];
                    for (int a2 = 0; a2 < i; a2++)
                    {
                        int qa = nk + off + a2, qb = nk + n3 + off + a2;
                        h[(long)pa * n + qa] += t.WA[off + a] * t.WA[off + a2];
                        h[(long)pa * n + qb] += t.WA[off + a] * t.WB[off + a2];
                        h[(long)pb * n + qa] += t.WB[off + a] * t.WA[off + a2];
                        h[(long)pb * n + qb] += t.WB[off + a] * t.WB[off + a2];
                    }
                }
            }
        }
        return h;
    }

    /// <summary>Builds the operator from a parameter set (couplings scaled by β).</summary>
    public static FemtowormHamiltonian Create(LightFrontParameters p, int nk, double pMaxOverBeta, Sector sector) =>
        new(new DlcqGrid(nk, pMaxOverBeta), p.Scaled(), sector);
}
