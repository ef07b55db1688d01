using Gatehouse.Dataverse.Tables;

namespace Gatehouse.Dataverse.Metadata;

/// <summary>
/// The tables the environment serves, with the attributes of docs/protocol/graph-dataverse.md §6: logical names,
/// lengths and choice labels as Dataverse's defaults have them.
/// </summary>
internal static class DataverseTables
{
    public const int NameLength = 160;
    public const int EmailLength = 100;
    public const int PhoneLength = 50;
    public const int DescriptionLength = 2000;

    private static readonly Dictionary<int, string> ActiveInactive = new() { [0] = "Active", [1] = "Inactive" };
    private static readonly Dictionary<int, string> ActiveInactiveStatus = new() { [1] = "Active", [2] = "Inactive" };

    public static readonly Table<Account> Accounts = new("account", "accounts", "name", 1, ownedByUsers: true, t =>
    [
        .. Common(t, ActiveInactive, ActiveInactiveStatus),
        t.Column("name", nameof(Account.Name), ColumnType.String, NameLength, normalized: nameof(Account.NormalizedName)),
        t.Column("accountnumber", nameof(Account.AccountNumber), ColumnType.String, 20),
        t.Column("telephone1", nameof(Account.Telephone1), ColumnType.String, PhoneLength),
        t.Column("emailaddress1", nameof(Account.EmailAddress1), ColumnType.String, EmailLength),
        t.Column("websiteurl", nameof(Account.WebsiteUrl), ColumnType.String, 200),
        t.Column("address1_line1", nameof(Account.Address1Line1), ColumnType.String, 250),
        t.Column("address1_city", nameof(Account.Address1City), ColumnType.String, 80),
        t.Column("address1_postalcode", nameof(Account.Address1PostalCode), ColumnType.String, 20),
        t.Column("address1_country", nameof(Account.Address1Country), ColumnType.String, 80),
        t.Column("revenue", nameof(Account.Revenue), ColumnType.Money),
        t.Column("numberofemployees", nameof(Account.NumberOfEmployees), ColumnType.Integer),
        t.Column("description", nameof(Account.Description), ColumnType.Memo, DescriptionLength),
    ], t =>
    [
        .. Owner(t),
        t.Lookup("primarycontactid", nameof(Account.PrimaryContactId), "contact"),
        t.Lookup("parentaccountid", nameof(Account.ParentAccountId), "account"),
    ]);

    public static readonly Table<Contact> Contacts = new("contact", "contacts", "fullname", 2, ownedByUsers: true, t =>
    [
        .. Common(t, ActiveInactive, ActiveInactiveStatus),
        t.Column("firstname", nameof(Contact.FirstName), ColumnType.String, 50),
        t.Column("lastname", nameof(Contact.LastName), ColumnType.String, 50),
        t.Column("fullname", nameof(Contact.FullName), ColumnType.String, NameLength, writable: false, normalized: nameof(Contact.NormalizedFullName)),
        t.Column("emailaddress1", nameof(Contact.EmailAddress1), ColumnType.String, EmailLength),
        t.Column("telephone1", nameof(Contact.Telephone1), ColumnType.String, PhoneLength),
        t.Column("mobilephone", nameof(Contact.MobilePhone), ColumnType.String, PhoneLength),
        t.Column("jobtitle", nameof(Contact.JobTitle), ColumnType.String, 100),
    ], t =>
    [
        .. Owner(t),
        t.Lookup("parentcustomerid", nameof(Contact.ParentCustomerId), "account", "parentcustomerid_account", nameof(Contact.ParentCustomerType)),
        t.Lookup("parentcustomerid", nameof(Contact.ParentCustomerId), "contact", "parentcustomerid_contact", nameof(Contact.ParentCustomerType)),
    ]);

    public static readonly Table<Lead> Leads = new("lead", "leads", "fullname", 4, ownedByUsers: true, t =>
    [
        .. Common(t, new Dictionary<int, string> { [0] = "Open", [1] = "Qualified", [2] = "Disqualified" },
            new Dictionary<int, string> { [1] = "New", [2] = "Contacted", [3] = "Qualified", [4] = "Lost", [5] = "Cannot Contact", [6] = "No Longer Interested", [7] = "Canceled" }),
        t.Column("subject", nameof(Lead.Subject), ColumnType.String, 300),
        t.Column("firstname", nameof(Lead.FirstName), ColumnType.String, 50),
        t.Column("lastname", nameof(Lead.LastName), ColumnType.String, 50),
        t.Column("fullname", nameof(Lead.FullName), ColumnType.String, NameLength, writable: false),
        t.Column("companyname", nameof(Lead.CompanyName), ColumnType.String, 100),
        t.Column("emailaddress1", nameof(Lead.EmailAddress1), ColumnType.String, EmailLength),
        t.Column("telephone1", nameof(Lead.Telephone1), ColumnType.String, PhoneLength),
        t.Column("leadsourcecode", nameof(Lead.LeadSourceCode), ColumnType.Picklist, options: new Dictionary<int, string>
        {
            [1] = "Advertisement", [2] = "Employee Referral", [3] = "External Referral", [4] = "Partner", [5] = "Public Relations",
            [6] = "Seminar", [7] = "Trade Show", [8] = "Web", [9] = "Word of Mouth", [10] = "Other",
        }),
    ], t =>
    [
        .. Owner(t),
        t.Lookup("parentaccountid", nameof(Lead.ParentAccountId), "account"),
        t.Lookup("parentcontactid", nameof(Lead.ParentContactId), "contact"),
    ]);

    public static readonly Table<Opportunity> Opportunities = new("opportunity", "opportunities", "name", 3, ownedByUsers: true, t =>
    [
        .. Common(t, new Dictionary<int, string> { [0] = "Open", [1] = "Won", [2] = "Lost" },
            new Dictionary<int, string> { [1] = "In Progress", [2] = "On Hold", [3] = "Won", [4] = "Canceled", [5] = "Out-Sold" }),
        t.Column("name", nameof(Opportunity.Name), ColumnType.String, 300),
        t.Column("estimatedvalue", nameof(Opportunity.EstimatedValue), ColumnType.Money),
        t.Column("estimatedclosedate", nameof(Opportunity.EstimatedCloseDate), ColumnType.DateOnly),
        t.Column("closeprobability", nameof(Opportunity.CloseProbability), ColumnType.Integer),
        t.Column("description", nameof(Opportunity.Description), ColumnType.Memo, DescriptionLength),
    ], t =>
    [
        .. Owner(t),
        t.Lookup("parentaccountid", nameof(Opportunity.ParentAccountId), "account"),
        t.Lookup("parentcontactid", nameof(Opportunity.ParentContactId), "contact"),
    ]);

    public static readonly Table<SystemUser> SystemUsers = new("systemuser", "systemusers", "fullname", 8, ownedByUsers: false, t =>
    [
        .. Common(t, new Dictionary<int, string> { [0] = "Enabled" }, new Dictionary<int, string> { [1] = "Active" }),
        t.Column("fullname", nameof(SystemUser.FullName), ColumnType.String, NameLength, writable: false),
        t.Column("domainname", nameof(SystemUser.DomainName), ColumnType.String, 1024, writable: false),
        t.Column("internalemailaddress", nameof(SystemUser.InternalEmailAddress), ColumnType.String, EmailLength),
        t.Column("azureactivedirectoryobjectid", nameof(SystemUser.AzureActiveDirectoryObjectId), ColumnType.UniqueIdentifier, writable: false),
        t.Column("applicationid", nameof(SystemUser.ApplicationId), ColumnType.UniqueIdentifier, writable: false),
        t.Column("isdisabled", nameof(SystemUser.IsDisabled), ColumnType.Boolean, writable: false),
        t.Column("accessmode", nameof(SystemUser.AccessMode), ColumnType.Picklist, writable: false, options: new Dictionary<int, string>
        {
            [SystemUser.ReadWriteAccess] = "Read-Write", [SystemUser.NonInteractiveAccess] = "Non-interactive",
        }),
    ], _ => []);

    public static IReadOnlyList<TableDefinition> All { get; } = [Accounts, Contacts, Leads, Opportunities, SystemUsers];

    public static TableDefinition? FindBySet(string entitySetName) =>
        All.FirstOrDefault(t => string.Equals(t.EntitySetName, entitySetName, StringComparison.Ordinal));

    public static TableDefinition? FindByLogicalName(string logicalName) =>
        All.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.Ordinal));

    private static IEnumerable<ColumnDefinition> Common<T>(Table<T> t, IReadOnlyDictionary<int, string> states, IReadOnlyDictionary<int, string> statuses)
        where T : DataverseRecord, new() =>
    [
        t.Column(t.PrimaryIdAttribute, nameof(DataverseRecord.Id), ColumnType.UniqueIdentifier, writable: false),
        t.Column("statecode", nameof(DataverseRecord.StateCode), ColumnType.Picklist, options: states),
        t.Column("statuscode", nameof(DataverseRecord.StatusCode), ColumnType.Picklist, options: statuses),
        t.Column("createdon", nameof(DataverseRecord.CreatedOn), ColumnType.DateTime, writable: false),
        t.Column("modifiedon", nameof(DataverseRecord.ModifiedOn), ColumnType.DateTime, writable: false),
        t.Column("versionnumber", nameof(DataverseRecord.VersionNumber), ColumnType.BigInt, writable: false),
    ];

    private static IEnumerable<LookupDefinition> Owner<T>(Table<T> t)
        where T : DataverseRecord, new() =>
    [
        t.Lookup("ownerid", nameof(DataverseRecord.OwnerId), "systemuser"),
        t.Lookup("createdby", nameof(DataverseRecord.CreatedBy), "systemuser", writable: false),
        t.Lookup("modifiedby", nameof(DataverseRecord.ModifiedBy), "systemuser", writable: false),
    ];
}
