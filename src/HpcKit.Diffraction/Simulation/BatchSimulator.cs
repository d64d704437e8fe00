using HpcKit.Core.Random;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// Many prototype patterns across threads (fast path, NOMAD bank 4, default grid). Sample i of a random set draws its
/// parameters from stream (seed, i) of <see cref="RandomStream"/>, so the dataset is bit-identical for any thread count.
/// </summary>
public static class BatchSimulator
{
    /// <summary>countPerClass uniform random points per class (class-major order), simulated on <paramref name="threads"/> threads.</summary>
    public static Dataset Random(IReadOnlyList<PrototypeClass> classes, int countPerClass, ulong seed, int threads = 1, bool minMax = false, IProgress<int>? progress = null,
        TofProfileMode mode = TofProfileMode.Gsas2Default)
    {
        var pts = new List<(PrototypeClass, CellParameters)>(classes.Count * countPerClass);
        foreach (var cls in classes)
        {
            var box = ParameterBox.For(cls);
            for (int i = 0; i < countPerClass; i++)
            {
                var rng = new RandomStream(seed, ((ulong)(uint)cls << 40) | (uint)i);
                pts.Add((cls, box.Sample(ref rng)));
            }
        }
        return Simulate(pts, seed, threads, minMax, progress, mode);
    }

    /// <summary>A sweep: every given point of a class.</summary>
    public static Dataset Sweep(PrototypeClass cls, IReadOnlyList<CellParameters> points, int threads = 1, bool minMax = false, IProgress<int>? progress = null,
        TofProfileMode mode = TofProfileMode.Gsas2Default) =>
        Simulate(points.Select(p => (cls, p)).ToList(), 0, threads, minMax, progress, mode);

    /// <summary>Simulates the given (class, parameters) list in order.</summary>
    public static Dataset Simulate(IReadOnlyList<(PrototypeClass Class, CellParameters P)> points, ulong seed, int threads = 1, bool minMax = false, IProgress<int>? progress = null,
        TofProfileMode mode = TofProfileMode.Gsas2Default)
    {
        var grid = TofGrid.Default;
        var ds = new Dataset(points.Count, grid, minMax, seed);
        foreach (var c in points.Select(p => p.Class).Distinct()) PrototypeSimulator.Get(c, mode); // build caches before timing-sensitive work
        const int chunk = 64;
        int chunks = (points.Count + chunk - 1) / chunk;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, ch =>
        {
            int lo = ch * chunk, hi = Math.Min(points.Count, lo + chunk);
            for (int i = lo; i < hi; i++)
            {
                var (cls, p) = points[i];
                var y = ds.Pattern(i);
                PrototypeSimulator.Get(cls, mode).Simulate(p, y);
                if (minMax) PatternScaling.MinMax(y);
                ds.Parameters[i] = p;
                ds.Labels[i] = (int)cls;
            }
            progress?.Report(hi - lo);
        });
        return ds;
    }
}
