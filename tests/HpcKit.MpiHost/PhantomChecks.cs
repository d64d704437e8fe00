using HpcKit.Core.Comm;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.MpiHost;

/// <summary>
/// Phantom under mpirun (spec §10.6): ten training steps of PP, 1-D TP and Megatron on the MPI world give the same
/// CommStats counts as the closed form and losses bitwise equal to the same run on thread ranks in this process
/// (Core's collectives reduce in rank order on both transports).
/// </summary>
internal sealed class PhantomChecks : IMpiCheckSet
{
    public IEnumerable<(string Name, Action<ICommunicator> Check)> Checks()
    {
        yield return ("phantom PP threads = MPI", c => Same(c, ParallelMode.Phantom, false));
        yield return ("phantom PP fallback threads = MPI", c => Same(c, ParallelMode.Phantom, true));
        yield return ("phantom TP threads = MPI", c => Same(c, ParallelMode.Tensor, false));
        yield return ("phantom Megatron threads = MPI", c => Same(c, ParallelMode.Megatron, false));
    }

    private static void Same(ICommunicator world, ParallelMode mode, bool fallback)
    {
        int p = world.Size;
        var o = new TrainOptions
        {
            Network = new NetworkConfig { Mode = mode, Width = 24 * p, Ranks = p, Ghosts = 3, Layers = 2, Batch = 16, Seed = 7, EmulateNoReduceScatter = fallback },
            Steps = 10, WarmupSteps = 5, EvalEvery = 5, ValidationSize = 64, DataSeed = 9, Energy = "model",
        };
        var mpi = Trainer.Run(world, o);
        var threads = Ranks.Run(p, c => Trainer.Run(c, o), RankTransport.Threads)[world.Rank];
        if (!mpi.StepLosses.SequenceEqual(threads.StepLosses))
            throw new InvalidOperationException($"step losses differ: MPI {string.Join(",", mpi.StepLosses.Take(3))} … threads {string.Join(",", threads.StepLosses.Take(3))} …");
        if (!mpi.Trace.Select(e => e.ValidationLoss).SequenceEqual(threads.Trace.Select(e => e.ValidationLoss)))
            throw new InvalidOperationException("validation losses differ between MPI and threads");
        if (mpi.Counted != threads.Counted) throw new InvalidOperationException($"counts differ: MPI {mpi.Counted} threads {threads.Counted}");
        var want = ClosedForm.For(mpi.Network, world.Rank);
        if (mpi.Counted != want) throw new InvalidOperationException($"MPI counts {mpi.Counted} differ from the closed form {want}");
        if (mpi.Transport != "mpi") throw new InvalidOperationException($"transport is {mpi.Transport}, expected mpi");
    }
}
