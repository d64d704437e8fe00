using System.Globalization;

namespace HpcKit.Core.Reporting;

/// <summary>A linear or logarithmic axis: data range, mapping to pixels, and "nice" tick positions and labels.</summary>
internal sealed class PlotAxis
{
    public PlotAxis(double min, double max, bool log, double pixelFrom, double pixelTo)
    {
        Log = log;
        if (log)
        {
            min = Math.Log10(min);
            max = Math.Log10(max);
        }
        if (!(max > min))
        {
            double pad = Math.Abs(min) > 0 ? Math.Abs(min) * 0.1 : 1;
            min -= pad;
            max += pad;
        }
        Min = min;
        Max = max;
        PixelFrom = pixelFrom;
        PixelTo = pixelTo;
    }

    public bool Log { get; }

    /// <summary>Range in axis units (log10 of the data on a log axis).</summary>
    public double Min { get; }

    public double Max { get; }

    public double PixelFrom { get; }

    public double PixelTo { get; }

    /// <summary>Pixel position of a data value (NaN for values a log axis cannot show).</summary>
    public double Map(double v)
    {
        if (Log)
        {
            if (!(v > 0)) return double.NaN;
            v = Math.Log10(v);
        }
        return PixelFrom + (v - Min) / (Max - Min) * (PixelTo - PixelFrom);
    }

    /// <summary>Tick positions in data units with their labels.</summary>
    public IEnumerable<(double Value, string Label)> Ticks()
    {
        if (Log)
        {
            int lo = (int)Math.Floor(Min), hi = (int)Math.Ceiling(Max);
            int stride = Math.Max(1, (hi - lo) / 8);
            bool minor = hi - lo <= 3;
            for (int e = lo; e <= hi; e += stride)
            {
                foreach (int m in minor ? new[] { 1, 2, 5 } : [1])
                {
                    double v = m * Math.Pow(10, e);
                    double lv = Math.Log10(v);
                    if (lv >= Min - 1e-9 && lv <= Max + 1e-9) yield return (v, FormatLog(m, e));
                }
            }
            yield break;
        }
        double step = NiceStep((Max - Min) / 6);
        double first = Math.Ceiling(Min / step - 1e-9) * step;
        for (double t = first; t <= Max + step * 1e-9; t += step)
            yield return (Math.Abs(t) < step * 1e-9 ? 0 : t, Format(Math.Abs(t) < step * 1e-9 ? 0 : t, step));
    }

    private static double NiceStep(double raw)
    {
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double f = raw / mag;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
    }

    private static string Format(double v, double step)
    {
        double a = Math.Abs(step);
        if (a >= 1e5 || (a < 1e-3 && v != 0)) return v.ToString("0.##E+0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(a) + 1e-9));
        return v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static string FormatLog(int m, int e)
    {
        if (e >= -2 && e <= 4) return (m * Math.Pow(10, e)).ToString("G6", CultureInfo.InvariantCulture);
        return m == 1 ? $"1e{e}" : $"{m}e{e}";
    }
}
