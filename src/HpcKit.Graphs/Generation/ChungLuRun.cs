using System.Diagnostics;
using System.Globalization;
using System.Text;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Core.Reporting;
using HpcKit.Graphs.IO;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// One collective generation run with output: count-only, one merged TSV/binary/METIS file, or per-rank files
/// plus a manifest. Writes stream through a 4 MiB buffer; every file is written under a temporary name and renamed
/// when complete. A merged file from P &gt; 1 ranks is assembled by rank 0 from per-rank parts in rank order.
/// </summary>
public static class ChungLuRun
{
    /// <summary>Runs on every rank of <paramref name="comm"/>; returns the same result everywhere.</summary>
    public static ChungLuRunResult Execute(ICommunicator comm, ChungLuModel model, GenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(request);
        Validate(comm, model, request);
        long t0 = Stopwatch.GetTimestamp();
        var rows = ChungLuGenerator.Assign(comm, model, request.Scheme);
        double partition = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        var c = request.Format == EdgeFormat.Count ? CountRows(model, rows, request) : WriteRows(comm, model, rows, request);
        c.Rank = comm.Rank;
        c.First = rows.First;
        c.End = rows.End;
        c.Rows = rows.Count;
        c.PartitionSeconds = partition;
        if (request.ModelCosts) c.ModelledCost = ModelledCost(model, rows);
        var all = new RankCounters[comm.Size];
        comm.AllGather<RankCounters>([c], all);
        long w0 = Stopwatch.GetTimestamp();
        var files = Finish(comm, model, request, all);
        double finish = Stopwatch.GetElapsedTime(w0).TotalSeconds;
        double writeMax = 0;
        foreach (var r in all) writeMax = Math.Max(writeMax, r.WriteSeconds);
        return new ChungLuRunResult(all, files, writeMax + finish);
    }

    /// <summary>Path of rank <paramref name="rank"/>'s file: <c>&lt;prefix&gt;.r00000.&lt;ext&gt;</c>.</summary>
    public static string PerRankPath(string outPath, int rank, EdgeFormat format)
    {
        ArgumentNullException.ThrowIfNull(outPath);
        return $"{Prefix(outPath)}.r{rank.ToString("D5", CultureInfo.InvariantCulture)}.{Extension(format)}";
    }

    /// <summary>Path of the manifest of a per-rank run.</summary>
    public static string ManifestPath(string outPath) => Prefix(outPath) + ".manifest.tsv";

    private static string Prefix(string outPath)
    {
        string ext = Path.GetExtension(outPath);
        return ext.Length > 0 ? outPath[..^ext.Length] : outPath;
    }

    private static string Extension(EdgeFormat f) => f == EdgeFormat.Tsv ? "tsv" : "bin";

    private static void Validate(ICommunicator comm, ChungLuModel model, GenerateRequest request)
    {
        if (request.Format != EdgeFormat.Count && string.IsNullOrEmpty(request.Out))
            throw new HpcKitUsageException($"--format {request.Format.ToString().ToLowerInvariant()} needs --out FILE");
        if (request.Format == EdgeFormat.Metis)
        {
            if (model.Options.AllowSelfLoops) throw new HpcKitUsageException("METIS output cannot represent self-loops; drop --loops or choose another format");
            if (request.PerRankFiles) throw new HpcKitUsageException("METIS output is one file; per-rank files need --format tsv or bin");
            if (comm.Transport != "threads") throw new HpcKitUsageException("METIS output needs an in-process run; under mpirun write per-rank binary files and convert");
            double need = 8.0 * model.N + 4.0 * 2.4 * Math.Max(1.0, model.S / 2) + 8.0 * model.N;
            if (need > request.MaxMemoryBytes)
                throw new HpcKitUsageException(string.Create(CultureInfo.InvariantCulture, $"METIS output of this graph needs about {need / (1 << 30):F1} GiB in one process (limit {request.MaxMemoryBytes / (double)(1 << 30):F1} GiB)"));
        }
    }

    /// <summary>The rows in chunks of 2¹⁶, reporting progress between chunks.</summary>
    private static long Chunked<TSink>(ChungLuModel model, RowAssignment rows, GenerateRequest request, ref TSink sink, ref long edges) where TSink : struct, IEdgeSink
    {
        if (request.Progress == null) return RowKernel.Rows(model, rows.First, rows.End, rows.Step, ref sink, ref edges);
        long candidates = 0;
        long chunk = rows.Step << 16;
        for (long first = rows.First; first < rows.End; first += chunk)
        {
            long end = Math.Min(rows.End, first + chunk);
            candidates += RowKernel.Rows(model, first, end, rows.Step, ref sink, ref edges);
            request.Progress(new RowAssignment(first, end, rows.Step).Count);
        }
        return candidates;
    }

    private static RankCounters CountRows(ChungLuModel model, RowAssignment rows, GenerateRequest request)
    {
        var sink = new CountingSink(request.Fingerprint);
        long edges = 0;
        long t = Stopwatch.GetTimestamp();
        double cpu = ThreadCpuClock.Now();
        long candidates = Chunked(model, rows, request, ref sink, ref edges);
        return new RankCounters
        {
            Candidates = candidates,
            Edges = edges,
            Fingerprint = sink.Fingerprint,
            GenerateSeconds = Stopwatch.GetElapsedTime(t).TotalSeconds,
            GenerateCpuSeconds = ThreadCpuClock.Now() - cpu,
        };
    }

    private static EdgeEncoding Encoding(ChungLuModel model, GenerateRequest request) => request.Format switch
    {
        EdgeFormat.Tsv => EdgeEncoding.Tsv,
        EdgeFormat.Metis => EdgeEncoding.Int64,
        _ => request.ForceInt64 || model.N >= int.MaxValue ? EdgeEncoding.Int64 : EdgeEncoding.Int32,
    };

    internal static BinaryEdgeHeader Header(ChungLuModel model, GenerateRequest request, int rank, int ranks, long edges, ulong fingerprint) => new()
    {
        IdWidth = Encoding(model, request) == EdgeEncoding.Int64 ? 8 : 4,
        N = model.N,
        Edges = edges,
        Seed = model.Options.Seed,
        Rank = rank,
        RankCount = ranks,
        Flags = (model.Options.AllowSelfLoops ? BinaryEdgeHeader.FlagLoops : 0) | (model.Clamped ? BinaryEdgeHeader.FlagClamped : 0)
            | (model.Options.Canonical ? BinaryEdgeHeader.FlagCanonical : 0),
        RngLayout = RowKernel.RngLayout,
        Fingerprint = fingerprint,
    };

    private static string TsvHeaderText(ChungLuModel model, GenerateRequest request, int ranks) => string.Create(CultureInfo.InvariantCulture,
        $"# hpckit chunglu edge list: n={model.N} seed={model.Options.Seed} P={ranks} scheme={request.Scheme.ToString().ToLowerInvariant()} loops={model.Options.AllowSelfLoops.ToString().ToLowerInvariant()} rng_layout={RowKernel.RngLayout} clamped={model.Clamped.ToString().ToLowerInvariant()}\n");

    private static string PartPath(string outPath, int rank) => $"{outPath}.part{rank.ToString("D5", CultureInfo.InvariantCulture)}.tmp";

    private static RankCounters WriteRows(ICommunicator comm, ChungLuModel model, RowAssignment rows, GenerateRequest request)
    {
        string outPath = request.Out!;
        bool merged = !request.PerRankFiles && (comm.Size > 1 || request.Format == EdgeFormat.Metis);
        var enc = Encoding(model, request);
        if (merged)
        {
            string part = PartPath(outPath, comm.Rank);
            try
            {
                string? dir = Path.GetDirectoryName(Path.GetFullPath(part));
                if (dir != null) Directory.CreateDirectory(dir);
                using var fs = new FileStream(part, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                return Stream(model, rows, request, enc, fs);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TryDelete(part);
                throw new HpcKitDataException($"{outPath}: cannot write: {e.Message}");
            }
        }
        string path = request.PerRankFiles ? PerRankPath(outPath, comm.Rank, request.Format) : outPath;
        int rank = request.PerRankFiles ? comm.Rank : 0, ranks = request.PerRankFiles ? comm.Size : 1;
        using var file = AtomicFile.Create(path);
        var head = new byte[BinaryEdgeHeader.Size];
        if (request.Format == EdgeFormat.Bin)
        {
            Header(model, request, rank, ranks, -1, 0).WriteTo(head);
            file.Stream.Write(head);
        }
        else if (request.TsvHeader)
        {
            file.Stream.Write(System.Text.Encoding.UTF8.GetBytes(TsvHeaderText(model, request, comm.Size)));
        }
        var c = Stream(model, rows, request, enc, file.Stream);
        long t = Stopwatch.GetTimestamp();
        if (request.Format == EdgeFormat.Bin)
        {
            Header(model, request, rank, ranks, c.Edges, c.Fingerprint).WriteTo(head);
            file.Stream.Seek(0, SeekOrigin.Begin);
            file.Stream.Write(head);
            c.BytesWritten += BinaryEdgeHeader.Size;
        }
        file.Commit();
        c.WriteSeconds += Stopwatch.GetElapsedTime(t).TotalSeconds;
        return c;
    }

    private static RankCounters Stream(ChungLuModel model, RowAssignment rows, GenerateRequest request, EdgeEncoding enc, Stream stream)
    {
        var sink = new StreamEdgeSink(stream, enc);
        long edges = 0;
        long t0 = Stopwatch.GetTimestamp();
        double cpu = ThreadCpuClock.Now();
        long candidates = Chunked(model, rows, request, ref sink, ref edges);
        long t1 = Stopwatch.GetTimestamp();
        cpu = ThreadCpuClock.Now() - cpu;
        sink.Flush();
        return new RankCounters
        {
            Candidates = candidates,
            Edges = edges,
            Fingerprint = sink.Fingerprint,
            BytesWritten = sink.Bytes,
            GenerateSeconds = Stopwatch.GetElapsedTime(t0, t1).TotalSeconds,
            GenerateCpuSeconds = cpu,
            WriteSeconds = Stopwatch.GetElapsedTime(t1).TotalSeconds,
        };
    }

    private static List<string> Finish(ICommunicator comm, ChungLuModel model, GenerateRequest request, RankCounters[] all)
    {
        var files = new List<string>();
        if (request.Format == EdgeFormat.Count) return files;
        string outPath = request.Out!;
        if (request.PerRankFiles)
        {
            for (int r = 0; r < all.Length; r++) files.Add(PerRankPath(outPath, r, request.Format));
            if (comm.Rank == 0) WriteManifest(model, request, all, files);
            files.Add(ManifestPath(outPath));
            comm.Barrier();
            return files;
        }
        files.Add(outPath);
        bool merged = comm.Size > 1 || request.Format == EdgeFormat.Metis;
        if (!merged) return files;
        string? error = null;
        if (comm.Rank == 0)
        {
            try
            {
                if (request.Format == EdgeFormat.Metis) MetisWriter.Write(outPath, model.N, all.Length, r => PartPath(outPath, r));
                else Merge(model, request, all, outPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HpcKitDataException)
            {
                error = e.Message;
            }
        }
        comm.Barrier();
        TryDelete(PartPath(outPath, comm.Rank));
        int failed = comm.AllReduce(error == null ? 0 : 1, ReduceOp.Max);
        if (failed != 0) throw new HpcKitDataException(error ?? $"{outPath}: rank 0 could not assemble the output");
        return files;
    }

    private static void Merge(ChungLuModel model, GenerateRequest request, RankCounters[] all, string outPath)
    {
        long edges = 0;
        ulong fp = 0;
        foreach (var r in all)
        {
            edges += r.Edges;
            fp += r.Fingerprint;
        }
        using var file = AtomicFile.Create(outPath);
        if (request.Format == EdgeFormat.Bin)
        {
            var head = new byte[BinaryEdgeHeader.Size];
            Header(model, request, 0, 1, edges, fp).WriteTo(head);
            file.Stream.Write(head);
        }
        else if (request.TsvHeader)
        {
            file.Stream.Write(System.Text.Encoding.UTF8.GetBytes(TsvHeaderText(model, request, all.Length)));
        }
        for (int r = 0; r < all.Length; r++)
        {
            using var part = new FileStream(PartPath(outPath, r), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            part.CopyTo(file.Stream, 4 << 20);
        }
        file.Commit();
    }

    private static void WriteManifest(ChungLuModel model, GenerateRequest request, RankCounters[] all, List<string> files)
    {
        var sb = new StringBuilder();
        long m = 0;
        ulong fp = 0;
        foreach (var r in all)
        {
            m += r.Edges;
            fp += r.Fingerprint;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"# n\t{model.N}\n# m\t{m}\n# seed\t{model.Options.Seed}\n# P\t{all.Length}\n# scheme\t{request.Scheme.ToString().ToLowerInvariant()}\n");
        sb.Append(inv, $"# loops\t{model.Options.AllowSelfLoops.ToString().ToLowerInvariant()}\n# clamped\t{model.Clamped.ToString().ToLowerInvariant()}\n# rng_layout\t{RowKernel.RngLayout}\n# fingerprint\t{fp:x16}\n");
        sb.Append("rank\tfile\tedges\tfingerprint\n");
        for (int r = 0; r < all.Length; r++)
            sb.Append(inv, $"{r}\t{Path.GetFileName(files[r])}\t{all[r].Edges}\t{all[r].Fingerprint:x16}\n");
        AtomicFile.WriteAllText(ManifestPath(request.Out!), sb.ToString());
    }

    private static long ModelledCost(ChungLuModel model, RowAssignment rows)
    {
        long cost = 0;
        Int128 pre = 0;
        var w = model.SortedWeights;
        long next = rows.First;
        for (long u = 0; u < rows.End && u < model.N; u++)
        {
            if (u == next)
            {
                cost += RowCost.Quantised(model, (int)u, pre);
                next += rows.Step;
            }
            pre += ChungLuModel.FixedWeight(w[(int)u]);
        }
        return cost;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
