using Gatehouse.Data;
using Gatehouse.DirectoryObjects.Users;
using Gatehouse.Graph.Users;
using Gatehouse.OData;
using Gatehouse.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Gatehouse.Tests.OData;

/// <summary>$filter, $orderby and $search run in the database of either store, and what a map does not allow is refused.</summary>
public sealed class FilterTranslationTests
{
    [Theory]
    [BothStores]
    public async Task Operators_and_functions_select_the_same_rows_on_both_stores(string store)
    {
        using var testStore = TestStore.Create(store);
        await using var harness = await DirectoryHarness.CreateAsync(testStore);
        await harness.RunAsync(async services =>
        {
            var db = services.GetRequiredService<GatehouseDb>();
            db.Users.AddRange(
                NewUser(harness, "ada", "Ada Lovelace", "Engineering", ["+1 555 0100"]),
                NewUser(harness, "alan", "alan Turing", "Engineering", []),
                NewUser(harness, "grace", "Grace Hopper", null, ["+1 555 0199", "+1 555 0142"]));
            return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        Assert.Equal(["Ada Lovelace", "alan Turing"], await NamesAsync(harness, "startswith(displayName,'A')"));
        Assert.Equal(["Grace Hopper"], await NamesAsync(harness, "not(department eq 'engineering')"));
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], await NamesAsync(harness, "displayName in ('ADA LOVELACE','grace hopper')"));
        Assert.Equal(["Grace Hopper"], await NamesAsync(harness, "businessPhones/any(p:p eq '+1 555 0142')"));
        Assert.Equal(["alan Turing"], await NamesAsync(harness, "department eq 'Engineering' and not(startswith(userPrincipalName,'ada'))"));
        Assert.Equal(["Grace Hopper", "alan Turing", "Ada Lovelace"], await NamesAsync(harness, null, orderBy: "displayName desc"));
        Assert.Equal(["Grace Hopper"], await NamesAsync(harness, null, search: "\"displayName:hop\""));
    }

    [Theory]
    [InlineData("nosuch eq 'x'", "UnknownProperty", false)]
    [InlineData("startswith(displayName,'A'", "Syntax", false)]
    [InlineData("accountEnabled eq 'yes'", "InvalidValue", false)]
    [InlineData("endswith(displayName,'e')", "UnsupportedOperator", true)]
    [InlineData("endswith(mail,'@contoso.com')", "RequiresAdvancedQuery", false)]
    [InlineData("displayName add 'x'", "Syntax", false)]
    public void What_the_map_does_not_allow_is_refused_with_a_typed_error(string filter, string kind, bool advanced)
    {
        var translated = FilterTranslator.Translate(filter, UserResource.Query, advanced);

        Assert.False(translated.Succeeded);
        Assert.Equal(kind, translated.Error.Kind.ToString());
    }

    [Fact]
    public void The_same_filter_is_allowed_as_an_advanced_query()
    {
        var translated = FilterTranslator.Translate("endswith(mail,'@contoso.com')", UserResource.Query, advanced: true);

        Assert.True(translated.Succeeded);
        Assert.NotNull(translated.Value);
    }

    private static User NewUser(DirectoryHarness harness, string alias, string name, string? department, List<string> phones) => new()
    {
        Id = Guid.NewGuid(),
        TenantId = harness.Tenant.Id,
        UserPrincipalName = $"{alias}@harness.onmicrosoft.com",
        NormalizedUserPrincipalName = User.Normalize($"{alias}@harness.onmicrosoft.com"),
        DisplayName = name,
        Department = department,
        BusinessPhones = phones,
        CreatedDateTime = harness.Clock.GetUtcNow(),
    };

    private static Task<List<string>> NamesAsync(DirectoryHarness harness, string? filter, string? orderBy = null, string? search = null) =>
        harness.RunAsync(async services =>
        {
            var query = new Dictionary<string, StringValues>();
            if (filter is not null)
            {
                query["$filter"] = filter;
            }

            query["$orderby"] = orderBy ?? "displayName";
            if (search is not null)
            {
                query["$search"] = search;
            }

            var options = QueryOptions.Parse(new QueryCollection(query));
            Assert.True(options.Succeeded);
            var db = services.GetRequiredService<GatehouseDb>();
            var page = await QueryRunner.PageAsync(
                db.Users.AsNoTracking().Where(u => u.TenantId == harness.Tenant.Id), UserResource.Query, options.Value, advanced: true, 10, TestContext.Current.CancellationToken);
            Assert.True(page.Succeeded);
            return page.Value.Items.Select(u => u.DisplayName).ToList();
        });
}
