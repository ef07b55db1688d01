namespace Gatehouse.Bench;

/// <summary>The run cannot go on (the server did not start, a setup verb failed); its message is the one line printed.</summary>
internal sealed class BenchException(string message) : Exception(message);
