namespace HpcKit.Core;

/// <summary>
/// Wrong use of a command or API (bad option value, incompatible options). The CLI prints the message
/// as one line and exits with code 2.
/// </summary>
public sealed class HpcKitUsageException : Exception
{
    public HpcKitUsageException(string message) : base(message) { }

    public HpcKitUsageException(string message, Exception inner) : base(message, inner) { }

    public HpcKitUsageException() { }
}
