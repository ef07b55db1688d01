namespace Gatehouse.Tests.Infrastructure;

/// <summary>Bearer tokens that pass a JWT's shape check but are not one: parts that are not base64url JSON, five parts, a claim that is not a string.</summary>
public static class LookalikeTokens
{
    public static TheoryData<string> All { get; } = new() { "abc.def.ghi", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOn0.c2ln" };
}
