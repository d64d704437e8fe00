namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>What one training phase did: epochs run, the best epoch (restored), its validation loss, optimiser steps, log-variance clamp hits.</summary>
public sealed record PhaseTraining(int Phase, int TrainCount, int Epochs, int BestEpoch, double BestValidationLoss, long Steps, long ClampHits, double Seconds);
