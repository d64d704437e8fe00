using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.IO;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Tests;

/// <summary>Spec §6 and §7.11: binary, TSV, METIS, per-rank files and manifest round-trip; bad input fails cleanly.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hk-graphs-").FullName;
    private static readonly ChungLuModel Model = Instances.Model(Instances.ShuffledPowerLaw(3000, 2.5, 8, 0, 31), seed: 17);

    public void Dispose() => Directory.Delete(_dir, true);

    private static (HashSet<(long, long)> Set, ulong Fp) Reference()
    {
        var sink = new ListSink();
        ChungLuGenerator.Generate(Model, ref sink);
        ulong fp = 0;
        var set = new HashSet<(long, long)>();
        foreach (var (a, b) in sink.Edges)
        {
            set.Add((Math.Min(a, b), Math.Max(a, b)));
            fp += EdgeFingerprint.Of(a, b);
        }
        return (set, fp);
    }

    private static HashSet<(long, long)> ReadSet(string path, out BinaryEdgeHeader? header)
    {
        var set = new HashSet<(long, long)>();
        header = EdgeListReader.ForEach(path, (a, b) => Assert.True(set.Add((Math.Min(a, b), Math.Max(a, b)))));
        return set;
    }

    [Theory]
    [InlineData(1, PartitionScheme.Ucp)]
    [InlineData(3, PartitionScheme.Rrp)]
    [InlineData(4, PartitionScheme.Unp)]
    public void BinaryAndTsvRoundTrip(int p, PartitionScheme scheme)
    {
        var (set, fp) = Reference();
        string bin = Path.Combine(_dir, $"g{p}.bin"), tsv = Path.Combine(_dir, $"g{p}.tsv");
        Ranks.Run(p, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Scheme = scheme, Format = EdgeFormat.Bin, Out = bin }), RankTransport.Threads);
        Ranks.Run(p, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Scheme = scheme, Format = EdgeFormat.Tsv, Out = tsv }), RankTransport.Threads);
        Assert.Equal(set, ReadSet(bin, out var h));
        Assert.NotNull(h);
        Assert.Equal((4, 3000L, (long)set.Count, 17UL, fp, 1u), (h!.IdWidth, h.N, h.Edges, h.Seed, h.Fingerprint, h.RngLayout));
        Assert.Equal(set, ReadSet(tsv, out var none));
        Assert.Null(none);
        Assert.All(File.ReadLines(tsv), l => Assert.Matches(@"^\d+\t\d+$", l));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp*"));
    }

    [Fact]
    public void MergedFileEqualsTheSequentialOneUpToEdgeOrder()
    {
        string a = Path.Combine(_dir, "a.bin"), b = Path.Combine(_dir, "b.bin");
        Ranks.Run(1, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Bin, Out = a }), RankTransport.Threads);
        Ranks.Run(3, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Bin, Out = b }), RankTransport.Threads);
        byte[] x = File.ReadAllBytes(a), y = File.ReadAllBytes(b);
        Assert.Equal(x.AsSpan(0, BinaryEdgeHeader.Size).ToArray(), y.AsSpan(0, BinaryEdgeHeader.Size).ToArray()); // same n, m, seed, fingerprint
        Assert.Equal(Pairs(x), Pairs(y));
    }

    private static List<(int, int)> Pairs(byte[] file)
    {
        var list = new List<(int, int)>();
        for (int i = BinaryEdgeHeader.Size; i < file.Length; i += 8) list.Add((BitConverter.ToInt32(file, i), BitConverter.ToInt32(file, i + 4)));
        list.Sort();
        return list;
    }

    [Fact]
    public void InterleavedKernelProducesEachRowsEdgesExactly()
    {
        var one = new ListSink();
        long e1 = 0;
        for (int u = 0; u < Model.N; u++) RowKernel.Row(Model, u, ref one, ref e1);
        var all = new ListSink();
        long e2 = 0;
        RowKernel.Rows(Model, 0, Model.N, 1, ref all, ref e2);
        Assert.Equal(e1, e2);
        Assert.Equal(one.Edges.Order(), all.Edges.Order());
        // row by row, edges keep their order within a row
        var byRow = all.Edges.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.ToList());
        var expected = one.Edges.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (k, v) in expected) Assert.Equal(v, byRow[k]);
    }

    [Fact]
    public void PerRankFilesAndManifestAgree()
    {
        var (set, fp) = Reference();
        string prefix = Path.Combine(_dir, "parts.bin");
        var res = Ranks.Run(4, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Bin, Out = prefix, PerRankFiles = true, ForceInt64 = true }), RankTransport.Threads)[0];
        var all = new HashSet<(long, long)>();
        for (int r = 0; r < 4; r++)
        {
            string f = ChungLuRun.PerRankPath(prefix, r, EdgeFormat.Bin);
            Assert.EndsWith($"parts.r0000{r}.bin", f);
            var part = ReadSet(f, out var h);
            Assert.Equal((8, r, 4, part.Count, res.Ranks[r].Fingerprint), (h!.IdWidth, h.Rank, h.RankCount, (int)h.Edges, h.Fingerprint));
            all.UnionWith(part);
        }
        Assert.Equal(set, all);
        var manifest = File.ReadAllLines(ChungLuRun.ManifestPath(prefix));
        Assert.Contains($"# m\t{set.Count}", manifest);
        Assert.Contains($"# fingerprint\t{fp:x16}", manifest);
    }

    [Fact]
    public void MetisListsEveryNeighbourOnce()
    {
        var (set, _) = Reference();
        string path = Path.Combine(_dir, "g.metis");
        Ranks.Run(2, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Metis, Out = path }), RankTransport.Threads);
        var lines = File.ReadAllLines(path);
        Assert.Equal($"3000 {set.Count}", lines[0]);
        Assert.Equal(3001, lines.Length);
        var got = new HashSet<(long, long)>();
        for (int i = 1; i < lines.Length; i++)
            foreach (var t in lines[i].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                long v = long.Parse(t, CultureInfo.InvariantCulture) - 1, u = i - 1;
                got.Add((Math.Min(u, v), Math.Max(u, v)));
            }
        Assert.Equal(set, got);
        var loops = Model.WithOptions(Model.Options with { AllowSelfLoops = true });
        Assert.Throws<HpcKitUsageException>(() => Ranks.Run(1, c => ChungLuRun.Execute(c, loops, new GenerateRequest { Format = EdgeFormat.Metis, Out = path }), RankTransport.Threads));
    }

    [Fact]
    public void UnwritableOutputFailsWithoutLeavingFiles()
    {
        File.WriteAllText(Path.Combine(_dir, "file"), "x");
        string bad = Path.Combine(_dir, "file", "sub", "g.bin");
        Assert.Throws<HpcKitDataException>(() => Ranks.Run(1, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Bin, Out = bad }), RankTransport.Threads));
        Assert.Throws<HpcKitDataException>(() => Ranks.Run(2, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Tsv, Out = bad }), RankTransport.Threads));
        Assert.Single(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void WeightsFileParsesCommentsAndRejectsBadLinesWithTheirNumber()
    {
        string ok = Path.Combine(_dir, "w.txt");
        File.WriteAllText(ok, "# weights\n3\n\n  2.5 \n# c\n0\n1e1\n");
        Assert.Equal([3.0, 2.5, 0.0, 10.0], WeightsFile.Read(ok));
        foreach (var (text, line, what) in new[] { ("1\n2\n-3\n", 3, "negative"), ("1\nabc\n", 2, "not a number"), ("1\nNaN\n", 2, "not finite"), ("# c\n\n1\nInfinity\n", 4, "not finite"), ("1e300\n", 1, "2^53") })
        {
            string f = Path.Combine(_dir, "bad.txt");
            File.WriteAllText(f, text);
            var e = Assert.Throws<HpcKitDataException>(() => WeightsFile.Read(f));
            Assert.Equal(line, e.Line);
            Assert.Contains(what, e.Message);
            Assert.StartsWith(f + ":" + line + ":", e.Message);
        }
        string empty = Path.Combine(_dir, "empty.txt");
        File.WriteAllText(empty, "# nothing\n\n");
        Assert.Contains("no weights", Assert.Throws<HpcKitDataException>(() => WeightsFile.Read(empty)).Message);
        string f64 = Path.Combine(_dir, "w.f64");
        File.WriteAllBytes(f64, [.. BitConverter.GetBytes(1.5), .. BitConverter.GetBytes(4.0)]);
        Assert.Equal([1.5, 4.0], WeightsFile.Read(f64));
        File.WriteAllBytes(f64, [1, 2, 3]);
        Assert.Throws<HpcKitDataException>(() => WeightsFile.Read(f64));
    }

    [Fact]
    public void DegreeSequenceCountsLoopsTwiceAndRejectsMalformedLines()
    {
        string f = Path.Combine(_dir, "e.txt");
        File.WriteAllText(f, "# edges\n0 1\n1\t2\n2 2\n\n% x\n0 1\n");
        Assert.Equal([2.0, 3.0, 3.0, 0.0], DegreeSequence.FromEdgeList(f, 4));
        File.WriteAllText(f, "0 1\n1 x\n");
        var e = Assert.Throws<HpcKitDataException>(() => DegreeSequence.FromEdgeList(f));
        Assert.Equal(2, e.Line);
        File.WriteAllText(f, "0 1\n3\n");
        Assert.Equal(2, Assert.Throws<HpcKitDataException>(() => DegreeSequence.FromEdgeList(f)).Line);
        string bin = Path.Combine(_dir, "g.bin");
        Ranks.Run(1, c => ChungLuRun.Execute(c, Model, new GenerateRequest { Format = EdgeFormat.Bin, Out = bin }), RankTransport.Threads);
        var deg = DegreeSequence.FromEdgeList(bin);
        Assert.Equal(2 * Reference().Set.Count, deg.Sum());
        var bytes = File.ReadAllBytes(bin);
        bytes[0] = (byte)'X';
        File.WriteAllBytes(bin, bytes);
        Assert.Throws<HpcKitDataException>(() => DegreeSequence.FromEdgeList(bin)); // not our magic: parsed as text, fails
    }
}
