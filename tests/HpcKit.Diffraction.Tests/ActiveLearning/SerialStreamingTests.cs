using HpcKit.Core.Statistics;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class SerialStreamingTests
{
    [Fact]
    public void SerialAndStreamingWithEqualDataGiveAccuracyWithinSeedNoise()
    {
        // Real CNN on the lattice stand-in oracle at 200 bins (fast); 4 seeds per mode, equal-data variant.
        var preset = new AlPreset("test", 40, 20, 60, 16, 60, 2, [8, 6], 16, "compact");
        var sim = new LatticePeakSimulator(200);
        IStructureModel Factory(ulong s) => new StructureCnn(200, CnnSize.Compact, new CnnTrainingOptions(MiniBatch: 16, MicroShards: 4), s);
        var serial = new List<Metrics>();
        var stream = new List<Metrics>();
        for (ulong seed = 1; seed <= 4; seed++)
        {
            var a = WorkflowRunner.Run(preset, sim, Factory, new UncertaintyPolicy(), seed, new WorkflowOptions(WorkflowMode.Serial, 2));
            var b = WorkflowRunner.Run(preset, sim, Factory, new UncertaintyPolicy(), seed, new WorkflowOptions(WorkflowMode.Streaming, 2, 1, 1));
            Assert.Equal(a.TrainPatterns + a.Batches.Sum(x => x.Rejected), b.TrainPatterns + b.Batches.Sum(x => x.Rejected)); // equal data
            serial.Add(a.Final);
            stream.Add(b.Final);
        }
        var (ms, vs) = StatTests.MeanVar(serial.Select(m => m.Accuracy).ToArray());
        var (mt, vt) = StatTests.MeanVar(stream.Select(m => m.Accuracy).ToArray());
        // Seed noise: 2 sd of the difference of two 4-seed means, with a floor of one test pattern's worth of accuracy.
        double noise = 2 * Math.Sqrt((vs + vt) / 4) + 1.0 / 180;
        Assert.True(Math.Abs(ms - mt) <= noise, $"serial {ms:F3} ± {Math.Sqrt(vs):F3}, streaming {mt:F3} ± {Math.Sqrt(vt):F3}, bound {noise:F3}");
        Assert.True(ms > 0.5, $"the model did not learn the classes (serial accuracy {ms:F3})");
        var (ns, nvs) = StatTests.MeanVar(serial.Select(m => m.NormalisedMse).ToArray());
        var (nt, nvt) = StatTests.MeanVar(stream.Select(m => m.NormalisedMse).ToArray());
        Assert.True(Math.Abs(ns - nt) <= 2 * Math.Sqrt((nvs + nvt) / 4) + 0.01 * ns, $"nMSE serial {ns:E3}, streaming {nt:E3}");
    }
}
