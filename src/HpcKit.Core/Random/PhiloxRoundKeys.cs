using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HpcKit.Core.Random;

/// <summary>
/// Philox4x32-10 with the ten round keys of a seed precomputed and the rounds unrolled: the same bits as
/// <see cref="Philox.Block"/> (a unit test checks this), without the key schedule in the hot loop, and four blocks
/// at a time in AVX2 lanes. For generators whose inner loop draws from many streams of one seed.
/// </summary>
public readonly struct PhiloxRoundKeys
{
    private const uint M0 = Philox.M0, M1 = Philox.M1, W0 = Philox.W0, W1 = Philox.W1;

    private readonly uint _a0, _a1, _a2, _a3, _a4, _a5, _a6, _a7, _a8, _a9;
    private readonly uint _b0, _b1, _b2, _b3, _b4, _b5, _b6, _b7, _b8, _b9;

    public PhiloxRoundKeys(ulong seed)
    {
        uint k0 = (uint)seed, k1 = (uint)(seed >> 32);
        _a0 = k0; _b0 = k1;
        _a1 = k0 + W0; _b1 = k1 + W1;
        _a2 = unchecked(k0 + 2 * W0); _b2 = unchecked(k1 + 2 * W1);
        _a3 = unchecked(k0 + 3 * W0); _b3 = unchecked(k1 + 3 * W1);
        _a4 = unchecked(k0 + 4 * W0); _b4 = unchecked(k1 + 4 * W1);
        _a5 = unchecked(k0 + 5 * W0); _b5 = unchecked(k1 + 5 * W1);
        _a6 = unchecked(k0 + 6 * W0); _b6 = unchecked(k1 + 6 * W1);
        _a7 = unchecked(k0 + 7 * W0); _b7 = unchecked(k1 + 7 * W1);
        _a8 = unchecked(k0 + 8 * W0); _b8 = unchecked(k1 + 8 * W1);
        _a9 = unchecked(k0 + 9 * W0); _b9 = unchecked(k1 + 9 * W1);
    }

    /// <summary>
    /// Four consecutive blocks, counters (j + k, stream) for k = 0..3, in the lanes of two vectors: lane k of
    /// <paramref name="outLo"/> and <paramref name="outHi"/> equal <see cref="Block"/> of counter j + k. AVX2 runs the
    /// four blocks in SIMD lanes (32×32→64-bit multiplies); otherwise four scalar blocks. Bit-identical either way.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Block4(ulong j, ulong stream, out Vector256<ulong> outLo, out Vector256<ulong> outHi)
    {
        if (Avx2.IsSupported)
        {
            var mask = Vector256.Create(0xFFFFFFFFUL);
            var jv = Vector256.Create(j) + Vector256.Create(0UL, 1UL, 2UL, 3UL);
            var c0 = jv & mask;
            var c1 = Avx2.ShiftRightLogical(jv, 32);
            var c2 = Vector256.Create(stream & 0xFFFFFFFFUL);
            var c3 = Vector256.Create(stream >> 32);
            Round4(ref c0, ref c1, ref c2, ref c3, _a0, _b0, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a1, _b1, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a2, _b2, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a3, _b3, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a4, _b4, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a5, _b5, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a6, _b6, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a7, _b7, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a8, _b8, mask);
            Round4(ref c0, ref c1, ref c2, ref c3, _a9, _b9, mask);
            outLo = Avx2.ShiftLeftLogical(c1, 32) | c0;
            outHi = Avx2.ShiftLeftLogical(c3, 32) | c2;
            return;
        }
        Block(j, stream, out ulong l0, out ulong h0);
        Block(j + 1, stream, out ulong l1, out ulong h1);
        Block(j + 2, stream, out ulong l2, out ulong h2);
        Block(j + 3, stream, out ulong l3, out ulong h3);
        outLo = Vector256.Create(l0, l1, l2, l3);
        outHi = Vector256.Create(h0, h1, h2, h3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round4(ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> c2, ref Vector256<ulong> c3, uint k0, uint k1, Vector256<ulong> mask)
    {
        var p0 = Avx2.Multiply(c0.AsUInt32(), Vector256.Create((ulong)M0).AsUInt32());
        var p1 = Avx2.Multiply(c2.AsUInt32(), Vector256.Create((ulong)M1).AsUInt32());
        var n0 = Avx2.ShiftRightLogical(p1, 32) ^ c1 ^ Vector256.Create((ulong)k0);
        var n2 = Avx2.ShiftRightLogical(p0, 32) ^ c3 ^ Vector256.Create((ulong)k1);
        c1 = p1 & mask;
        c3 = p0 & mask;
        c0 = n0;
        c2 = n2;
    }

    /// <summary>Block for counter (c0..c3): low = c1:c0, high = c3:c2 after ten rounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Block(ulong lo, ulong hi, out ulong outLo, out ulong outHi)
    {
        uint c0 = (uint)lo, c1 = (uint)(lo >> 32), c2 = (uint)hi, c3 = (uint)(hi >> 32);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a0, _b0);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a1, _b1);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a2, _b2);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a3, _b3);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a4, _b4);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a5, _b5);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a6, _b6);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a7, _b7);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a8, _b8);
        Philox.Round(ref c0, ref c1, ref c2, ref c3, _a9, _b9);
        outLo = ((ulong)c1 << 32) | c0;
        outHi = ((ulong)c3 << 32) | c2;
    }
}
