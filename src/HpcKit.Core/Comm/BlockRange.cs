namespace HpcKit.Core.Comm;

/// <summary>
/// The standard block split of n items over p parts: part r gets ⌊n/p⌋ items, plus one when r &lt; n mod p.
/// Used for all-reduce chunks and for any equal-count partition.
/// </summary>
public readonly record struct BlockRange(long Start, long Count)
{
    public long End => Start + Count;

    /// <summary>The block of part <paramref name="part"/> of <paramref name="parts"/> over <paramref name="n"/> items.</summary>
    public static BlockRange Of(long n, int parts, int part)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        if ((uint)part >= (uint)parts) throw new ArgumentOutOfRangeException(nameof(part));
        long q = n / parts, rem = n % parts;
        long start = part * q + Math.Min(part, rem);
        return new BlockRange(start, q + (part < rem ? 1 : 0));
    }
}
