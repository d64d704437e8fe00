namespace HpcKit.Phantom.Training;

/// <summary>One validation point: after <see cref="Step"/> steps, with the training-window cost up to then.</summary>
public sealed record Evaluation(int Step, double ValidationLoss, double? Accuracy, double TrainLoss, double Seconds, double Joules, double Flops, double Bytes);
