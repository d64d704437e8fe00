using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// Simulated patterns with their cell parameters and class labels: Patterns is row-major [Count × Bins] float32.
/// </summary>
public sealed class Dataset
{
    public Dataset(int count, TofGrid grid, bool minMaxScaled, ulong seed)
    {
        Count = count;
        Grid = grid;
        MinMaxScaled = minMaxScaled;
        Seed = seed;
        Patterns = new float[(long)count * grid.Count];
        Parameters = new CellParameters[count];
        Labels = new int[count];
    }

    public int Count { get; }
    public TofGrid Grid { get; }
    public int Bins => Grid.Count;
    public bool MinMaxScaled { get; }
    public ulong Seed { get; }
    public float[] Patterns { get; }
    public CellParameters[] Parameters { get; }
    /// <summary>Published labels: trigonal 0, tetragonal 1, cubic 2.</summary>
    public int[] Labels { get; }

    /// <summary>Pattern i.</summary>
    public Span<float> Pattern(int i) => Patterns.AsSpan(i * Bins, Bins);
}
