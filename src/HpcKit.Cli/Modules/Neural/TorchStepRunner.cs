using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HpcKit.Core;

namespace HpcKit.Cli.Modules.Neural;

/// <summary>Runs scripts/fixtures/neural/torch_step_bench.py (PyTorch side of the benchmark) and reads its JSON line.</summary>
internal sealed class TorchStepRunner(string python, string script, bool passiveWait = false)
{
    public static string? FindScript(string? given)
    {
        if (!string.IsNullOrEmpty(given)) return File.Exists(given) ? given : throw new HpcKitUsageException($"--torch-script {given} not found");
        const string rel = "scripts/fixtures/neural/torch_step_bench.py";
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                string p = Path.Combine(d.FullName, rel);
                if (File.Exists(p)) return p;
            }
        }
        return null;
    }

    /// <summary>Median seconds per step reported by the script, or NaN with a reason.</summary>
    public (double Seconds, string? Error) Run(string model, int threads, int warmup, int steps)
    {
        var psi = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { script, "--model", model, "--threads", threads.ToString(CultureInfo.InvariantCulture),
                     "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--steps", steps.ToString(CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        string t = threads.ToString(CultureInfo.InvariantCulture);
        psi.Environment["OMP_NUM_THREADS"] = t;
        psi.Environment["OPENBLAS_NUM_THREADS"] = t;
        psi.Environment["MKL_NUM_THREADS"] = t;
        if (passiveWait) psi.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        try
        {
            using var p = Process.Start(psi)!;
            string stdout = p.StandardOutput.ReadToEnd();
            string stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) return (double.NaN, $"torch script exited {p.ExitCode}: {stderr.Trim().Split('\n')[^1]}");
            using var doc = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            return (doc.RootElement.GetProperty("median_s").GetDouble(), null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (double.NaN, $"could not run {python} {script}: {e.Message}");
        }
    }
}
