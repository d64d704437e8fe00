using System.Globalization;
using HpcKit.Core;

namespace HpcKit.Diffraction.Crystal;

/// <summary>
/// A space-group operator x' = R·x + t on fractional coordinates, parsed from CIF text such as
/// "-y+1/2,x-1/2,z" (fractions or decimals in any order).
/// </summary>
public sealed class SymmetryOperator
{
    private readonly int[] _r;
    private readonly double[] _t;

    public SymmetryOperator(int[] rotation, double[] translation)
    {
        if (rotation.Length != 9 || translation.Length != 3) throw new ArgumentException("rotation must be 3x3 and translation 3");
        _r = (int[])rotation.Clone();
        _t = (double[])translation.Clone();
    }

    /// <summary>Rotation part, row-major 3×3.</summary>
    public ReadOnlySpan<int> Rotation => _r;

    /// <summary>Translation part (fractions of the cell edges).</summary>
    public ReadOnlySpan<double> Translation => _t;

    /// <summary>The identity x, y, z.</summary>
    public static SymmetryOperator Identity { get; } = new([1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);

    /// <summary>Applies the operator to a fractional position (no wrapping).</summary>
    public (double X, double Y, double Z) Apply(double x, double y, double z) => (
        _r[0] * x + _r[1] * y + _r[2] * z + _t[0],
        _r[3] * x + _r[4] * y + _r[5] * z + _t[1],
        _r[6] * x + _r[7] * y + _r[8] * z + _t[2]);

    /// <summary>Composition this∘other, translation wrapped to [0, 1).</summary>
    public SymmetryOperator Compose(SymmetryOperator other)
    {
        var r = new int[9];
        var t = new double[3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) r[3 * i + j] += _r[3 * i + k] * other._r[3 * k + j];
            double s = _t[i];
            for (int k = 0; k < 3; k++) s += _r[3 * i + k] * other._t[k];
            t[i] = s - Math.Floor(s + 1e-9);
            if (Math.Abs(t[i]) < 1e-9 || Math.Abs(t[i] - 1) < 1e-9) t[i] = 0;
        }
        return new SymmetryOperator(r, t);
    }

    /// <summary>True when both have the same rotation and translations equal modulo 1.</summary>
    public bool SameAs(SymmetryOperator o)
    {
        for (int i = 0; i < 9; i++) if (_r[i] != o._r[i]) return false;
        for (int i = 0; i < 3; i++)
        {
            double d = _t[i] - o._t[i];
            d -= Math.Round(d);
            if (Math.Abs(d) > 1e-6) return false;
        }
        return true;
    }

    /// <summary>Parses "x,y,z"-style text; throws <see cref="FormatException"/> with the reason.</summary>
    public static SymmetryOperator Parse(string text)
    {
        var parts = text.Trim().Trim('\'', '"').Split(',');
        if (parts.Length != 3) throw new FormatException($"symmetry operator '{text}' must have three comma-separated parts");
        var r = new int[9];
        var t = new double[3];
        for (int row = 0; row < 3; row++)
        {
            string s = parts[row].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (s.Length == 0) throw new FormatException($"symmetry operator '{text}' has an empty part");
            int i = 0;
            while (i < s.Length)
            {
                int sign = 1;
                if (s[i] == '+' || s[i] == '-') { sign = s[i] == '-' ? -1 : 1; i++; }
                if (i >= s.Length) throw new FormatException($"symmetry operator '{text}': dangling sign");
                char ch = s[i];
                if (ch is 'x' or 'y' or 'z')
                {
                    r[3 * row + (ch - 'x')] += sign;
                    i++;
                }
                else if (char.IsDigit(ch) || ch == '.')
                {
                    int start = i;
                    while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                    double num = double.Parse(s.AsSpan(start, i - start), CultureInfo.InvariantCulture);
                    if (i < s.Length && s[i] == '/')
                    {
                        i++;
                        int st2 = i;
                        while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                        if (st2 == i) throw new FormatException($"symmetry operator '{text}': bad fraction");
                        num /= double.Parse(s.AsSpan(st2, i - st2), CultureInfo.InvariantCulture);
                    }
                    if (i < s.Length && s[i] is 'x' or 'y' or 'z')
                    {
                        if (Math.Abs(num - Math.Round(num)) > 1e-12) throw new FormatException($"symmetry operator '{text}': non-integer coefficient");
                        r[3 * row + (s[i] - 'x')] += sign * (int)Math.Round(num);
                        i++;
                    }
                    else t[row] += sign * num;
                }
                else throw new FormatException($"symmetry operator '{text}': unexpected character '{ch}'");
            }
        }
        return new SymmetryOperator(r, t);
    }

    public override string ToString()
    {
        var parts = new string[3];
        for (int row = 0; row < 3; row++)
        {
            var sb = new System.Text.StringBuilder();
            for (int c = 0; c < 3; c++)
            {
                int v = _r[3 * row + c];
                if (v == 0) continue;
                sb.Append(v < 0 ? "-" : (sb.Length > 0 ? "+" : ""));
                if (Math.Abs(v) != 1) sb.Append(Math.Abs(v).ToString(CultureInfo.InvariantCulture));
                sb.Append((char)('x' + c));
            }
            if (_t[row] != 0) sb.Append(_t[row] > 0 ? "+" : "-").Append(Math.Abs(_t[row]).ToString("0.######", CultureInfo.InvariantCulture));
            parts[row] = sb.ToString();
        }
        return string.Join(",", parts);
    }

    /// <summary>Parses operator text or throws a data error naming file and line.</summary>
    internal static SymmetryOperator ParseAt(string text, string file, long line)
    {
        try { return Parse(text); }
        catch (FormatException e) { throw new HpcKitDataException(file, line, e.Message); }
    }
}
