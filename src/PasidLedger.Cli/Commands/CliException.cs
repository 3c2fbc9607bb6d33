namespace PasidLedger.Cli.Commands;

/// <summary>A failure the user can fix; the CLI prints its message and exits with 1, without a stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
