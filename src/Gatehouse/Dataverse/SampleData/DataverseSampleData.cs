using Gatehouse.Data;
using Gatehouse.Dataverse.Tables;
using Gatehouse.Dataverse.Users;
using Gatehouse.DirectoryObjects;
using Gatehouse.DirectoryObjects.SampleData;
using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Dataverse.SampleData;

/// <summary>
/// Sample accounts, contacts, leads and opportunities, the same for the same seed and tenant, owned by the system
/// users of the tenant's first people (made here as they would be on their first call). Each account's first
/// contact is its primary contact; contacts and opportunities belong to accounts.
/// </summary>
internal sealed class DataverseSampleData(GatehouseDb db, CallerResolver callers, TimeProvider clock)
{
    public const int MaximumOwners = 50;
    private const int AccountStream = 11;
    private const int ContactStream = 12;
    private const int LeadStream = 13;
    private const int OpportunityStream = 14;

    private static readonly string[] Qualifiers =
    [
        "Consulting", "Logistics", "Holdings", "Labs", "Retail", "Manufacturing", "Services", "Partners", "Group", "Systems",
        "Solutions", "Foods", "Energy", "Media", "Health", "Finance", "Travel", "Design", "Outfitters", "Supply",
    ];

    private static readonly string[] Cities =
    [
        "Seattle", "Redmond", "Portland", "San Francisco", "Chicago", "New York", "Boston", "Austin", "Denver", "Toronto",
        "London", "Dublin", "Paris", "Berlin", "Amsterdam", "Madrid", "Stockholm", "Tokyo", "Sydney", "Singapore",
    ];

    private static readonly string[] JobTitles =
    [
        "Purchasing Manager", "Chief Executive Officer", "Chief Financial Officer", "Operations Director", "IT Manager",
        "Buyer", "Office Manager", "Head of Procurement", "Facilities Manager", "Sales Director",
    ];

    private static readonly string[] Products =
    [
        "coffee machines", "office furniture", "laptops", "a support contract", "cloud storage", "printers",
        "a training programme", "delivery vans", "conference equipment", "security audits",
    ];

    public async Task<Outcome<DataverseSeedSummary, DirectoryError>> SeedAsync(Guid tenantId, DataverseSeedRequest request, CancellationToken cancellationToken)
    {
        if (request.Check() is { } invalid)
        {
            return invalid;
        }

        var started = clock.GetTimestamp();
        var owners = await OwnersAsync(tenantId, cancellationToken);
        if (owners.Count == 0 && request.Accounts + request.Leads > 0)
        {
            return DirectoryError.Invalid("Sample sales rows need people to own them: seed at least one user.");
        }

        var now = clock.StoreNow();
        var accounts = MakeAccounts(tenantId, request, owners, now);
        var contacts = MakeContacts(tenantId, request, owners, accounts, now);
        var leads = MakeLeads(tenantId, request, owners, now);
        var opportunities = MakeOpportunities(tenantId, request, owners, accounts, now);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.InsertInBatchesAsync(accounts, cancellationToken);
            await db.InsertInBatchesAsync(contacts, cancellationToken);
            await db.InsertInBatchesAsync(leads, cancellationToken);
            await db.InsertInBatchesAsync(opportunities, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }

        return new DataverseSeedSummary(accounts.Count, contacts.Count, leads.Count, opportunities.Count, owners.Count, clock.GetElapsedTime(started));
    }

    /// <summary>The system users of the tenant's first people by user principal name.</summary>
    private async Task<List<Guid>> OwnersAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.TenantId == tenantId && u.AccountEnabled)
            .OrderBy(u => u.NormalizedUserPrincipalName).Select(u => u.Id).Take(MaximumOwners).ToListAsync(cancellationToken);
        var owners = new List<Guid>();
        foreach (var person in people)
        {
            if (await callers.FindUserAsync(tenantId, person, cancellationToken) is { } user)
            {
                owners.Add(user.Id);
            }
        }

        return owners;
    }

    private static List<Account> MakeAccounts(Guid tenantId, DataverseSeedRequest request, List<Guid> owners, DateTimeOffset now)
    {
        var random = new SeededSequence(request.Seed, tenantId, AccountStream);
        return [.. Enumerable.Range(1, request.Accounts).Select(i =>
        {
            var name = $"{random.Pick(SampleVocabulary.Customers)} {random.Pick(Qualifiers)}";
            var domain = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            return Stamped(new Account
            {
                Id = random.NextGuid(),
                Name = name,
                AccountNumber = $"ACC-{i:D7}",
                Telephone1 = $"555-{random.Between(100, 999)}-{random.Between(1000, 9999)}",
                EmailAddress1 = $"info@{domain}.example.com",
                WebsiteUrl = $"https://www.{domain}.example.com",
                Address1City = random.Pick(Cities),
                Revenue = random.Between(1, 5000) * 10_000m,
                NumberOfEmployees = random.Between(5, 50_000),
            }, tenantId, random.Pick(owners), now);
        })];
    }

    private static List<Contact> MakeContacts(Guid tenantId, DataverseSeedRequest request, List<Guid> owners, List<Account> accounts, DateTimeOffset now)
    {
        var random = new SeededSequence(request.Seed, tenantId, ContactStream);
        return [.. Enumerable.Range(0, request.Contacts).Select(i =>
        {
            // The first contacts go one to each account and become its primary contact; the rest go anywhere.
            var account = i < accounts.Count ? accounts[i] : random.Pick(accounts);
            var (first, last) = (random.Pick(SampleVocabulary.GivenNames), random.Pick(SampleVocabulary.Surnames));
            var contact = Stamped(new Contact
            {
                Id = random.NextGuid(),
                FirstName = first,
                LastName = last,
                FullName = $"{first} {last}",
                EmailAddress1 = $"{first}.{last}{i}@example.com".ToLowerInvariant(),
                Telephone1 = $"555-{random.Between(100, 999)}-{random.Between(1000, 9999)}",
                JobTitle = random.Pick(JobTitles),
                ParentCustomerId = account.Id,
                ParentCustomerType = "account",
            }, tenantId, account.OwnerId, now);
            if (i < accounts.Count)
            {
                account.PrimaryContactId = contact.Id;
            }

            return contact;
        })];
    }

    private static List<Lead> MakeLeads(Guid tenantId, DataverseSeedRequest request, List<Guid> owners, DateTimeOffset now)
    {
        var random = new SeededSequence(request.Seed, tenantId, LeadStream);
        return [.. Enumerable.Range(0, request.Leads).Select(_ =>
        {
            var (first, last) = (random.Pick(SampleVocabulary.GivenNames), random.Pick(SampleVocabulary.Surnames));
            return Stamped(new Lead
            {
                Id = random.NextGuid(),
                Subject = $"Interested in {random.Pick(Products)}",
                FirstName = first,
                LastName = last,
                FullName = $"{first} {last}",
                CompanyName = $"{random.Pick(SampleVocabulary.Customers)} {random.Pick(Qualifiers)}",
                EmailAddress1 = $"{first}.{last}@example.com".ToLowerInvariant(),
                LeadSourceCode = random.Between(1, 10),
            }, tenantId, random.Pick(owners), now);
        })];
    }

    private static List<Opportunity> MakeOpportunities(Guid tenantId, DataverseSeedRequest request, List<Guid> owners, List<Account> accounts, DateTimeOffset now)
    {
        var random = new SeededSequence(request.Seed, tenantId, OpportunityStream);
        return [.. Enumerable.Range(0, request.Opportunities).Select(_ =>
        {
            var account = random.Pick(accounts);
            return Stamped(new Opportunity
            {
                Id = random.NextGuid(),
                Name = $"{random.Between(2, 500)} {random.Pick(Products)}",
                EstimatedValue = random.Between(1, 2000) * 500m,
                EstimatedCloseDate = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Between(-30, 180)),
                CloseProbability = random.Between(1, 19) * 5,
                ParentAccountId = account.Id,
                ParentContactId = account.PrimaryContactId,
            }, tenantId, account.OwnerId, now);
        })];
    }

    private static T Stamped<T>(T record, Guid tenantId, Guid owner, DateTimeOffset now)
        where T : DataverseRecord
    {
        record.TenantId = tenantId;
        record.OwnerId = owner;
        record.CreatedBy = owner;
        record.ModifiedBy = owner;
        record.CreatedOn = now;
        record.ModifiedOn = now;
        record.VersionNumber = now.ToUnixTimeMilliseconds();
        return record;
    }
}
