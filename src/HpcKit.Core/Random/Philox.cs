using System.Runtime.CompilerServices;

namespace HpcKit.Core.Random;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): a keyed bijection of a
/// 128-bit counter. Same key and counter give the same 128 bits on any machine, thread or rank.
/// </summary>
public static class Philox
{
    internal const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Ten rounds of Philox4x32 on counter (c0..c3) with key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Block(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        for (int i = 0; i < 10; i++)
        {
            Round(ref c0, ref c1, ref c2, ref c3, k0, k1);
            k0 += W0;
            k1 += W1;
        }
    }

    /// <summary>One Philox4x32 round with round key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Round(ref uint c0, ref uint c1, ref uint c2, ref uint c3, uint k0, uint k1)
    {
        ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
        uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
        uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
        c1 = (uint)p1;
        c3 = (uint)p0;
        c0 = n0;
        c2 = n2;
    }
}
