using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class StreamingTests
{
    private static CellPoint[] Points(int n) => ParameterSpace.UniformSet((n + 2) / 3, 17, 1)[..n];

    [Theory]
    [InlineData(1, 1, 1, 0, 0)]     // one producer, chunk of 1, capacity 1
    [InlineData(4, 7, 2, 0, 3)]     // fast producers, slow consumer: producers block on the full channel
    [InlineData(3, 32, 16, 2, 0)]   // slow producers, fast consumer
    [InlineData(2, 5, 1, 1, 1)]     // both slow, capacity 1
    public void EveryPatternIsDeliveredExactlyOnceInIdOrder(int threads, int chunk, int capacity, int producerMs, int consumerMs)
    {
        const int n = 203;
        var pts = Points(n);
        var sim = new SlowSimulator(64, k => producerMs == 0 ? 0 : (k % 5 == 0 ? producerMs : 0));
        var opts = new StreamingOptions(chunk, capacity) { OnCollect = _ => { if (consumerMs > 0) Thread.Sleep(consumerMs); } };
        var s = StreamingSimulation.Start(sim, pts, 1000, threads, opts);
        var set = s.Completion.GetAwaiter().GetResult();
        Assert.Equal(n, set.Count);
        Assert.Equal(n, sim.Calls);
        var reference = new LatticePeakSimulator(64);
        var buf = new float[64];
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1000 + i, set.Id(i));
            Assert.Equal(pts[i], set.Point(i));
            reference.Simulate(pts[i], buf);
            Assert.True(set.Pattern(i).SequenceEqual(buf));
        }
        Assert.InRange(s.MaxChannelDepth, 0, capacity);
        Assert.Equal((n + chunk - 1) / chunk, s.Chunks.Written);
        Assert.Equal(s.Chunks.Written, s.Chunks.Read);
    }

    [Fact]
    public void ChannelDepthNeverExceedsCapacityUnderASlowConsumer()
    {
        var sim = new SlowSimulator(32, _ => 0);
        var opts = new StreamingOptions(4, 3) { OnCollect = _ => Thread.Sleep(2) };
        var s = StreamingStart(sim, 400, 4, opts);
        Assert.Equal(400, s.Completion.GetAwaiter().GetResult().Count);
        Assert.InRange(s.MaxChannelDepth, 1, 3);
    }

    private static StreamingSimulation StreamingStart(IPatternSimulator sim, int n, int threads, StreamingOptions opts) =>
        StreamingSimulation.Start(sim, Points(n), 0, threads, opts);

    [Fact]
    public void AProducerFaultFaultsTheCompletion()
    {
        var sim = new SlowSimulator(32, _ => 0, failAt: 50);
        var s = StreamingSimulation.Start(sim, Points(300), 0, 3, new StreamingOptions(8, 2));
        var e = Assert.ThrowsAny<Exception>(() => s.Completion.GetAwaiter().GetResult());
        Assert.Contains("injected simulator fault", e.Message);
    }

    [Fact]
    public void CancellationStopsProducersAndCollector()
    {
        using var cts = new CancellationTokenSource();
        var sim = new SlowSimulator(32, k => { if (k == 20) cts.Cancel(); return 1; });
        var s = StreamingSimulation.Start(sim, Points(3000), 0, 2, new StreamingOptions(4, 2), cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => s.Completion.GetAwaiter().GetResult());
        Assert.True(sim.Calls < 3000);
    }

    [Fact]
    public void BatchSimulationKeepsPointOrderWhateverTheTiming()
    {
        var pts = Points(100);
        var a = PatternSimulation.Run(new SlowSimulator(48, k => k % 7 == 0 ? 2 : 0), pts, 4, 5);
        var b = PatternSimulation.Run(new LatticePeakSimulator(48), pts, 1, 5);
        Assert.True(a.Patterns.SequenceEqual(b.Patterns));
        Assert.Equal(5, a.Id(0));
        Assert.Equal(104, a.Id(99));
    }
}
