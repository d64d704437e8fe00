namespace HpcKit.Neural;

/// <summary>Per-epoch mean training and validation losses, and the restored best epoch (−1 without validation).</summary>
public sealed record FitResult(double[] TrainLoss, double[] ValidationLoss, int BestEpoch, double BestValidationLoss);
