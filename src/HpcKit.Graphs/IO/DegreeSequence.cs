using HpcKit.Core;

namespace HpcKit.Graphs.IO;

/// <summary>
/// Weights from an existing graph (spec §6.2): w_u = observed degree of u in an edge list (a self-loop counts 2,
/// duplicate lines count as given); n = max id + 1 unless given; nodes without edges get weight 0.
/// </summary>
public static class DegreeSequence
{
    /// <summary>Degrees of the edge list at <paramref name="path"/> (text or binary).</summary>
    public static double[] FromEdgeList(string path, long n = 0)
    {
        var deg = new long[1024];
        long maxId = -1;
        EdgeListReader.ForEach(path, (a, b) =>
        {
            long hi = Math.Max(a, b);
            if (hi >= Array.MaxLength - 1) throw new HpcKitDataException(path, 0, $"node id {hi} exceeds the in-memory limit");
            if (hi >= deg.Length) Array.Resize(ref deg, (int)Math.Min(Array.MaxLength - 1, Math.Max(hi + 1, 2L * deg.Length)));
            deg[a]++;
            deg[b]++;
            maxId = Math.Max(maxId, hi);
        });
        long count = n > 0 ? n : maxId + 1;
        if (count <= 0) throw new HpcKitDataException(path, 0, "the edge list has no edges, so there are no nodes (n = 0)");
        if (maxId >= count) throw new HpcKitDataException(path, 0, $"node id {maxId} is not below the given n = {count}");
        var w = new double[count];
        for (long i = 0; i <= maxId; i++) w[i] = deg[i];
        return w;
    }
}
