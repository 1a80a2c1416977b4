using Dashboard.Application.Auditing;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Tests.Auditing;

public sealed class AuditSentenceTests
{
    private static AuditLogEntry Entry(string action, string subject, string? before = null, string? after = null) => new()
    {
        UserName = "ana@example.test", Action = action, Subject = subject, Before = before, After = after,
    };

    [Theory]
    [InlineData(AuditActions.OrganisationRegistered, "Acme", null, null, "Registered the organisation “Acme”.")]
    [InlineData(AuditActions.TeamMemberAdded, "bo@example.test", null, Roles.ComplianceOfficer, "Added bo@example.test to the team as Compliance officer.")]
    [InlineData(AuditActions.TeamMemberRoleChanged, "bo@example.test", Roles.Marketer, Roles.Admin, "Changed the role of bo@example.test from Marketer to Admin.")]
    [InlineData(AuditActions.TeamMemberDisabled, "bo@example.test", "active", "disabled", "Disabled the account of bo@example.test; they can no longer sign in.")]
    [InlineData(AuditActions.TeamMemberEnabled, "bo@example.test", "disabled", "active", "Enabled the account of bo@example.test again.")]
    [InlineData(AuditActions.TeamMemberDeletedOwnAccount, "bo@example.test", Roles.Marketer, null, "Deleted their own account (bo@example.test).")]
    [InlineData(AuditActions.SignedIn, "bo@example.test", null, "a password", "Signed in with a password.")]
    [InlineData(AuditActions.SignInFailed, "bo@example.test", null, "wrong password", "Failed to sign in: wrong password.")]
    [InlineData(AuditActions.LockedOut, "bo@example.test", null, "2026-06-30 12:15 UTC", "The account bo@example.test was locked after too many failed sign-ins, until 2026-06-30 12:15 UTC.")]
    [InlineData(AuditActions.ApiKeyCreated, "Shop (dk_ab…)", null, "active", "Created the API key Shop (dk_ab…).")]
    [InlineData(AuditActions.ApiKeyRevoked, "Shop (dk_ab…)", "active", "revoked", "Revoked the API key Shop (dk_ab…); calls with it are refused from now on.")]
    [InlineData(AuditActions.DataSourceCreated, "Shop", null, "{\"Kind\":\"File upload\"}", "Added the data source “Shop” (file upload).")]
    [InlineData(AuditActions.DataSourceDeleted, "Shop", null, null, "Deleted the data source “Shop” and its import history.")]
    [InlineData(AuditActions.DataSourceFileUploaded, "Shop", null, "{\"Dataset\":\"interactions\",\"File\":\"ratings.csv\",\"Size\":\"2 MB\"}", "Uploaded ratings.csv (2 MB) as the interactions of “Shop”.")]
    [InlineData(AuditActions.DataSourceMappingSaved, "Shop (items)", null, "{}", "Saved the column mapping of “Shop (items)”.")]
    [InlineData(AuditActions.ImportStarted, "Shop", null, "interactions, items", "Started an import of “Shop” (interactions, items).")]
    [InlineData("Privacy.Changed", "Pseudonymisation", null, null, "Privacy changed: Pseudonymisation.")]
    public void Describe_RendersOnePlainSentencePerActionType(string action, string subject, string? before, string? after, string expected) =>
        Assert.Equal(expected, AuditSentence.Describe(Entry(action, subject, before, after)));

    [Fact]
    public void Describe_DataSourceUpdated_NamesOnlyTheSettingsThatChanged()
    {
        var before = AuditFields.Write(("Kind", "File upload"), ("Bad rows", "Skip bad rows"), ("Encoding", "Automatic"));
        var after = AuditFields.Write(("Kind", "File upload"), ("Bad rows", "Reject the file"), ("Encoding", "Automatic"), ("Connection string", "replaced"));

        var sentence = AuditSentence.Describe(Entry(AuditActions.DataSourceUpdated, "Shop", before, after));

        Assert.Equal("Changed the data source “Shop”: bad rows from Skip bad rows to Reject the file; connection string replaced.", sentence);
    }

    [Fact]
    public void Describe_DataSourceSavedWithoutChanges_SaysSo()
    {
        var fields = AuditFields.Write(("Kind", "File upload"), ("Bad rows", "Skip bad rows"));

        Assert.Equal("Saved the data source “Shop” without changing its settings.", AuditSentence.Describe(Entry(AuditActions.DataSourceUpdated, "Shop", fields, fields)));
    }

    [Fact]
    public void Describe_SucceededImport_GivesRowsWrittenRejectedAndReplaced()
    {
        var after = AuditFields.Write(("Outcome", ImportOutcomes.Succeeded), ("Rows written", "1,200"), ("Rows rejected", "3"),
            ("Previous rows", "The previous interactions were replaced."));

        Assert.Equal("The import of “Shop” finished: 1,200 rows written, 3 rejected. The previous interactions were replaced.",
            AuditSentence.Describe(Entry(AuditActions.ImportFinished, "Shop", null, after)));
    }

    [Fact]
    public void Describe_RejectedImport_SaysNothingChangedAndWhy()
    {
        var after = AuditFields.Write(("Outcome", ImportOutcomes.Rejected), ("Reason", "Too many bad rows."));

        Assert.Equal("The import of “Shop” was rejected and nothing was changed. Too many bad rows.",
            AuditSentence.Describe(Entry(AuditActions.ImportFinished, "Shop", null, after)));
    }

    [Fact]
    public void Describe_FailedImport_SaysItWasATechnicalFailure()
    {
        var after = AuditFields.Write(("Outcome", ImportOutcomes.Failed));

        Assert.Equal("The import of “Shop” failed for a technical reason and nothing was changed.",
            AuditSentence.Describe(Entry(AuditActions.ImportFinished, "Shop", null, after)));
    }

    [Fact]
    public void Changes_OfSettings_PairBeforeAndAfterFieldByField()
    {
        var entry = Entry(AuditActions.DataSourceUpdated, "Shop",
            AuditFields.Write(("Bad rows", "Skip bad rows"), ("Encoding", "Automatic")),
            AuditFields.Write(("Bad rows", "Reject the file"), ("Encoding", "Automatic")));

        Assert.Equal(
            [new AuditChange("Bad rows", "Skip bad rows", "Reject the file"), new AuditChange("Encoding", "Automatic", "Automatic")],
            AuditSentence.Changes(entry));
    }

    [Fact]
    public void Changes_OfARoleChange_ShowTheRolesInWords()
    {
        var entry = Entry(AuditActions.TeamMemberRoleChanged, "bo@example.test", Roles.ComplianceOfficer, Roles.Admin);

        Assert.Equal([new AuditChange("Value", "Compliance officer", "Admin")], AuditSentence.Changes(entry));
    }

    [Fact]
    public void Label_OfAnUnknownCode_IsInWords() => Assert.Equal("Privacy changed", AuditSentence.Label("Privacy.Changed"));
}
