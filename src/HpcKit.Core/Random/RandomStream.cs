using System.Runtime.CompilerServices;

namespace HpcKit.Core.Random;

/// <summary>
/// A counter-based random stream keyed by (seed, stream id): Philox4x32-10 with key = seed and the counter's
/// high half = stream id, low half = position. Any worker derives stream (seed, id) without communication, so
/// results do not depend on thread or rank counts. A mutable struct: pass by ref.
/// <list type="bullet">
/// <item><see cref="NextDouble"/> — uniform in (0, 1], 53 bits, never 0 (safe under log).</item>
/// <item><see cref="NextNormal()"/> — standard normal by Box–Muller on two uniforms.</item>
/// <item><see cref="NextGeometric"/> — failures before the first success, P(k) = (1−p)^k p.</item>
/// </list>
/// </summary>
public struct RandomStream
{
    private readonly uint _k0, _k1, _s0, _s1;
    private ulong _counter;
    private ulong _spare;
    private bool _hasSpare;
    private double _spareNormal;
    private bool _hasNormal;

    public RandomStream(ulong seed, ulong streamId)
    {
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
        _s0 = (uint)streamId;
        _s1 = (uint)(streamId >> 32);
        _counter = 0;
        _spare = 0;
        _hasSpare = false;
        _spareNormal = 0;
        _hasNormal = false;
    }

    /// <summary>The stream for (seed, streamId) advanced by <paramref name="blocks"/> Philox blocks (2 ulongs each).</summary>
    public static RandomStream At(ulong seed, ulong streamId, ulong blocks)
    {
        var s = new RandomStream(seed, streamId);
        s._counter = blocks;
        return s;
    }

    /// <summary>64 uniformly random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        uint c0 = (uint)_counter, c1 = (uint)(_counter >> 32), c2 = _s0, c3 = _s1;
        _counter++;
        Philox.Block(ref c0, ref c1, ref c2, ref c3, _k0, _k1);
        _spare = ((ulong)c3 << 32) | c2;
        _hasSpare = true;
        return ((ulong)c1 << 32) | c0;
    }

    /// <summary>Uniform double in (0, 1]: (k + 1)·2⁻⁵³ for a uniform 53-bit k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform float in (0, 1].</summary>
    public float NextSingle() => ((NextUInt64() >> 40) + 1) * (1.0f / (1 << 24));

    /// <summary>Uniform integer in [0, n) (Lemire's multiply-shift with rejection, unbiased).</summary>
    public ulong NextBelow(ulong n)
    {
        if (n == 0) throw new ArgumentOutOfRangeException(nameof(n));
        ulong x = NextUInt64();
        UInt128 m = (UInt128)x * n;
        ulong lo = (ulong)m;
        if (lo < n)
        {
            ulong t = (0 - n) % n;
            while (lo < t)
            {
                x = NextUInt64();
                m = (UInt128)x * n;
                lo = (ulong)m;
            }
        }
        return (ulong)(m >> 64);
    }

    /// <summary>Uniform in [lo, hi).</summary>
    public double NextUniform(double lo, double hi) => hi - (hi - lo) * NextDouble();

    /// <summary>Standard normal (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasNormal)
        {
            _hasNormal = false;
            return _spareNormal;
        }
        double r = Math.Sqrt(-2.0 * Math.Log(NextDouble()));
        double t = 2.0 * Math.PI * NextDouble();
        (double s, double c) = Math.SinCos(t);
        _spareNormal = r * s;
        _hasNormal = true;
        return r * c;
    }

    /// <summary>Normal with mean and standard deviation.</summary>
    public double NextNormal(double mean, double sd) => mean + sd * NextNormal();

    /// <summary>
    /// Geometric: the number of failures before the first success with success probability p ∈ (0, 1],
    /// ⌊ln U / ln(1−p)⌋ with U in (0,1]. Returns long.MaxValue when the skip exceeds the range.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextGeometric(double p)
    {
        if (p >= 1.0) return 0;
        double k = Math.Log(NextDouble()) / Math.Log(1.0 - p);
        return k < 9.2e18 ? (long)k : long.MaxValue;
    }

    /// <summary>
    /// Geometric skip with a precomputed 1/ln(1−p) (negative); the hot-loop form for callers that reuse p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long NextGeometricWithInverseLog(double inverseLog1MinusP)
    {
        double k = Math.Log(NextDouble()) * inverseLog1MinusP;
        return k < 9.2e18 ? (long)k : long.MaxValue;
    }

    /// <summary>Fisher–Yates shuffle of <paramref name="items"/>.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)NextBelow((ulong)i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
