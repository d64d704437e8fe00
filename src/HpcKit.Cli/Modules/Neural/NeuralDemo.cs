using System.CommandLine;
using System.Globalization;
using HpcKit.Core.Random;
using HpcKit.Core.Reporting;
using HpcKit.Neural;

namespace HpcKit.Cli.Modules.Neural;

/// <summary>`hpckit neural demo`: trains an MLP on a seeded synthetic regression task; writes the loss curve and the model.</summary>
internal static class NeuralDemo
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 40 };
        var seed = CommandKit.Seed();
        var threads = CommandKit.Threads();
        var outDir = CommandKit.Out("Output directory (loss.csv, loss.svg, model.safetensors)");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("demo", "Trains a 5→32→32→2 MLP with Adam on y = (sin(x0+x1), x2·x3 − x4/2) and plots the losses.",
            "hpckit neural demo --epochs 40 --seed 1 --out out/neural");
        foreach (var o in new Option[] { epochs, seed, threads, outDir, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            int e = p.GetValue(epochs);
            if (e < 1) throw new Core.HpcKitUsageException("--epochs must be at least 1");
            var r = new RunReport("neural demo") { Environment = EnvironmentInfo.Capture() };
            Run(p.GetValue(outDir) ?? "out/neural", e, p.GetValue(seed), CommandKit.ApplyThreads(p.GetValue(threads)), r, p.GetValue(quiet));
            CommandKit.SaveReport(r, p.GetValue(report), p.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    public static void Run(string dir, int epochs, ulong seed, int threads, RunReport report, bool quiet)
    {
        Directory.CreateDirectory(dir);
        var (x, y) = Data(1024, seed, 1);
        var (vx, vy) = Data(512, seed, 2);
        var rng = new RandomStream(seed, 0);
        var net = new Sequential<float>(new Linear<float>(5, 32, ref rng), new Tanh<float>(), new Linear<float>(32, 32, ref rng),
            new ReLU<float>(), new Linear<float>(32, 2, ref rng));
        var adam = new Adam<float>(net.Parameters, 3e-3);
        var trainer = new Trainer<float>(net, new MseLoss<float>(), adam) { Schedule = new StepSchedule(3e-3, 600, 0.5) };
        var csv = new CsvTable("epoch", "train_mse", "validation_mse");
        using (var bar = new ProgressBar("neural demo", epochs, quiet))
        using (report.Time("train"))
        {
            var fit = trainer.Fit(x, y, new MiniBatchSampler(x.Rows, 32, seed), epochs, vx, vy, (ep, tl, vl) =>
            {
                csv.Add(ep + 1, tl, vl);
                bar.Advance();
            });
            report.Result("best_epoch", fit.BestEpoch + 1).Result("best_validation_mse", fit.BestValidationLoss)
                .Result("final_train_mse", fit.TrainLoss[^1]);
            var ex = Enumerable.Range(1, epochs).Select(i => (double)i).ToArray();
            new SvgPlot("HpcKit.Neural demo: MLP on a synthetic regression task", "epoch", "MSE") { LogY = true }
                .Line("train", ex, fit.TrainLoss).Line("validation", ex, fit.ValidationLoss)
                .ReferenceLine(fit.BestValidationLoss, false, "best validation (restored)")
                .Save(Path.Combine(dir, "loss.svg"));
            if (!quiet)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epochs {epochs}, steps {adam.StepCount}, best validation MSE {fit.BestValidationLoss:F4} at epoch {fit.BestEpoch + 1} (start {fit.ValidationLoss[0]:F4})"));
            }
        }
        csv.Save(Path.Combine(dir, "loss.csv"));
        ModelFile.Save(Path.Combine(dir, "model.safetensors"), net.Parameters, adam);
        report.Parameter("epochs", epochs).Parameter("seed", seed).Parameter("threads", threads).Parameter("parameters", net.ParameterCount);
        if (!quiet) Console.WriteLine($"wrote {dir}/loss.csv, loss.svg, model.safetensors");
    }

    private static (Tensor<float> X, Tensor<float> Y) Data(int n, ulong seed, ulong stream)
    {
        var x = new Tensor<float>(n, 5);
        var y = new Tensor<float>(n, 2);
        var rng = new RandomStream(seed, 1000 + stream);
        Span<double> v = stackalloc double[5];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                v[j] = rng.NextNormal();
                x[i * 5 + j] = (float)v[j];
            }
            y[i * 2] = (float)Math.Sin(v[0] + v[1]);
            y[i * 2 + 1] = (float)(v[2] * v[3] - v[4] / 2);
        }
        return (x, y);
    }
}
