using System.Net;
using System.Reflection;
using System.Text.Json;
using Gatehouse.Identity.Protocol;
using Gatehouse.Portal.Errors;
using Gatehouse.Tests.Graph;
using Gatehouse.Tests.Infrastructure;

namespace Gatehouse.Tests.Portal;

/// <summary>/error?code=AADSTS…, the page every token service error's error_uri points at.</summary>
[Collection(GraphServers.Name)]
public sealed class ErrorPageTests(GatehouseOnBothStores gatehouse)
{
    /// <summary>Every code an <see cref="Aadsts"/> factory makes, found by calling each with placeholder arguments.</summary>
    public static IReadOnlyList<int> EmittedCodes { get; } =
        [.. typeof(Aadsts).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(AadstsError))
            .Select(m => ((AadstsError)m.Invoke(null, [.. m.GetParameters().Select(p => Placeholder(p.ParameterType))])!).Code)
            .Distinct()
            .Order()];

    [Fact]
    public void Every_code_the_token_service_answers_with_is_explained()
    {
        var unexplained = EmittedCodes.Where(code => AadstsExplanations.Find(code) is null).ToList();
        var neverEmitted = AadstsExplanations.All.Select(e => e.Code).Except(EmittedCodes).ToList();

        Assert.True(EmittedCodes.Count > 40, $"Only {EmittedCodes.Count} codes found on Aadsts.");
        Assert.True(unexplained.Count == 0, $"No explanation for AADSTS{string.Join(", AADSTS", unexplained)}.");
        Assert.True(neverEmitted.Count == 0, $"Explained but never answered with: AADSTS{string.Join(", AADSTS", neverEmitted)}.");
    }

    [Theory]
    [BothStores]
    public async Task The_error_uri_of_a_real_answer_opens_a_page_explaining_its_code(string store)
    {
        var server = await gatehouse.OnAsync(store);
        var client = await server.RegisterClientAsync("error-page-" + store, ("Microsoft Graph", "User.Read.All"));
        using var refused = await server.PostTokenAsync(TokenServiceFixture.TenantId, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.AppId,
            ["client_secret"] = client.Secret + "x",
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errorUri = new Uri(body.RootElement.GetProperty("error_uri").GetString()!);

        using var page = await server.Http.GetAsync(errorUri.PathAndQuery, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var unknown = await server.Http.GetAsync("/error?code=AADSTS12345678", TestContext.Current.CancellationToken);
        var unknownHtml = await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var garbled = await server.Http.GetAsync("/error?code=%3Cscript%3E", TestContext.Current.CancellationToken);
        var garbledHtml = await garbled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var list = await server.Http.GetAsync("/error", TestContext.Current.CancellationToken);
        var listHtml = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(7000215, body.RootElement.GetProperty("error_codes")[0].GetInt32());
        Assert.Equal(server.Server.BaseAddress.GetLeftPart(UriPartial.Authority), errorUri.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("AADSTS7000215</code>: Invalid client secret", html, StringComparison.Ordinal);
        Assert.Contains("Certificates &amp; secrets", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("never answers with this code", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("/error?code=AADSTS7000222", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, garbled.StatusCode);
        Assert.DoesNotContain("<script>", garbledHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.All(EmittedCodes, code => Assert.Contains($"/error?code=AADSTS{code}\"", listHtml, StringComparison.Ordinal));
    }

    private static object? Placeholder(Type type) =>
        type == typeof(string) ? "placeholder"
        : type == typeof(TimeSpan) ? TimeSpan.FromSeconds(5)
        : type == typeof(DateTimeOffset?) ? null
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;
}
