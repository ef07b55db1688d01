namespace Gatehouse.Dataverse.Api;

/// <summary>
/// The Prefer header (RFC 7240, OData 4.0 §8.2.8): return=representation, odata.maxpagesize=N and
/// odata.include-annotations="…" with Dataverse's annotation names and namespace wildcards, and for $batch
/// odata.continue-on-error.
/// </summary>
internal sealed record Preferences(bool ReturnRepresentation, int? MaxPageSize, IReadOnlyList<string> Annotations, bool ContinueOnError = false)
{
    public const string FormattedValue = "OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "Microsoft.Dynamics.CRM.lookuplogicalname";
    public const string AssociatedNavigationProperty = "Microsoft.Dynamics.CRM.associatednavigationproperty";

    public static Preferences Read(HttpRequest request)
    {
        var returnRepresentation = false;
        var continueOnError = false;
        int? maxPageSize = null;
        var annotations = new List<string>();
        foreach (var preference in request.Headers["Prefer"].SelectMany(h => (h ?? "").Split(',')).Select(p => p.Trim()))
        {
            var (name, value) = preference.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (preference[..equals].Trim(), preference[(equals + 1)..].Trim().Trim('"'))
                : (preference, "");
            if (name.Equals("return", StringComparison.OrdinalIgnoreCase))
            {
                returnRepresentation = value.Equals("representation", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase) && int.TryParse(value, out var size) && size > 0)
            {
                maxPageSize = Math.Min(size, DataverseQuery.MaximumPageSize);
            }
            else if (name.Equals("odata.include-annotations", StringComparison.OrdinalIgnoreCase))
            {
                annotations.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (name.Equals("odata.continue-on-error", StringComparison.OrdinalIgnoreCase))
            {
                continueOnError = !value.Equals("false", StringComparison.OrdinalIgnoreCase);
            }
        }

        return new Preferences(returnRepresentation, maxPageSize, annotations, continueOnError);
    }

    /// <summary>Whether the annotation was asked for by name, by its namespace (Microsoft.Dynamics.CRM.*) or by "*".</summary>
    public bool Wants(string annotation) => Annotations.Any(pattern =>
        pattern == "*"
        || string.Equals(pattern, annotation, StringComparison.OrdinalIgnoreCase)
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && annotation.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)));

    /// <summary>The Preference-Applied header value for what this request honoured.</summary>
    public string? Applied(bool pageSizeApplied, bool representationApplied)
    {
        var applied = new List<string>();
        if (representationApplied)
        {
            applied.Add("return=representation");
        }

        if (pageSizeApplied && MaxPageSize is { } size)
        {
            applied.Add($"odata.maxpagesize={size}");
        }

        if (Annotations.Count > 0)
        {
            applied.Add($"odata.include-annotations=\"{string.Join(',', Annotations)}\"");
        }

        return applied.Count == 0 ? null : string.Join(',', applied);
    }
}
