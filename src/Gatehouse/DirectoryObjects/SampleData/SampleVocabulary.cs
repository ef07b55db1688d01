namespace Gatehouse.DirectoryObjects.SampleData;

/// <summary>The words sample data is made of: names, departments and titles, and what fills a working week.</summary>
internal static class SampleVocabulary
{
    public static readonly string[] GivenNames =
    [
        "Aaron", "Abigail", "Adam", "Adele", "Adrian", "Aisha", "Alan", "Alex", "Alice", "Allan", "Amanda", "Amelia",
        "Andrew", "Angela", "Anna", "Anthony", "Arjun", "Ava", "Benjamin", "Bianca", "Brian", "Caroline", "Carlos",
        "Charlotte", "Chen", "Christopher", "Claire", "Daniel", "David", "Diego", "Elena", "Elijah", "Emily", "Emma",
        "Ethan", "Fatima", "Felix", "Fiona", "Gabriel", "Grace", "Hannah", "Henry", "Hiroshi", "Isabel", "Ivan",
        "Jack", "James", "Jasmine", "Javier", "Jessica", "Johanna", "John", "Jordan", "Julia", "Kai", "Karen", "Kenji",
        "Laura", "Leo", "Liam", "Lidia", "Lucas", "Lynne", "Maria", "Mark", "Megan", "Miguel", "Mohammed", "Nadia",
        "Nathan", "Nestor", "Nina", "Noah", "Olivia", "Omar", "Patti", "Paul", "Pradeep", "Priya", "Rachel", "Raj",
        "Rebecca", "Robert", "Samantha", "Samuel", "Sara", "Sofia", "Stefan", "Tanvir", "Thomas", "Valentina",
        "Victor", "William", "Yuki", "Zara", "Zoe",
    ];

    public static readonly string[] Surnames =
    [
        "Abbott", "Adams", "Ahmed", "Alvarez", "Anderson", "Bailey", "Baker", "Banerjee", "Bennett", "Brooks", "Brown",
        "Campbell", "Carter", "Chen", "Clark", "Collins", "Cooper", "Cruz", "Davies", "Diaz", "Edwards", "Evans",
        "Fernandez", "Fischer", "Foster", "Garcia", "Gomez", "Gonzalez", "Green", "Grady", "Hall", "Harris", "Hughes",
        "Ito", "Jackson", "Johansson", "Johnson", "Jones", "Kapoor", "Kelly", "Khan", "Kim", "King", "Kowalski",
        "Lee", "Lewis", "Lopez", "Martin", "Martinez", "Meyer", "Miller", "Mitchell", "Moore", "Morgan", "Murphy",
        "Nakamura", "Nguyen", "Novak", "Okafor", "Olsen", "Patel", "Perez", "Petrov", "Phillips", "Quinn", "Reyes",
        "Richardson", "Roberts", "Robinson", "Rossi", "Russo", "Sanchez", "Schmidt", "Scott", "Shah", "Silva",
        "Singh", "Smith", "Stewart", "Swope", "Tanaka", "Taylor", "Thomas", "Thompson", "Turner", "Vance", "Walker",
        "Wang", "Ward", "Watson", "White", "Williams", "Wilson", "Wright", "Young", "Zhang",
    ];

    /// <summary>Departments with the titles of their heads, managers and staff.</summary>
    public static readonly Department[] Departments =
    [
        new("Engineering", "VP of Engineering", "Engineering Manager", ["Software Engineer", "Senior Software Engineer", "Principal Engineer", "Site Reliability Engineer", "QA Engineer"]),
        new("Sales", "VP of Sales", "Sales Manager", ["Account Executive", "Sales Development Representative", "Account Manager", "Sales Engineer"]),
        new("Marketing", "Chief Marketing Officer", "Marketing Manager", ["Marketing Specialist", "Content Writer", "Product Marketing Manager", "Designer"]),
        new("Finance", "Chief Financial Officer", "Finance Manager", ["Accountant", "Financial Analyst", "Payroll Specialist", "Controller"]),
        new("Human Resources", "Chief People Officer", "HR Manager", ["HR Business Partner", "Recruiter", "HR Generalist"]),
        new("Legal", "General Counsel", "Legal Manager", ["Corporate Counsel", "Paralegal", "Compliance Analyst"]),
        new("Operations", "Chief Operating Officer", "Operations Manager", ["Operations Analyst", "Project Manager", "Buyer", "Logistics Coordinator"]),
        new("Customer Support", "VP of Customer Success", "Support Manager", ["Support Engineer", "Customer Success Manager", "Technical Writer"]),
        new("Research", "Chief Scientist", "Research Manager", ["Research Scientist", "Data Scientist", "Research Engineer"]),
        new("IT", "Chief Information Officer", "IT Manager", ["Systems Administrator", "Network Engineer", "Security Analyst", "Help Desk Technician"]),
        new("Product", "Chief Product Officer", "Group Product Manager", ["Product Manager", "UX Researcher", "Product Designer"]),
        new("Facilities", "Head of Facilities", "Facilities Manager", ["Facilities Coordinator", "Office Manager"]),
    ];

    public const string Executive = "Executive";
    public const string ChiefExecutive = "Chief Executive Officer";

    public static readonly string[] ProjectNames =
    [
        "Aurora", "Basalt", "Cascade", "Driftwood", "Ember", "Fjord", "Granite", "Harbor", "Indigo", "Juniper", "Kestrel",
        "Lighthouse", "Meridian", "Nimbus", "Obsidian", "Pinnacle", "Quartz", "Redwood", "Summit", "Tundra", "Umbra",
        "Vertex", "Willow", "Zephyr",
    ];

    public static readonly string[] GroupKinds = ["Project {0}", "{0} Working Group", "{0} Steering Committee", "{0} Guild", "{0} Launch Team"];

    public static readonly string[] Customers =
    [
        "Fabrikam", "Northwind Traders", "Tailspin Toys", "Wingtip Toys", "Woodgrove Bank", "Litware", "Adventure Works",
        "Alpine Ski House", "Coho Winery", "Fourth Coffee", "Margie's Travel", "Proseware", "Trey Research", "Wide World Importers",
    ];

    public static readonly string[] Meetings =
    [
        "{0} team sync", "Weekly planning", "Design review", "Sprint retrospective", "Quarterly business review", "All hands",
        "Architecture review", "Budget review", "Roadmap discussion", "Status update", "Brainstorming session", "Training: security awareness",
    ];

    public static readonly string[] AllDayEvents = ["Out of office", "Conference", "Offsite", "Training day", "Public holiday"];

    public static readonly string[] Rooms = ["Conference Room {0}", "Huddle Room {0}", "Board Room", "Cafeteria", "Microsoft Teams Meeting"];

    public static readonly string[] Categories = ["Blue category", "Green category", "Orange category", "Purple category", "Red category", "Yellow category"];
}

/// <summary>A department: its head's title, its managers' title and the titles of everyone else.</summary>
internal sealed record Department(string Name, string HeadTitle, string ManagerTitle, string[] StaffTitles);
