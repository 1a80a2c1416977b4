using System.Globalization;
using System.Security.Cryptography;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>What access and erasure requests share: their channels, receipt numbers, the id check and the receipts list.</summary>
public static class PrivacyRequests
{
    public const string PageChannel = "Privacy page";
    public const string ApiChannel = "API";

    /// <summary>A receipt number to quote to the end-user: "AR-" (access) or "ER-" (erasure), the UTC day, six random hex digits.</summary>
    public static string NewReference(PrivacyRequestKind kind, DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{(kind == PrivacyRequestKind.Access ? "AR" : "ER")}-{atUtc:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3))}");

    /// <summary>The id checked and trimmed by the same rules as ids arriving with data, so it meets the stored one; a bad one is refused with a sentence.</summary>
    public static string RequireId(string? endUserId) =>
        IngestionRules.Id(endUserId, "end-user id", out var id) is { } problem
            ? throw new System.ComponentModel.DataAnnotations.ValidationException($"{problem} Give the end-user's id as your systems send it to the dashboard.")
            : id;

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The tenant's receipts, newest first.</summary>
    public static async Task<IReadOnlyList<PrivacyRequestView>> ListAsync(IAppDbContext db, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.PrivacyRequests.AsNoTracking().OrderByDescending(r => r.ReceivedAtUtc).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        return [.. rows.Select(PrivacyRequestView.From)];
    }
}
