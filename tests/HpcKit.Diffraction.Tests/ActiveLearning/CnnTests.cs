using HpcKit.Core;
using HpcKit.Diffraction.ActiveLearning;
using HpcKit.Neural;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class CnnTests
{
    private const int W = 200;

    private static (PatternSet Train, PatternSet Val) Data(int perClass, ulong seed)
    {
        var sim = new LatticePeakSimulator(W);
        return (PatternSimulation.Run(sim, ParameterSpace.UniformSet(perClass, seed, 1), 1),
                PatternSimulation.Run(sim, ParameterSpace.UniformSet(perClass / 2 + 1, seed, 2), 1));
    }

    private static StructureCnn Model(ulong seed = 3, int shards = 4) => new(W, CnnSize.Compact, new CnnTrainingOptions(MiniBatch: 12, MicroShards: shards), seed);

    /// <summary>Both models predict <paramref name="val"/> identically (each with its own thread count).</summary>
    private static void AssertSamePredictions(StructureCnn a, int threadsA, StructureCnn b, int threadsB, PatternSet val)
    {
        var pa = new Prediction[val.Count];
        var pb = new Prediction[val.Count];
        a.Predict(val, pa, threadsA);
        b.Predict(val, pb, threadsB);
        Assert.Equal(pa, pb);
    }

    private static float[] Weights(StructureCnn m) => m.Network.Parameters.SelectMany(p => p.Value.Span.ToArray()).ToArray();

    [Fact]
    public void ParameterCountsMatchTheSpec()
    {
        Assert.Equal(359_479, new StructureCnn(2806, CnnSize.Compact, new CnnTrainingOptions(MicroShards: 1), 1).ParameterCount);
        Assert.Equal(2_871_399, new StructureCnn(2806, CnnSize.Paper, new CnnTrainingOptions(MicroShards: 1), 1).ParameterCount);
    }

    [Fact]
    public void WarmStartContinuesFromTheBestCheckpointIncludingAdamState()
    {
        var (train, val) = Data(12, 1);
        var a = Model();
        var p0 = a.TrainPhase(train, val, 3, 7, 0, 1);
        Assert.True(p0.BestValidationLoss < p0.StartValidationLoss, "phase 0 did not reduce the validation loss");
        // The restored best checkpoint is what the next phase starts from: its validation loss is the best one.
        Assert.Equal(p0.BestValidationLoss, a.ValidationLoss(val, 1), 12);
        long steps0 = a.OptimizerSteps;
        Assert.Equal(p0.BestEpoch * (train.Count / 12), steps0); // Adam step count restored with the checkpoint
        var b = (StructureCnn)a.Clone();
        var p1a = a.TrainPhase(train, val, 2, 7, 1, 1);
        var p1b = b.TrainPhase(train, val, 2, 7, 1, 1);
        Assert.Equal(p0.BestValidationLoss, p1a.StartValidationLoss, 12);
        Assert.True(a.OptimizerSteps >= steps0);
        Assert.Equal(Weights(a), Weights(b));
        Assert.Equal(p1a.BestValidationLoss, p1b.BestValidationLoss);
        // A fresh model trained on the same phase ends elsewhere: the warm start mattered.
        var fresh = Model();
        fresh.TrainPhase(train, val, 2, 7, 1, 1);
        Assert.NotEqual(Weights(a), Weights(fresh));
    }

    [Fact]
    public void TrainingIsIdenticalOnOneAndTwoThreads()
    {
        var (train, val) = Data(8, 2);
        var a = Model();
        var b = Model();
        a.TrainPhase(train, val, 2, 1, 0, 1);
        b.TrainPhase(train, val, 2, 1, 0, 2);
        Assert.Equal(Weights(a), Weights(b));
        AssertSamePredictions(a, 1, b, 3, val);
    }

    [Fact]
    public void CheckpointRoundTripsAndBadFilesGiveDataErrors()
    {
        var (train, val) = Data(6, 3);
        var a = Model();
        a.TrainPhase(train, val, 1, 1, 0, 1);
        string dir = Path.Combine(Path.GetTempPath(), "hpckit-al-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string f = Path.Combine(dir, "m.safetensors");
            a.Save(f);
            var b = CnnCheckpoint.Load(f);
            Assert.Equal(Weights(a), Weights(b));
            AssertSamePredictions(a, 1, b, 1, val);
            string bad = Path.Combine(dir, "bad.safetensors");
            File.WriteAllBytes(bad, [1, 2, 3]);
            var e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("bad.safetensors", e.Message);
            File.WriteAllBytes(bad, [.. BitConverter.GetBytes(2L), .. "{}"u8.ToArray()]);
            Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(Path.Combine(dir, "missing.safetensors")));
        }
        finally { Directory.Delete(dir, true); }
    }

    private static List<KeyValuePair<string, Tensor<float>>> Tensors(StructureCnn m) =>
        m.Network.Parameters.Select(p => new KeyValuePair<string, Tensor<float>>(p.Name, p.Value)).ToList();

    [Fact]
    public void CheckpointIsNeuralSafetensorsAndWrongShapesAreNamed()
    {
        var a = Model(5);
        string dir = Path.Combine(Path.GetTempPath(), "hpckit-al-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string f = Path.Combine(dir, "m.safetensors");
            a.Save(f);
            var (entries, meta) = SafeTensors.Read(f);
            Assert.Equal("structure-cnn", meta["hpckit.model"]);
            Assert.Equal("200", meta["width"]);
            Assert.Equal(a.Network.Parameters.Select(p => p.Name), entries.Select(e => e.Name));
            Assert.All(entries, e => Assert.Equal("F32", e.DType));

            // A file from before the move to ModelFile (metadata format = hpckit-structure-cnn) still loads.
            var legacyMeta = new Dictionary<string, string>
            {
                ["format"] = "hpckit-structure-cnn", ["width"] = "200", ["size"] = "compact", ["conv1"] = "8", ["conv2"] = "16", ["hidden"] = "64",
            };
            string legacy = Path.Combine(dir, "legacy.safetensors");
            SafeTensors.Write(legacy, Tensors(a), legacyMeta);
            Assert.Equal(Weights(a), Weights(CnnCheckpoint.Load(legacy)));

            // A tensor of the wrong shape: the error names the file, the tensor and both shapes.
            var wrong = Tensors(a);
            int i = wrong.FindIndex(kv => kv.Key == "7.weight");
            wrong[i] = new("7.weight", new Tensor<float>(64, 10));
            string bad = Path.Combine(dir, "wrong.safetensors");
            SafeTensors.Write(bad, wrong, legacyMeta);
            var e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("wrong.safetensors", e.Message);
            Assert.Contains("'7.weight' has shape [64, 10]", e.Message);

            // Metadata that disagrees with the tensors (width) is caught the same way.
            SafeTensors.Write(bad, Tensors(a), new Dictionary<string, string>(legacyMeta) { ["width"] = "300" });
            e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("'7.weight' has shape", e.Message);

            // A missing tensor, and a safetensors file that is not a structure CNN.
            SafeTensors.Write(bad, Tensors(a).Where(kv => kv.Key != "9.bias"), legacyMeta);
            e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("'9.bias'", e.Message);
            SafeTensors.Write(bad, Tensors(a), new Dictionary<string, string> { ["format"] = "pt" });
            e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("not an hpckit structure-CNN checkpoint", e.Message);
            SafeTensors.Write(bad, Tensors(a), new Dictionary<string, string>(legacyMeta) { ["conv1"] = "eight" });
            e = Assert.Throws<HpcKitDataException>(() => CnnCheckpoint.Load(bad));
            Assert.Contains("conv1", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ConstantPatternsAreRejected()
    {
        var set = new PatternSet(W);
        set.Add(CellPoint.Cubic(3), 0, new float[W]);
        var e = Assert.Throws<HpcKitDataException>(() => Model().Predict(set, new Prediction[1], 1));
        Assert.Contains("constant", e.Message);
    }
}
