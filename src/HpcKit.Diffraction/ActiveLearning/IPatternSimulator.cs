namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The oracle of active learning: one powder pattern per parameter point. Implementations must be safe to
/// call from several threads at once and deterministic (the same point gives the same pattern).
/// </summary>
public interface IPatternSimulator
{
    /// <summary>Bins per pattern (2806 for NOMAD bank 4).</summary>
    int Width { get; }

    /// <summary>Writes the pattern of <paramref name="point"/> into <paramref name="destination"/> (length <see cref="Width"/>).</summary>
    void Simulate(in CellPoint point, Span<float> destination);
}
