using System.Globalization;
using System.Text.Json;
using HpcKit.Core;

namespace HpcKit.LightFront.Model;

/// <summary>
/// Reads and writes parameter sets as small JSON files:
/// <c>{"name": "...", "description": "...", "units": "GeV", "beta": 0.6, "m": 0.25, "mu": 0.6, "m_V": 0.25,
/// "a": 2.5, "kappa_f": 0.05, "kappa_nf": 0.05, "seagull": 1}</c>. Masses in GeV, a in GeV⁻¹, κ in GeV².
/// <c>m_V</c> defaults to m and <c>seagull</c> to 1 (prescription S). Every error names the file and line.
/// </summary>
public static class ParameterFile
{
    private static readonly string[] Known = ["name", "description", "units", "beta", "m", "mu", "m_V", "a", "kappa_f", "kappa_nf", "seagull"];

    /// <summary>Loads and validates a parameter file.</summary>
    public static LightFrontParameters Load(string path)
    {
        if (!File.Exists(path)) throw new HpcKitDataException(path, 0, "parameter file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates parameter JSON; <paramref name="file"/> names the source in errors.</summary>
    public static LightFrontParameters Parse(string json, string file = "<params>")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new HpcKitDataException(file, (e.LineNumber ?? 0) + 1, "malformed JSON: " + FirstSentence(e.Message));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new HpcKitDataException(file, 1, "expected a JSON object of parameters");
            foreach (var p in root.EnumerateObject())
                if (Array.IndexOf(Known, p.Name) < 0)
                    throw new HpcKitDataException(file, LineOf(json, p.Name), $"unknown key '{p.Name}' (known: {string.Join(", ", Known)})");
            string name = Text(root, json, file, "name", required: true)!;
            string description = Text(root, json, file, "description", required: false) ?? "";
            string? units = Text(root, json, file, "units", required: true);
            if (!string.Equals(units, "GeV", StringComparison.Ordinal))
                throw new HpcKitDataException(file, LineOf(json, "units"), $"units must be \"GeV\" (masses in GeV, a in GeV^-1, kappa in GeV^2); got \"{units}\"");
            double beta = Number(root, json, file, "beta", null);
            double m = Number(root, json, file, "m", null);
            double mu = Number(root, json, file, "mu", null);
            double mv = Number(root, json, file, "m_V", m);
            double a = Number(root, json, file, "a", null);
            double kf = Number(root, json, file, "kappa_f", null);
            double knf = Number(root, json, file, "kappa_nf", null);
            double sg = Number(root, json, file, "seagull", 1.0);
            Require(beta > 0, json, file, "beta", "beta must be positive");
            Require(m >= 0, json, file, "m", "m must be non-negative");
            Require(mu >= 0, json, file, "mu", "mu must be non-negative");
            Require(mv >= 0, json, file, "m_V", "m_V must be non-negative");
            Require(a > 0, json, file, "a", "a must be positive (GeV^-1)");
            Require(sg >= 0, json, file, "seagull", "seagull must be non-negative");
            if ((kf != 0 || knf != 0) && mv == 0)
                throw new HpcKitDataException(file, LineOf(json, root.TryGetProperty("m_V", out _) ? "m_V" : "m"),
                    "hopping (kappa != 0) needs a positive vertex mass m_V, since h = kappa / m_V");
            return new LightFrontParameters(name, description, beta, m, mu, mv, a, kf, knf, sg);
        }
    }

    /// <summary>The JSON text of a parameter set (written atomically by callers).</summary>
    public static string ToJson(LightFrontParameters p) => string.Create(CultureInfo.InvariantCulture,
        $"{{\n  \"name\": {JsonSerializer.Serialize(p.Name)},\n  \"description\": {JsonSerializer.Serialize(p.Description)},\n  \"units\": \"GeV\",\n" +
        $"  \"beta\": {p.Beta:R},\n  \"m\": {p.M:R},\n  \"mu\": {p.Mu:R},\n  \"m_V\": {p.MV:R},\n  \"a\": {p.A:R},\n" +
        $"  \"kappa_f\": {p.KappaF:R},\n  \"kappa_nf\": {p.KappaNF:R},\n  \"seagull\": {p.Seagull:R}\n}}\n");

    private static string? Text(JsonElement root, string json, string file, string key, bool required)
    {
        if (!root.TryGetProperty(key, out var v))
        {
            if (required) throw new HpcKitDataException(file, 1, $"missing required key '{key}'");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String) throw new HpcKitDataException(file, LineOf(json, key), $"'{key}' must be a string");
        return v.GetString();
    }

    private static double Number(JsonElement root, string json, string file, string key, double? fallback)
    {
        if (!root.TryGetProperty(key, out var v))
        {
            if (fallback is double f) return f;
            throw new HpcKitDataException(file, 1, $"missing required key '{key}'");
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out double d))
            throw new HpcKitDataException(file, LineOf(json, key), $"'{key}' must be a number (got {v.ValueKind.ToString().ToLowerInvariant()})");
        if (!double.IsFinite(d)) throw new HpcKitDataException(file, LineOf(json, key), $"'{key}' must be finite");
        return d;
    }

    private static void Require(bool ok, string json, string file, string key, string what)
    {
        if (!ok) throw new HpcKitDataException(file, LineOf(json, key), what);
    }

    private static long LineOf(string json, string key)
    {
        int at = json.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        if (at < 0) return 1;
        long line = 1;
        for (int i = 0; i < at; i++) if (json[i] == '\n') line++;
        return line;
    }

    private static string FirstSentence(string s)
    {
        int i = s.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? s[..i] : s;
    }
}
