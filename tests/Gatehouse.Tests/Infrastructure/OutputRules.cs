namespace Gatehouse.Tests.Infrastructure;

/// <summary>README.md, "Errors": bad input is answered with one line of reason, never a stack trace.</summary>
internal static class OutputRules
{
    public static void AssertOneLineReason(string text)
    {
        var reason = text.Trim();
        Assert.False(string.IsNullOrEmpty(reason), "no reason was printed");
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain("   at ", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", reason, StringComparison.Ordinal);
    }
}
