using System.Runtime.CompilerServices;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// Order-independent 64-bit edge-set hash (spec §5): the wrapping sum over edges of a SplitMix64-style mix of
/// (min id, max id). Partial sums of ranks or files add up to the whole graph's fingerprint.
/// </summary>
public static class EdgeFingerprint
{
    /// <summary>The contribution of edge {a, b}.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(long a, long b)
    {
        ulong lo = (ulong)Math.Min(a, b), hi = (ulong)Math.Max(a, b);
        return Mix(Mix(lo + 0x9E3779B97F4A7C15UL) ^ hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong z)
    {
        z ^= z >> 30;
        z *= 0xBF58476D1CE4E5B9UL;
        z ^= z >> 27;
        z *= 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
