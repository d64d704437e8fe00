namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Busy/idle accounting of one lane: busy = time covered by its stages, idle = makespan − busy;
/// core-seconds = Σ threads × duration, and its share of lane threads × makespan.
/// </summary>
public sealed record LaneSummary(string Lane, int Threads, double Busy, double Idle, double BusyFraction, double CoreSeconds, double CoreBusyFraction, double BlockedSeconds);
