using System.Diagnostics;
using HpcKit.Core.Comm;

namespace HpcKit.Phantom.Projection;

/// <summary>
/// Local α and β of the communicator actually in use (thread ranks here, MPI under mpirun), from an all-gather of
/// one float (α ≈ time/(p−1)) and of a large block (β ≈ (time − (p−1)α)/((p−1)·bytes)); medians of repeats.
/// On threads these describe shared-memory copies, not a network — reported as "local", never used as a preset.
/// </summary>
public static class CollectiveCalibration
{
    /// <summary>(α seconds, β seconds per byte) measured on <paramref name="comm"/>; every rank must call it.</summary>
    public static (double Alpha, double Beta) Measure(ICommunicator comm, int largeFloats = 1 << 20, int repeats = 7)
    {
        ArgumentNullException.ThrowIfNull(comm);
        int p = comm.Size;
        if (p < 2) return (0, 0);
        double Time(int count)
        {
            var send = new float[count];
            var recv = new float[count * p];
            var t = new double[repeats];
            comm.AllGather<float>(send, recv);
            for (int i = 0; i < repeats; i++)
            {
                comm.Barrier();
                long s = Stopwatch.GetTimestamp();
                comm.AllGather<float>(send, recv);
                t[i] = Stopwatch.GetElapsedTime(s).TotalSeconds;
            }
            Array.Sort(t);
            return t[repeats / 2];
        }
        double small = Time(1), large = Time(largeFloats);
        double alpha = small / (p - 1);
        double beta = Math.Max(0, large - small) / ((p - 1) * (double)largeFloats * sizeof(float));
        return (alpha, beta);
    }
}
