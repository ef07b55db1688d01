using Gatehouse.Connectors.Api;

namespace Gatehouse.Tests.Connectors;

/// <summary>Cloud Elements' `where` language translated to an OData $filter, and what it refuses.</summary>
public sealed class WhereFilterTests
{
    [Theory]
    [InlineData("name = 'Contoso'", "name eq 'Contoso'")]
    [InlineData("name != 'Contoso'", "name ne 'Contoso'")]
    [InlineData("name <> 'Contoso'", "name ne 'Contoso'")]
    [InlineData("revenue > 1000", "revenue gt 1000")]
    [InlineData("revenue < 1000.5", "revenue lt 1000.5")]
    [InlineData("numberofemployees >= -3", "numberofemployees ge -3")]
    [InlineData("numberofemployees <= 10", "numberofemployees le 10")]
    [InlineData("donotemail = TRUE", "donotemail eq true")]
    [InlineData("telephone1 = null", "telephone1 eq null")]
    [InlineData("name like 'North%'", "startswith(name,'North')")]
    [InlineData("name like '%Traders'", "endswith(name,'Traders')")]
    [InlineData("name like '%wind%'", "contains(name,'wind')")]
    [InlineData("name like 'Exact'", "name eq 'Exact'")]
    [InlineData("statecode in (0, 1)", "(statecode eq 0 or statecode eq 1)")]
    [InlineData("name = 'O''Brien'", "name eq 'O''Brien'")]
    [InlineData("a = 1 and b = 2 or c = 3", "a eq 1 and b eq 2 or c eq 3")]
    [InlineData("a = 1 and (b = 2 or c = 3)", "a eq 1 and (b eq 2 or c eq 3)")]
    [InlineData("((name='x'))", "((name eq 'x'))")]
    [InlineData("_parentcustomerid_value = 'a' AND city IN ('Oslo','Bergen')", "_parentcustomerid_value eq 'a' and (city eq 'Oslo' or city eq 'Bergen')")]
    public void Cloud_elements_where_becomes_the_odata_filter(string where, string filter)
    {
        var translated = WhereFilter.Translate(where);

        Assert.Null(translated.Error);
        Assert.Equal(filter, translated.Value);
    }

    [Theory]
    [InlineData("name = 'x' and (city = 'y'", "unbalanced")]
    [InlineData("name = 'x')", "unbalanced")]
    [InlineData("name ~ 'x'", "'~' at position 6")]
    [InlineData("name contains 'x'", "'contains' at position 6, which is not an operator")]
    [InlineData("name ! 'x'", "!=")]
    [InlineData("name like 'a%b'", "neither leading nor trailing")]
    [InlineData("name like 5", "quoted pattern")]
    [InlineData("name = 'open", "never closed")]
    [InlineData("name =", "ends where a quoted string")]
    [InlineData("name", "operator was expected")]
    [InlineData("= 'x'", "field name")]
    [InlineData("and = 1", "field name")]
    [InlineData("name = 'x' name = 'y'", "and, or or the end")]
    [InlineData("statecode in 0", "'(' after in")]
    [InlineData("statecode in (0 1)", "',' or ')'")]
    [InlineData("revenue > 1.2.3", "not a number")]
    [InlineData("name = other", "a quoted string, a number")]
    public void Expressions_it_cannot_translate_are_refused_saying_where(string where, string problem)
    {
        var translated = WhereFilter.Translate(where);

        Assert.Null(translated.Value);
        Assert.Contains(problem, translated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_and_length_are_bounded()
    {
        Assert.Contains("deeper", WhereFilter.Translate(new string('(', 40) + "a = 1" + new string(')', 40)).Error, StringComparison.Ordinal);
        Assert.Contains("longer", WhereFilter.Translate("a = '" + new string('x', WhereFilter.LongestExpression) + "'").Error, StringComparison.Ordinal);
    }
}
