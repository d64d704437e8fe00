using HpcKit.Graphs.Generation;
using Xunit.Abstractions;

namespace HpcKit.Graphs.Tests;

/// <summary>
/// Spec §7.10: the statistical battery (tests 2–4, no fingerprints) must reject each deliberately broken kernel,
/// and must accept the unmutated transcription, which also reproduces the fast kernel's edges exactly.
/// The instance has shuffled labels so a missing label map is visible. Fixed seeds: deterministic outcome.
/// </summary>
public class MutationTests(ITestOutputHelper output)
{
    private static readonly Lazy<Model.ChungLuModel> Instance = new(Shuffled);

    private static Model.ChungLuModel Shuffled()
    {
        var w = Instances.Spread(32, 0.5, 9);
        var rng = new Core.Random.RandomStream(3, 3);
        rng.Shuffle(w.AsSpan());
        return Instances.Model(w);
    }

    [Fact]
    public void UnmutatedTranscriptionEqualsTheFastKernel()
    {
        var model = Instance.Value.WithSeed(42);
        var a = new ListSink();
        var b = new ListSink();
        ChungLuGenerator.Generate(model, ref a);
        MutantKernel.Generate(model, KernelMutation.None, ref b);
        Assert.Equal(a.Edges.Order(), b.Edges.Order()); // the fast kernel interleaves rows: same edges, other order
        var bad = new Battery(model, Battery.Mutant(KernelMutation.None), 20_000, 500).Rejections();
        Assert.True(bad.Count == 0, string.Join("; ", bad));
    }

    [Theory]
    [InlineData(KernelMutation.AcceptWithQ)]
    [InlineData(KernelMutation.NoAdvanceAfterCandidate)]
    [InlineData(KernelMutation.SkipOffByOne)]
    [InlineData(KernelMutation.LowerEnvelopeAtNonCandidates)]
    [InlineData(KernelMutation.SharedStream)]
    [InlineData(KernelMutation.NoLabelMap)]
    internal void BatteryRejectsBrokenVariant(KernelMutation mutation)
    {
        var b = new Battery(Instance.Value, Battery.Mutant(mutation), 20_000, 500);
        var bad = b.Rejections();
        output.WriteLine($"{mutation}: caught by {(bad.Count == 0 ? "nothing" : string.Join("; ", bad))}");
        Assert.NotEmpty(bad);
    }
}
