using System.Buffers.Binary;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.IO;

/// <summary>
/// Reads node weights (spec §6.2). Text: one non-negative decimal per line, line k is node k, blank lines and
/// lines starting with `#` are skipped. Binary (<c>.f64</c>): raw little-endian float64, n = length/8.
/// Negative, NaN, infinite or over-range values are rejected with their line or index.
/// </summary>
public static class WeightsFile
{
    /// <summary>The weights in file order.</summary>
    public static double[] Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new HpcKitDataException(path, 0, "weights file not found");
        var w = path.EndsWith(".f64", StringComparison.OrdinalIgnoreCase) ? ReadBinary(path) : ReadText(path);
        if (w.Length == 0) throw new HpcKitDataException(path, 0, "no weights (the file is empty or only has comments); n must be at least 1");
        return w;
    }

    /// <summary>Writes weights as text, one per line, round-trip precision.</summary>
    public static void Write(string path, ReadOnlySpan<double> weights)
    {
        var copy = weights.ToArray();
        Core.Reporting.AtomicFile.Write(path, tw =>
        {
            foreach (var x in copy) tw.Write(x.ToString("R", CultureInfo.InvariantCulture) + "\n");
        });
    }

    private static double[] ReadText(string path)
    {
        var list = new List<double>();
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        long line = 0;
        string? s;
        while ((s = reader.ReadLine()) != null)
        {
            line++;
            var t = s.AsSpan().Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                throw new HpcKitDataException(path, line, $"not a number: '{Clip(s)}'");
            Check(x, path, line);
            list.Add(x);
        }
        return list.ToArray();
    }

    private static double[] ReadBinary(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length % 8 != 0) throw new HpcKitDataException(path, 0, $"binary weights length {bytes.Length} is not a multiple of 8");
        var w = new double[bytes.Length / 8];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(i * 8));
            if (!(w[i] >= 0) || w[i] > ChungLuModel.MaxWeight)
                throw new HpcKitDataException(path, 0, string.Create(CultureInfo.InvariantCulture, $"weight at index {i} is {w[i]} (must be finite, non-negative, at most 2^53)"));
        }
        return w;
    }

    private static void Check(double x, string path, long line)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) throw new HpcKitDataException(path, line, string.Create(CultureInfo.InvariantCulture, $"weight {x} is not finite"));
        if (x < 0) throw new HpcKitDataException(path, line, string.Create(CultureInfo.InvariantCulture, $"weight {x} is negative"));
        if (x > ChungLuModel.MaxWeight) throw new HpcKitDataException(path, line, string.Create(CultureInfo.InvariantCulture, $"weight {x} exceeds 2^53"));
    }

    internal static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
