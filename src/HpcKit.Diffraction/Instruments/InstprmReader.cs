using System.Globalization;
using System.Text;
using HpcKit.Core;

namespace HpcKit.Diffraction.Instruments;

/// <summary>
/// Reads and writes GSAS-II <c>.instprm</c> files: '#' comments, one or more <c>key:value</c> per line separated by
/// ';', several banks (<c>#Bank n:</c> headers or <c>Bank:n</c> entries). PNT = TOF, PNC = CW; X-ray types rejected.
/// </summary>
public static class InstprmReader
{
    /// <summary>Reads bank <paramref name="bank"/> (default: the first) of a file.</summary>
    public static InstrumentParameters ReadFile(string path, int? bank = null)
    {
        if (!File.Exists(path)) throw new HpcKitDataException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path, bank);
    }

    /// <summary>Parses text; errors name <paramref name="source"/> and the line.</summary>
    public static InstrumentParameters Parse(string text, string source = "instprm", int? bank = null)
    {
        var banks = new List<BankBlock>();
        int current = 1;
        List<KeyValuePair<string, string>>? cur = null;
        Dictionary<string, long>? curLines = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int li = 0; li < lines.Length; li++)
        {
            string line = lines[li].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                var h = line.TrimStart('#').Trim();
                if (h.StartsWith("Bank", StringComparison.OrdinalIgnoreCase))
                {
                    var num = new string(h[4..].Trim().TakeWhile(char.IsDigit).ToArray());
                    if (num.Length > 0) { current = int.Parse(num, CultureInfo.InvariantCulture); cur = null; }
                }
                continue;
            }
            foreach (var part in line.Split(';'))
            {
                var p = part.Trim();
                if (p.Length == 0) continue;
                int c = p.IndexOf(':');
                if (c <= 0) throw new HpcKitDataException(source, li + 1, $"expected key:value, got '{p}'");
                string key = p[..c].Trim(), value = p[(c + 1)..].Trim();
                if (key == "Bank")
                {
                    if (!int.TryParse(value.Split('.')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int b))
                        throw new HpcKitDataException(source, li + 1, $"bad bank number '{value}'");
                    if (cur != null && !cur.Any(e => e.Key == "Bank")) banks[^1].Bank = b; // labels the block it sits in
                    else if (b != current || cur == null) cur = null;
                    current = b;
                }
                if (cur == null)
                {
                    cur = [];
                    curLines = new Dictionary<string, long>(StringComparer.Ordinal);
                    banks.Add(new BankBlock { Bank = current, Entries = cur, Lines = curLines });
                }
                cur.Add(new(key, value));
                curLines![key] = li + 1;
            }
        }
        if (banks.Count == 0) throw new HpcKitDataException($"{source}: no key:value entries");
        var chosen = bank is int want ? banks.Find(b => b.Bank == want) : banks[0];
        if (chosen == null) throw new HpcKitDataException($"{source}: no bank {bank} (banks: {string.Join(", ", banks.Select(b => b.Bank))})");
        return Build(chosen.Bank, chosen.Entries, chosen.Lines, source);
    }

    private static InstrumentParameters Build(int bank, List<KeyValuePair<string, string>> entries, Dictionary<string, long> lines, string source)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in entries) map[e.Key] = e.Value;
        if (!map.TryGetValue("Type", out var type)) throw new HpcKitDataException($"{source}: bank {bank} has no Type key");
        double Num(string key)
        {
            if (!map.TryGetValue(key, out var v)) return 0;
            if (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x)) return x;
            throw new HpcKitDataException(source, lines[key], $"{key}: expected a number, got '{v}'");
        }
        string t = type.Trim().ToUpperInvariant();
        if (t.StartsWith("PNT", StringComparison.Ordinal))
        {
            var tof = new TofInstrument
            {
                DifC = Num("difC"), DifA = Num("difA"), DifB = Num("difB"), Zero = Num("Zero"), TwoTheta = Num("2-theta"), FlightPath = Num("fltPath"),
                Alpha = Num("alpha"), Beta0 = Num("beta-0"), Beta1 = Num("beta-1"), BetaQ = Num("beta-q"),
                Sig0 = Num("sig-0"), Sig1 = Num("sig-1"), Sig2 = Num("sig-2"), SigQ = Num("sig-q"), X = Num("X"), Y = Num("Y"), Z = Num("Z"),
            };
            if (!(tof.DifC > 0)) throw new HpcKitDataException(source, lines.GetValueOrDefault("difC", 0), $"difC must be positive (got {tof.DifC})");
            if (!(tof.TwoTheta > 0 && tof.TwoTheta < 180)) throw new HpcKitDataException(source, lines.GetValueOrDefault("2-theta", 0), $"2-theta must lie in (0, 180) (got {tof.TwoTheta})");
            return new InstrumentParameters { Bank = bank, Type = type, Entries = entries, Tof = tof };
        }
        if (t.StartsWith("PNC", StringComparison.Ordinal))
        {
            double lam = map.ContainsKey("Lam") ? Num("Lam") : Num("Lam1");
            if (!(lam > 0)) throw new HpcKitDataException(source, lines.GetValueOrDefault("Lam", 0), $"Lam must be positive (got {lam})");
            var cw = new CwInstrument
            {
                Lambda = lam, Zero = Num("Zero"), U = Num("U") / 1e4, V = Num("V") / 1e4, W = Num("W") / 1e4, X = Num("X") / 100, Y = Num("Y") / 100,
            };
            return new InstrumentParameters { Bank = bank, Type = type, Entries = entries, Cw = cw };
        }
        throw new HpcKitDataException(source, lines["Type"], $"instrument type '{type}' is not a neutron type (PNT = TOF, PNC = CW); X-ray types are not supported");
    }

    /// <summary>Writes one bank back as <c>.instprm</c> text (round-trips every entry).</summary>
    public static string Write(InstrumentParameters p)
    {
        var sb = new StringBuilder();
        sb.Append("#GSAS-II instrument parameter file; written by HpcKit\n");
        sb.Append(CultureInfo.InvariantCulture, $"#Bank {p.Bank}:\n");
        foreach (var e in p.Entries) sb.Append(e.Key).Append(':').Append(e.Value).Append('\n');
        return sb.ToString();
    }

    private sealed class BankBlock
    {
        public int Bank { get; set; }
        public required List<KeyValuePair<string, string>> Entries { get; init; }
        public required Dictionary<string, long> Lines { get; init; }
    }
}
