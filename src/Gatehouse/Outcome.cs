using System.Diagnostics.CodeAnalysis;

namespace Gatehouse;

/// <summary>
/// The result of an operation that refuses bad input instead of throwing: a value, or the reason in the error type of
/// the layer that refused it (<c>DirectoryError</c>, <c>AadstsError</c>, <c>GraphError</c>, or an enum such as
/// <c>TokenRejection</c>). <see cref="Succeeded"/> tells the compiler which of the two is set, so neither is ever
/// reached with <c>!</c>.
/// </summary>
internal readonly record struct Outcome<T, TError>
    where TError : notnull
{
    // A flag, not a null check on the error: an enum error has no null.
    private readonly bool failed;

    private Outcome(T? value, TError? error, bool failed)
    {
        Value = value;
        Error = error;
        this.failed = failed;
    }

    public T? Value { get; }

    public TError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => !failed;

    public static Outcome<T, TError> From(T value) => new(value, default, failed: false);

    public static Outcome<T, TError> Fail(TError error) => new(default, error, failed: true);

    public static implicit operator Outcome<T, TError>(T value) => From(value);

    public static implicit operator Outcome<T, TError>(TError error) => Fail(error);
}
