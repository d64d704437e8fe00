namespace HpcKit.Graphs.Generation;

/// <summary>
/// Minimal double-double arithmetic (≈ 106-bit significand) used once to tabulate logarithms. Only correctly
/// rounded IEEE operations and <see cref="Math.FusedMultiplyAdd"/> (exact by specification), so deterministic.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    /// <summary>ln 2 to double-double precision.</summary>
    public static readonly DoubleDouble Ln2 = new(0.6931471805599453, 2.3190468138462996e-17);

    public static DoubleDouble Add(DoubleDouble a, DoubleDouble b)
    {
        double s = a.Hi + b.Hi, bb = s - a.Hi, e = (a.Hi - (s - bb)) + (b.Hi - bb) + a.Lo + b.Lo;
        double h = s + e;
        return new DoubleDouble(h, e - (h - s));
    }

    public static DoubleDouble Mul(DoubleDouble a, DoubleDouble b)
    {
        double p = a.Hi * b.Hi, e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p) + a.Hi * b.Lo + a.Lo * b.Hi;
        double h = p + e;
        return new DoubleDouble(h, e - (h - p));
    }

    public static DoubleDouble Div(DoubleDouble a, DoubleDouble b)
    {
        double q = a.Hi / b.Hi;
        var r = Add(a, Mul(b, new DoubleDouble(-q, 0)));
        double q2 = r.Hi / b.Hi;
        double h = q + q2;
        return new DoubleDouble(h, q2 - (h - q));
    }

    /// <summary>ln c for c in [1, 2] by 2·atanh((c − 1)/(c + 1)), summed until terms fall below 2⁻¹¹⁰.</summary>
    public static DoubleDouble Ln(double c)
    {
        var y = Div(new DoubleDouble(c - 1, 0), new DoubleDouble(c + 1, 0));
        var y2 = Mul(y, y);
        var term = y;
        var sum = new DoubleDouble(0, 0);
        for (int k = 0; k < 200; k++)
        {
            var t = Div(term, new DoubleDouble(2 * k + 1, 0));
            sum = Add(sum, t);
            if (Math.Abs(t.Hi) <= 1e-34 * Math.Abs(sum.Hi) || t.Hi == 0) break;
            term = Mul(term, y2);
        }
        return Add(sum, sum);
    }
}
