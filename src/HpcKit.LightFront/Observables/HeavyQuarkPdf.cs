using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Observables;

/// <summary>
/// Heavy-quark PDF f_Q(x) = M_B n_L(M_B(1 − x)) and the antiquark and link PDFs f(x) = M_B n(M_B x) on the grid
/// points, at M_B = 5.2797 GeV (§7). x values ascending within each curve.
/// </summary>
public sealed record HeavyQuarkPdf(double[] X, double[] Fq, double[] XAnti, double[] FAnti, double[] XLink, double[] FLink, double Normalisation)
{
    /// <summary>PDFs of <paramref name="s"/> with β in GeV.</summary>
    public static HeavyQuarkPdf FromState(GridState s, double beta, double mb = PhysicalConstants.MB)
    {
        var (nl, nq, nm) = s.Densities();
        var g = s.Grid;
        var x = new List<double>();
        var f = new List<double>();
        double norm = 0;
        for (int i = nl.Length - 1; i >= 0; i--)
        {
            double y = g.K(i) * beta;
            if (y >= mb) continue;
            x.Add(1 - y / mb);
            f.Add(mb * nl[i] / beta);
            norm += nl[i] * g.Delta;
        }
        var xa = new List<double>(); var fa = new List<double>();
        for (int i = 0; i < nq.Length; i++) if (g.K(i) * beta < mb) { xa.Add(g.K(i) * beta / mb); fa.Add(mb * nq[i] / beta); }
        var xm = new List<double>(); var fm = new List<double>();
        for (int a = 1; a <= nm.Length; a++) if (g.Link(a) * beta < mb) { xm.Add(g.Link(a) * beta / mb); fm.Add(mb * nm[a - 1] / beta); }
        return new HeavyQuarkPdf([.. x], [.. f], [.. xa], [.. fa], [.. xm], [.. fm], norm);
    }
}
