namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>A fixed-size block of simulated patterns in flight through the streaming channel, tagged with sample ids.</summary>
public sealed record PatternChunk(long[] Ids, CellPoint[] Points, float[] Data, int Width)
{
    /// <summary>Patterns in the chunk.</summary>
    public int Count => Ids.Length;
}
