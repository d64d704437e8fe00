using HpcKit.Core.LinearAlgebra;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

/// <summary>Runs alone: it sets the process-global BLAS thread count.</summary>
[CollectionDefinition(nameof(BlasThreadsCollection), DisableParallelization = true)]
public sealed class BlasThreadsCollection
{
}

[Collection(nameof(BlasThreadsCollection))]
public class BlasThreadsTests
{
    [Fact]
    public void TrainingAndPredictionRestoreTheBlasThreadCount()
    {
        const int W = 200;
        var sim = new LatticePeakSimulator(W);
        var train = PatternSimulation.Run(sim, ParameterSpace.UniformSet(6, 4, 1), 1);
        var val = PatternSimulation.Run(sim, ParameterSpace.UniformSet(4, 4, 2), 1);
        var m = new StructureCnn(W, CnnSize.Compact, new CnnTrainingOptions(MiniBatch: 12, MicroShards: 2), 1);
        int before = Blas.Current.Threads;
        try
        {
            Blas.Current.Threads = 3;
            m.TrainPhase(train, val, 1, 1, 0, 2);
            Assert.Equal(3, Blas.Current.Threads);
            m.Predict(val, new Prediction[val.Count], 2);
            Assert.Equal(3, Blas.Current.Threads);
            m.ValidationLoss(val, 1);
            Assert.Equal(3, Blas.Current.Threads);
            Assert.Throws<OperationCanceledException>(() => m.TrainPhase(train, val, 1, 1, 1, 1, new CancellationToken(true)));
            Assert.Equal(3, Blas.Current.Threads); // restored on the exception path too
        }
        finally { Blas.Current.Threads = before; }
    }
}
