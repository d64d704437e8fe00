namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Outcome of one workflow run: makespan, stage records, lane accounting, final test metrics, total training
/// patterns, ρ = T_sim/T_train per phase with the overlap bound min(T_sim, T_train)/(T_sim + T_train).
/// </summary>
public sealed record WorkflowResult(WorkflowOptions Options, double Makespan, IReadOnlyList<StageRecord> Stages, IReadOnlyList<LaneSummary> Lanes,
    Metrics Final, int TrainPatterns, double[] Rho, double[] Bound, string Gantt, IReadOnlyList<AcquisitionBatch> Batches);
