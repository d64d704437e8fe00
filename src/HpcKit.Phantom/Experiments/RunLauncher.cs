using HpcKit.Core.Comm;
using HpcKit.Phantom.Training;

namespace HpcKit.Phantom.Experiments;

/// <summary>Runs one training configuration on its ranks (threads, or the MPI world under mpirun) and returns rank 0's result.</summary>
public static class RunLauncher
{
    /// <summary>Trains <paramref name="options"/>; <paramref name="onStep"/> sees rank 0's step count.</summary>
    public static TrainResult Train(TrainOptions options, RankTransport transport = RankTransport.Threads, Action<int>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ShapedNetwork().Validate();
        return Ranks.Run(options.Network.Ranks, c => Trainer.Run(c, options, c.Rank == 0 ? onStep : null), transport)[0];
    }
}
