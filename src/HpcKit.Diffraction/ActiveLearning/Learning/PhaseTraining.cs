namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>What one training phase did: epochs run, the best epoch (restored), its validation loss, the validation loss before the first epoch (equal to the previous phase's best when warm-started), optimiser steps after the phase, log-variance clamp hits.</summary>
public sealed record PhaseTraining(int Phase, int TrainCount, int Epochs, int BestEpoch, double BestValidationLoss, double StartValidationLoss, long Steps, long ClampHits, double Seconds);
