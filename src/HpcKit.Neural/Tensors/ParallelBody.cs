namespace HpcKit.Neural;

/// <summary>A loop body over an index range, run by <see cref="WorkerPool"/>; subclasses keep their operands in fields so no closure is allocated.</summary>
public abstract class ParallelBody
{
    /// <summary>Processes items [start, end).</summary>
    public abstract void Run(int start, int end);
}
