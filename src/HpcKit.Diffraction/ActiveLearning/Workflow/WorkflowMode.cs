namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>Serial (every stage alone, all threads) or streaming (simulation overlapped with training).</summary>
public enum WorkflowMode
{
    Serial,
    Streaming,
}
