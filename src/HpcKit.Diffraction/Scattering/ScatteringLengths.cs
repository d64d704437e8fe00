using System.Globalization;
using System.Numerics;
using HpcKit.Core;

namespace HpcKit.Diffraction.Scattering;

/// <summary>
/// Bound coherent neutron scattering lengths (fm, complex) for Z = 1–96 and common isotopes ("2H" or "D", "6Li",
/// "10B", …), from Sears (1992) as tabulated by NIST; the embedded data file is Assets/scattering_lengths.csv.
/// </summary>
public static class ScatteringLengths
{
    private static readonly Dictionary<string, Complex> Table = Load();

    /// <summary>All symbols with a value.</summary>
    public static IReadOnlyCollection<string> Symbols => Table.Keys;

    /// <summary>True and b when the symbol has a tabulated value.</summary>
    public static bool TryGet(string symbol, out Complex b) => Table.TryGetValue(symbol, out b);

    /// <summary>b for a symbol; throws <see cref="HpcKitDataException"/> when unknown.</summary>
    public static Complex Get(string symbol) =>
        Table.TryGetValue(symbol, out var b) ? b : throw new HpcKitDataException($"unknown element '{symbol}': no neutron scattering length");

    private static Dictionary<string, Complex> Load()
    {
        using var s = typeof(ScatteringLengths).Assembly.GetManifestResourceStream("HpcKit.Diffraction.Assets.scattering_lengths.csv")
            ?? throw new InvalidOperationException("embedded scattering_lengths.csv missing");
        using var r = new StreamReader(s);
        var d = new Dictionary<string, Complex>(StringComparer.Ordinal);
        string? line;
        while ((line = r.ReadLine()) != null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split(',');
            if (f[2].Length == 0) continue; // no tabulated value
            d[f[0]] = new Complex(double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
        }
        return d;
    }
}
