namespace HpcKit.Phantom.Experiments;

/// <summary>Median and range of one figure over seeds; <see cref="Reached"/> counts the runs that produced a value.</summary>
public sealed record Summary(double Median, double Min, double Max, int Reached, int Runs)
{
    /// <summary>Summary of the non-null values (nulls count as runs that did not reach).</summary>
    public static Summary Of(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToList();
        var v = all.Where(x => x.HasValue).Select(x => x!.Value).Order().ToArray();
        if (v.Length == 0) return new Summary(double.NaN, double.NaN, double.NaN, 0, all.Count);
        double med = v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
        return new Summary(med, v[0], v[^1], v.Length, all.Count);
    }

    /// <summary>"median [min–max] (r/n reached)".</summary>
    public override string ToString() => Reached == 0
        ? $"not reached (0/{Runs})"
        : FormattableString.Invariant($"{Median:G4} [{Min:G4}–{Max:G4}]") + (Reached < Runs ? $" ({Reached}/{Runs} reached)" : "");
}
