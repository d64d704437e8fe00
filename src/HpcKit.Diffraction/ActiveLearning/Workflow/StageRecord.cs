namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// One executed stage on the monotonic workflow clock (seconds since the workflow started): what ran, in which
/// phase and lane with how many threads, how many items it handled, the time it spent blocked (producers on a
/// full channel, the trainer waiting for stream completion) and the process CPU time consumed meanwhile
/// (overlapping stages each see the whole process's CPU).
/// </summary>
public sealed record StageRecord(string Stage, int Phase, string Lane, int Threads, double Start, double End, int Items, double BlockedSeconds, double CpuSeconds)
{
    /// <summary>End − Start.</summary>
    public double Duration => End - Start;
}
