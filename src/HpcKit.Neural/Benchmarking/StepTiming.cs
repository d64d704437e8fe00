namespace HpcKit.Neural;

/// <summary>Per-step timings of one benchmark configuration: step wall times, and FLOPs and seconds inside GEMM per step.</summary>
public sealed record StepTiming(string Model, int Threads, int Batch, double[] StepSeconds, long FlopsPerStep, long GemmFlopsPerStep,
    double GemmSecondsPerStep)
{
    /// <summary>Median step time.</summary>
    public double MedianSeconds => StepBenchmark.Median(StepSeconds);

    /// <summary>GFLOP/s of the GEMMs while inside them.</summary>
    public double GemmGflops => GemmFlopsPerStep / GemmSecondsPerStep / 1e9;

    /// <summary>Fraction of the timed steps' total time spent inside GEMM.</summary>
    public double GemmShare => GemmSecondsPerStep * StepSeconds.Length / StepSeconds.Sum();

    /// <summary>GFLOP/s of the whole step (all counted FLOPs / median step time).</summary>
    public double StepGflops => FlopsPerStep / MedianSeconds / 1e9;
}
