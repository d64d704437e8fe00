using System.Numerics;
using HpcKit.Core;
using HpcKit.Diffraction.Crystal;

namespace HpcKit.Diffraction.Scattering;

/// <summary>
/// General-path reflection list: enumerates the full sphere |h| ≤ ⌊a/d_min⌋ … with 0 &lt; 1/d² ≤ 1/d_min² and d ≤ d_max,
/// computes |F|², sorts by d, merges runs whose d agree to 1e-6 relative into (d, m, ΣF²), and drops peaks with
/// ΣF² ≤ 1e-12·max (systematic absences emerge here from F, not from a table).
/// </summary>
public static class ReflectionList
{
    /// <summary>Refuse enumerations above this many reflections (~1.6 GB of work arrays).</summary>
    public const long MaxReflections = 100_000_000;

    /// <summary>Merged reflections of <paramref name="s"/> with d in [dMin, dMax], sorted by decreasing d.</summary>
    public static List<Reflection> Generate(CrystalStructure s, double dMin, double dMax, bool debyeWaller = true)
    {
        if (!(dMin > 0)) throw new HpcKitDataException($"d_min must be positive (got {dMin})");
        var cell = s.Cell;
        double estimate = 4 * Math.PI / 3 * cell.Volume / (dMin * dMin * dMin);
        if (estimate > MaxReflections)
            throw new HpcKitDataException($"d_min = {dMin} Å is too small for memory: about {estimate:E2} reflections for V = {cell.Volume:F1} Å^3 (limit {MaxReflections:E0})");
        int hm = (int)Math.Floor(cell.A / dMin), km = (int)Math.Floor(cell.B / dMin), lm = (int)Math.Floor(cell.C / dMin);
        var sf = new StructureFactor(s, hm, km, lm);
        double q2max = 1 / (dMin * dMin), q2min = 1 / (dMax * dMax);
        var raw = new List<(double Q2, int H, int K, int L, double F2)>();
        Span<Complex> p = stackalloc Complex[sf.GroupB.Length];
        for (int h = -hm; h <= hm; h++)
            for (int k = -km; k <= km; k++)
                for (int l = -lm; l <= lm; l++)
                {
                    double q2 = cell.InverseDSquared(h, k, l);
                    if (q2 <= 0 || q2 > q2max || q2 < q2min) continue;
                    sf.Partials(h, k, l, p);
                    double s2 = q2 / 4;
                    Complex f = 0;
                    for (int g = 0; g < p.Length; g++) f += debyeWaller ? p[g] * Math.Exp(-sf.GroupB[g] * s2) : p[g];
                    raw.Add((q2, h, k, l, f.Real * f.Real + f.Imaginary * f.Imaginary));
                }
        raw.Sort((x, y) => x.Q2.CompareTo(y.Q2));
        return Merge(raw);
    }

    private static List<Reflection> Merge(List<(double Q2, int H, int K, int L, double F2)> raw)
    {
        var merged = new List<Reflection>();
        double maxF2 = 0;
        int i = 0;
        while (i < raw.Count)
        {
            int j = i;
            double d0 = 1 / Math.Sqrt(raw[i].Q2);
            double sum = 0;
            var rep = (raw[i].H, raw[i].K, raw[i].L);
            while (j < raw.Count && Math.Abs(1 / Math.Sqrt(raw[j].Q2) - d0) <= 1e-6 * d0)
            {
                sum += raw[j].F2;
                var c = (raw[j].H, raw[j].K, raw[j].L);
                if (c.CompareTo(rep) > 0) rep = c;
                j++;
            }
            double dSum = 0;
            for (int m = i; m < j; m++) dSum += 1 / Math.Sqrt(raw[m].Q2);
            merged.Add(new Reflection(rep.Item1, rep.Item2, rep.Item3, dSum / (j - i), j - i, sum));
            maxF2 = Math.Max(maxF2, sum);
            i = j;
        }
        merged.RemoveAll(r => r.SumF2 <= 1e-12 * maxF2);
        return merged;
    }
}
