using HpcKit.Core.Comm;
using HpcKit.MpiHost;

// Runs every MPI check on MPI_COMM_WORLD under `mpirun -np P`; rank 0 prints one "PASS name" or
// "FAIL name: why" line per check, after all ranks agreed. Exit code 1 when any check failed.
var world = MpiCommunicator.World;
int failures = 0;
foreach (var (name, check) in MpiChecks.All())
{
    string? error = null;
    try
    {
        check(world);
    }
    catch (Exception e)
    {
        error = e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
    }
    int bad = world.AllReduce(error == null ? 0 : 1, ReduceOp.Max);
    if (error != null) Console.Error.WriteLine($"rank {world.Rank}: {name}: {error}");
    if (world.Rank == 0) Console.WriteLine(bad == 0 ? $"PASS {name} (np={world.Size})" : $"FAIL {name} (np={world.Size}){(error != null ? ": " + error : "")}");
    failures += bad;
}
world.Barrier();
return failures == 0 ? 0 : 1;
