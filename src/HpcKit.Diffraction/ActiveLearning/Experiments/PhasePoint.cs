namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// One point of a learning curve: the arm, phase, training patterns, simulated patterns (training + validation,
/// plus the study grid for arms that score it), test metrics, the training record and the batch that led here.
/// </summary>
public sealed record PhasePoint(string Arm, int Phase, int TrainPatterns, int SimulatedPatterns, Metrics Test, PhaseTraining Training, AcquisitionBatch? Batch);
