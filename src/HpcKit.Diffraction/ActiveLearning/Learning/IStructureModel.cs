namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The learner of active learning: a multitask network that is trained phase by phase (each phase continues
/// from the current state — warm start — and ends restored to its best-validation checkpoint) and predicts
/// class logits, normalised cell parameters and a log-variance. Patterns are min–max scaled already.
/// </summary>
public interface IStructureModel
{
    /// <summary>A short description (architecture, parameter count).</summary>
    string Description { get; }

    /// <summary>Trains one phase of <paramref name="epochs"/> epochs from the current state; shuffles with (seed, <see cref="StreamIds.Shuffle"/>(phase)).</summary>
    PhaseTraining TrainPhase(PatternSet train, PatternSet validation, int epochs, ulong seed, int phase, int threads, CancellationToken cancel = default);

    /// <summary>One deterministic forward pass per pattern.</summary>
    void Predict(PatternSet patterns, Span<Prediction> output, int threads);

    /// <summary>An independent copy of the whole state (weights and optimiser), e.g. to branch a baseline from phase 0.</summary>
    IStructureModel Clone();

    /// <summary>Saves the weights (safetensors).</summary>
    void Save(string path);
}
