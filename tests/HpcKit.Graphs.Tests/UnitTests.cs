using HpcKit.Core.Random;
using HpcKit.Graphs.Generation;

namespace HpcKit.Graphs.Tests;

/// <summary>Spec §7.11: Philox vectors, r/a ranges, deterministic logs, the skip at tiny p.</summary>
public class UnitTests
{
    [Theory]
    // Random123 known-answer vectors for philox4x32-10 (kat_vectors): counter, key → output
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void PhiloxMatchesRandom123AndCore(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint e0, uint e1, uint e2, uint e3)
    {
        uint a = c0, b = c1, c = c2, d = c3;
        Philox.Block(ref a, ref b, ref c, ref d, k0, k1);
        Assert.Equal((e0, e1, e2, e3), (a, b, c, d));
        var keys = new PhiloxRoundKeys(((ulong)k1 << 32) | k0);
        keys.Block(((ulong)c1 << 32) | c0, ((ulong)c3 << 32) | c2, out ulong lo, out ulong hi);
        Assert.Equal(((ulong)e1 << 32) | e0, lo);
        Assert.Equal(((ulong)e3 << 32) | e2, hi);
    }

    [Fact]
    public void UniformsStayInTheirRanges()
    {
        const double two53 = 1.0 / 9007199254740992.0;
        Assert.Equal(two53, ((0UL >> 11) + 1) * two53); // r is never 0
        Assert.Equal(1.0, ((ulong.MaxValue >> 11) + 1) * two53); // r reaches 1 exactly
        Assert.True((ulong.MaxValue >> 11) * two53 < 1.0); // a is never 1
    }

    [Fact]
    public void LnIsWithinTwoUlpOfMathLog()
    {
        var rng = new RandomStream(5, 1);
        for (int i = 0; i < 200_000; i++)
        {
            double x = i < 100_000 ? rng.NextDouble() : Math.Exp(rng.NextUniform(-700, 700));
            AssertUlp(Math.Log(x), DeterministicLog.Ln(x), 2, x);
        }
        foreach (double x in new[] { 1.0, 2.0, 0.5, Math.Sqrt(2), 1.0 / 9007199254740992.0, double.Epsilon, double.MaxValue, 1 - 1.0 / 9007199254740992.0 })
            AssertUlp(Math.Log(x), DeterministicLog.Ln(x), 2, x);
        Assert.Equal(0.0, DeterministicLog.Ln(1.0));
        Assert.Equal(double.NegativeInfinity, DeterministicLog.Ln(0.0));
        Assert.True(double.IsNaN(DeterministicLog.Ln(-1.0)));
    }

    [Fact]
    public void Log1pNegIsWithinTwoUlpOfAHighPrecisionSeries()
    {
        var rng = new RandomStream(6, 1);
        for (int i = 0; i < 20_000; i++)
        {
            double p = Math.Exp(rng.NextUniform(-60, Math.Log(0.25)));
            AssertUlp(DecimalLog1pNeg(p), DeterministicLog.Log1pNeg(p), 2, p);
        }
        for (int i = 0; i < 20_000; i++)
        {
            double p = rng.NextUniform(0.25, 1);
            if (p >= 1) continue;
            double u = 1 - p;
            double exact = p >= 0.5 ? Math.Log(u) : (double)DecimalLn1m(p);
            AssertUlp(exact, DeterministicLog.Log1pNeg(p), 2, p);
        }
        // p = 2^-60: 1 − p rounds to 1, log1p keeps the value
        Assert.Equal(-Math.Pow(2, -60), DeterministicLog.Log1pNeg(Math.Pow(2, -60)));
    }

    // Reference: ln(1 − p) = −2·atanh(y), y = p/(2 − p), summed in double-double arithmetic (≈ 106 bits).
    private static double DecimalLog1pNeg(double p) => DdLn1m(p);

    private static double DecimalLn1m(double p) => DdLn1m(p);

    private static double DdLn1m(double p)
    {
        var y = Dd.Div(new Dd(p, 0), Dd.Add(new Dd(2, 0), new Dd(-p, 0)));
        var y2 = Dd.Mul(y, y);
        var term = y;
        var sum = new Dd(0, 0);
        for (int k = 0; k < 400; k++)
        {
            var t = Dd.Div(term, new Dd(2 * k + 1, 0));
            sum = Dd.Add(sum, t);
            if (Math.Abs(t.Hi) < 1e-40 * Math.Abs(sum.Hi)) break;
            term = Dd.Mul(term, y2);
        }
        return -2 * (sum.Hi + sum.Lo);
    }

    private readonly record struct Dd(double Hi, double Lo)
    {
        public static Dd Add(Dd a, Dd b)
        {
            double s = a.Hi + b.Hi, bb = s - a.Hi, e = (a.Hi - (s - bb)) + (b.Hi - bb) + a.Lo + b.Lo;
            double h = s + e;
            return new Dd(h, e - (h - s));
        }

        public static Dd Mul(Dd a, Dd b)
        {
            double p = a.Hi * b.Hi, e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p) + a.Hi * b.Lo + a.Lo * b.Hi;
            double h = p + e;
            return new Dd(h, e - (h - p));
        }

        public static Dd Div(Dd a, Dd b)
        {
            double q = a.Hi / b.Hi;
            var r = Add(a, Mul(b, new Dd(-q, 0)));
            double q2 = r.Hi / b.Hi;
            double h = q + q2;
            return new Dd(h, q2 - (h - q));
        }
    }

    private static void AssertUlp(double expected, double actual, long ulps, double x)
    {
        long d = Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual));
        Assert.True(d <= ulps, $"x={x:R}: expected {expected:R}, got {actual:R} ({d} ulp)");
    }

    [Fact]
    public void SkipAtTinyPIsFiniteAndCorrect()
    {
        double p = Math.Pow(2, -60);
        // smallest r: t ≈ 36.7·2^60 exceeds the long range; compared as double it ends the row
        Assert.Equal(-1, RowKernel.NextCandidate(1.0 / 9007199254740992.0, p, 0, long.MaxValue));
        // r just below 1: ln r = −2^-53, t = 2^-53/2^-60 = 128 exactly
        Assert.Equal(128, RowKernel.NextCandidate(1 - 1.0 / 9007199254740992.0, p, 0, 1000));
        // r = 1: zero skip
        Assert.Equal(5, RowKernel.NextCandidate(1.0, 0.3, 5, 10));
        // r = 2^-53 with p = 0.5: t = 53 exactly → lands at v + 53 or ends the row
        Assert.Equal(53, RowKernel.NextCandidate(1.0 / 9007199254740992.0, 0.5, 0, 100));
        Assert.Equal(-1, RowKernel.NextCandidate(1.0 / 9007199254740992.0, 0.5, 0, 53));
    }

    [Fact]
    public void FingerprintIsSymmetricAndOrderFree()
    {
        Assert.Equal(EdgeFingerprint.Of(3, 9), EdgeFingerprint.Of(9, 3));
        Assert.NotEqual(EdgeFingerprint.Of(3, 9), EdgeFingerprint.Of(3, 8));
        Assert.Equal(EdgeFingerprint.Of(1, 2) + EdgeFingerprint.Of(4, 5), EdgeFingerprint.Of(4, 5) + EdgeFingerprint.Of(2, 1));
    }
}
