using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core.Comm;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli;

/// <summary>
/// `hpckit comm-bench`: all-gather and reduce-scatter bandwidth on the current transport (thread ranks, or MPI
/// under mpirun), message sizes 1–64 MiB per rank, median of repeats. Bandwidth = bytes received per rank
/// (CommStats' algorithm count) / time.
/// </summary>
internal static class CommBenchCommand
{
    public static Command Create()
    {
        var ranks = new Option<int>("--ranks") { Description = "Thread ranks (ignored under mpirun)", DefaultValueFactory = _ => 2 };
        var maxMiB = new Option<int>("--max-mib") { Description = "Largest total message per collective, MiB", DefaultValueFactory = _ => 64 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repeats per size (median reported)", DefaultValueFactory = _ => 5 };
        var outOpt = CommandKit.Out("CSV of the results");
        var report = CommandKit.Report();
        var cmd = CommandKit.Verb("comm-bench", "Measures all-gather and reduce-scatter bandwidth on thread ranks or MPI.",
            "hpckit comm-bench --ranks 2 --max-mib 64   |   mpirun -np 2 hpckit comm-bench");
        cmd.Add(ranks); cmd.Add(maxMiB); cmd.Add(repeats); cmd.Add(outOpt); cmd.Add(report);
        cmd.SetAction(p =>
        {
            int reps = p.GetValue(repeats), max = p.GetValue(maxMiB);
            if (reps < 1 || max < 1) throw new Core.HpcKitUsageException("--repeats and --max-mib must be positive");
            var rows = Ranks.Run(p.GetValue(ranks), c => Measure(c, max, reps));
            var table = new CsvTable("transport", "ranks", "collective", "total_mib", "median_s", "gb_per_s");
            var r = new RunReport("comm-bench");
            foreach (var row in rows[0]) table.Add(row.Transport, row.Ranks, row.Collective, row.TotalMiB, row.Seconds, row.GBps);
            if (MpiCommunicator.IsLaunchedByMpirun && MpiCommunicator.World.Rank != 0) return 0;
            CommandKit.PrintTable(table.Columns, rows[0].Select(x => (IReadOnlyList<string>)
                [x.Transport, x.Ranks.ToString(CultureInfo.InvariantCulture), x.Collective, x.TotalMiB.ToString(CultureInfo.InvariantCulture),
                 x.Seconds.ToString("E3", CultureInfo.InvariantCulture), x.GBps.ToString("F2", CultureInfo.InvariantCulture)]));
            string? o = p.GetValue(outOpt);
            if (o != null) table.Save(o);
            r.Result("rows", rows[0]);
            CommandKit.SaveReport(r, p.GetValue(report), false);
            return 0;
        });
        return cmd;
    }

    internal sealed record Row(string Transport, int Ranks, string Collective, int TotalMiB, double Seconds, double GBps);

    private static List<Row> Measure(ICommunicator c, int maxMiB, int reps)
    {
        var rows = new List<Row>();
        for (int mib = 1; mib <= maxMiB; mib *= 4)
        {
            int total = mib * (1 << 20) / sizeof(float);
            int block = total / c.Size;
            var full = new float[block * c.Size];
            var part = new float[block];
            full.AsSpan().Fill(1);
            foreach (string name in new[] { "AllGather", "ReduceScatter" })
            {
                var t = new double[reps];
                for (int k = -3; k < reps; k++)
                {
                    c.Barrier();
                    long s = Stopwatch.GetTimestamp();
                    if (name == "AllGather") c.AllGather<float>(part, full);
                    else c.ReduceScatter<float>(full, part, ReduceOp.Sum);
                    double el = Stopwatch.GetElapsedTime(s).TotalSeconds;
                    el = c.AllReduce(el, ReduceOp.Max);
                    if (k >= 0) t[k] = el;
                }
                Array.Sort(t);
                double med = t[reps / 2];
                double bytes = (c.Size - 1) * (double)block * sizeof(float);
                rows.Add(new Row(c.Transport, c.Size, name, mib, med, bytes / med / 1e9));
            }
        }
        return rows;
    }
}
