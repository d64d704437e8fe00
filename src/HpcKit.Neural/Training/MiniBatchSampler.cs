using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// Seeded mini-batch order: epoch e is a Fisher–Yates permutation drawn from RandomStream(seed, streamBase + e), so
/// the batches are the same on every rank and every run. Batches are consecutive slices of the permutation; the last
/// partial batch is dropped when <see cref="DropLast"/>.
/// </summary>
public sealed class MiniBatchSampler
{
    private readonly int[] _order;
    private readonly ulong _seed, _streamBase;

    /// <summary>A sampler over <paramref name="count"/> samples.</summary>
    public MiniBatchSampler(int count, int batchSize, ulong seed, bool dropLast = false, bool shuffle = true, ulong streamBase = 0)
    {
        if (count < 1 || batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "sampler: count and batch size must be ≥ 1");
        Count = count;
        BatchSize = batchSize;
        DropLast = dropLast;
        Shuffle = shuffle;
        _seed = seed;
        _streamBase = streamBase;
        _order = new int[count];
        for (int i = 0; i < count; i++) _order[i] = i;
    }

    /// <summary>Samples.</summary>
    public int Count { get; }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Drop the last partial batch.</summary>
    public bool DropLast { get; }

    /// <summary>Shuffle every epoch (false: identity order).</summary>
    public bool Shuffle { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => DropLast ? Count / BatchSize : (Count + BatchSize - 1) / BatchSize;

    /// <summary>The current permutation.</summary>
    public ReadOnlySpan<int> Order => _order;

    /// <summary>Draws epoch <paramref name="epoch"/>'s order (independent of earlier epochs).</summary>
    public void StartEpoch(long epoch)
    {
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        if (!Shuffle) return;
        var rng = new RandomStream(_seed, _streamBase + (ulong)epoch);
        rng.Shuffle(_order.AsSpan());
    }

    /// <summary>Sample indices of batch <paramref name="b"/> of the current epoch.</summary>
    public ReadOnlySpan<int> Batch(int b)
    {
        if ((uint)b >= (uint)BatchCount) throw new ArgumentOutOfRangeException(nameof(b));
        int start = b * BatchSize;
        return _order.AsSpan(start, Math.Min(BatchSize, Count - start));
    }
}
