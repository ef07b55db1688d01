using System.Diagnostics.CodeAnalysis;

namespace Gatehouse;

/// <summary>
/// The result of an operation that refuses bad input instead of throwing: a value, or the reason in the error type of
/// the layer that refused it (<c>DirectoryError</c>, <c>AadstsError</c>, <c>GraphError</c>…). <see cref="Succeeded"/>
/// tells the compiler which of the two is set, so neither is ever reached with <c>!</c>.
/// </summary>
internal readonly record struct Outcome<T, TError>
    where TError : class
{
    private Outcome(T? value, TError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public TError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Outcome<T, TError> From(T value) => new(value, null);

    public static Outcome<T, TError> Fail(TError error) => new(default, error);

    public static implicit operator Outcome<T, TError>(T value) => From(value);

    public static implicit operator Outcome<T, TError>(TError error) => Fail(error);
}
