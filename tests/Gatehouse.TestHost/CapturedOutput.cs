using Microsoft.Extensions.Logging;
using System.Text;

namespace Gatehouse.TestHost;

/// <summary>
/// One server's standard output, standard error and log, kept apart from every other server's in the same process:
/// what a launched process would print, for a test to read and a failure to show.
/// </summary>
public sealed class CapturedOutput : TextWriter, ILoggerProvider
{
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (text)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (text)
        {
            text.Append(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (text)
        {
            text.Append(value).Append(CoreNewLine);
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override string ToString()
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    ILogger ILoggerProvider.CreateLogger(string categoryName) => new LineLogger(this, categoryName);

    /// <summary>Each entry as one line, as the console logger's systemd format would print it.</summary>
    private sealed class LineLogger(CapturedOutput output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel}: {category}[{eventId.Id}] {formatter(state, exception)}";
            output.WriteLine(exception is null ? line : line + Environment.NewLine + exception);
        }
    }
}
