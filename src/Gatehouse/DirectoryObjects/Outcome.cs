using System.Diagnostics.CodeAnalysis;

namespace Gatehouse.DirectoryObjects;

/// <summary>The result of a directory operation: a value, or the reason it was refused. Operations never throw for bad input.</summary>
internal readonly record struct Outcome<T>
{
    private Outcome(T? value, DirectoryError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public DirectoryError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Outcome<T> From(T value) => new(value, null);

    public static Outcome<T> Fail(DirectoryError error) => new(default, error);

    public static implicit operator Outcome<T>(T value) => From(value);

    public static implicit operator Outcome<T>(DirectoryError error) => Fail(error);
}
