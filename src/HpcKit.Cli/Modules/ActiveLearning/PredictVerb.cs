using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules.ActiveLearning;

/// <summary>`hpckit al predict model.safetensors pattern.csv`: class probabilities and cell with uncertainty.</summary>
internal static class PredictVerb
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model written by `al run` (safetensors)" };
        var pattern = new Argument<string>("pattern") { Description = "CSV: one intensity per line, or (x, intensity) per line; an optional header line; '#' comments" };
        var report = CommandKit.Report();
        var cmd = CommandKit.Verb("predict", "Predicts the symmetry class (with probabilities) and the cell (with uncertainty) of one pattern on the model's grid.",
            "hpckit al predict out/al/run/model.safetensors pattern.csv");
        cmd.Add(model);
        cmd.Add(pattern);
        cmd.Add(report);
        cmd.SetAction(p =>
        {
            var net = CnnCheckpoint.Load(p.GetValue(model)!);
            string file = p.GetValue(pattern)!;
            var y = ReadPattern(file);
            if (y.Length != net.Width)
                throw new HpcKitDataException(file, 0, $"pattern has {y.Length} points but the model expects {net.Width} (its TOF grid)");
            var set = new PatternSet(net.Width, 1);
            set.Add(default, 0, y);
            var pr = new Prediction[1];
            net.Predict(set, pr, 1);
            var q = pr[0];
            Span<double> prob = stackalloc double[3];
            q.Probabilities(prob);
            var (a, c, alpha) = CellPoint.FromTargets(q.A, q.C, q.Alpha);
            double sd = Math.Exp(0.5 * q.LogVariance); // shared σ in normalised units: Å for a and c, 90° per unit for α
            var cls = q.PredictedClass;
            Console.WriteLine($"class       {cls} (trigonal {prob[0]:P1}, tetragonal {prob[1]:P1}, cubic {prob[2]:P1})");
            var ic = CultureInfo.InvariantCulture;
            Console.WriteLine(cls switch
            {
                CrystalClass.Cubic => string.Create(ic, $"cell        a = {a:F4} ± {sd:F4} Å"),
                CrystalClass.Trigonal => string.Create(ic, $"cell        a = {a:F4} ± {sd:F4} Å, α = {alpha:F2} ± {90 * sd:F2}°"),
                _ => string.Create(ic, $"cell        a = {a:F4} ± {sd:F4} Å, c = {c:F4} ± {sd:F4} Å"),
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw         a = {a:F4}, c = {c:F4}, α = {alpha:F2}; log σ² = {q.LogVariance:F3} (one shared σ, aleatoric, from the network)"));
            var r = new RunReport("al predict");
            r.Parameter("model", p.GetValue(model)).Parameter("pattern", file).Result("class", cls.ToString()).Result("p_trigonal", prob[0]).Result("p_tetragonal", prob[1])
                .Result("p_cubic", prob[2]).Result("a", a).Result("c", c).Result("alpha", alpha).Result("sigma_normalised", sd);
            CommandKit.SaveReport(r, p.GetValue(report), false);
            return 0;
        });
        return cmd;
    }

    /// <summary>Reads the last numeric field of each line; data errors name file and line.</summary>
    public static float[] ReadPattern(string file)
    {
        string[] lines;
        try { lines = File.ReadAllLines(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new HpcKitDataException(file, 0, $"cannot read pattern: {e.Message}"); }
        var values = new List<float>(lines.Length);
        bool seenData = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string s = lines[i].Trim();
            if (s.Length == 0 || s[0] == '#') continue;
            var fields = s.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (!float.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out float v))
            {
                if (!seenData && values.Count == 0) { seenData = true; continue; } // header
                throw new HpcKitDataException(file, i + 1, $"'{fields[^1]}' is not a number");
            }
            if (!float.IsFinite(v)) throw new HpcKitDataException(file, i + 1, "intensity is not finite");
            seenData = true;
            values.Add(v);
        }
        if (values.Count == 0) throw new HpcKitDataException(file, 0, "no intensities found");
        return [.. values];
    }
}
