namespace Dashboard.Domain.Auditing;

/// <summary>
/// The action codes stored in <see cref="AuditLogEntry.Action"/>. The stored text is a code, not what
/// people read: the Application layer turns code, subject, before and after into a sentence. Codes already
/// written to databases keep their spelling.
/// </summary>
public static class AuditActions
{
    public const string OrganisationRegistered = "Organisation registered";
    public const string TeamMemberAdded = "Team member added";
    public const string TeamMemberRoleChanged = "Team member role changed";
    public const string TeamMemberDisabled = "Team member disabled";
    public const string TeamMemberEnabled = "Team member enabled";
    public const string TeamMemberDeletedOwnAccount = "Team member deleted own account";
    public const string SignedIn = "Account.SignedIn";
    public const string SignInFailed = "Account.SignInFailed";
    public const string LockedOut = "Account.LockedOut";
    public const string ApiKeyCreated = "API key created";
    public const string ApiKeyRevoked = "API key revoked";
    public const string DataSourceCreated = "DataSource.Created";
    public const string DataSourceUpdated = "DataSource.Updated";
    public const string DataSourceDeleted = "DataSource.Deleted";
    public const string DataSourceFileUploaded = "DataSource.FileUploaded";
    public const string DataSourceMappingSaved = "DataSource.MappingSaved";
    public const string ImportStarted = "DataSource.ImportStarted";
    public const string ImportFinished = "DataSource.ImportFinished";
    public const string BlendCreated = "Blend.Created";
    public const string BlendUpdated = "Blend.Updated";
    public const string BlendDeleted = "Blend.Deleted";
    public const string BlendWeightsTuned = "Blend.WeightsTuned";
    public const string ModelVersionActivated = "ModelVersion.Activated";
    public const string ModelVersionRolledBack = "ModelVersion.RolledBack";
    public const string ModelVersionAutoActivated = "ModelVersion.AutoActivated";
    public const string ModelVersionUnusable = "ModelVersion.Unusable";
    public const string ModelVersionApproved = "ModelVersion.Approved";
    public const string ModelVersionRejected = "ModelVersion.Rejected";
    public const string ModelVersionHeldForReview = "ModelVersion.HeldForReview";
    public const string FairnessThresholdsChanged = "Fairness.ThresholdsChanged";
    public const string SegmentCreated = "Segment.Created";
    public const string SegmentUpdated = "Segment.Updated";
    public const string SegmentDeleted = "Segment.Deleted";
    public const string CampaignCreated = "Campaign.Created";
    public const string CampaignUpdated = "Campaign.Updated";
    public const string CampaignDeleted = "Campaign.Deleted";
    public const string CampaignScheduled = "Campaign.Scheduled";
    public const string CampaignStarted = "Campaign.Started";
    public const string CampaignPaused = "Campaign.Paused";
    public const string CampaignResumed = "Campaign.Resumed";
    public const string CampaignEnded = "Campaign.Ended";
    public const string CampaignExported = "Campaign.Exported";
    public const string JobCancelled = "Job.CancelRequested";
    public const string PrivacyKChanged = "Privacy.KChanged";
    public const string PrivacyBudgetChanged = "Privacy.BudgetChanged";
    public const string GeneralisationSaved = "Privacy.GeneralisationSaved";
    public const string GeneralisationRemoved = "Privacy.GeneralisationRemoved";
    public const string ConsentPurposeAdded = "Privacy.ConsentPurposeAdded";
    public const string NoRecordMeansConsentedChanged = "Privacy.NoRecordMeansConsentedChanged";
    public const string PseudonymisationRequested = "Privacy.PseudonymisationRequested";
    public const string PseudonymisationTurnedOn = "Privacy.PseudonymisationTurnedOn";
    public const string PseudonymKeyRotationRequested = "Privacy.PseudonymKeyRotationRequested";
    public const string PseudonymKeyRotated = "Privacy.PseudonymKeyRotated";
    public const string RetentionChanged = "Privacy.RetentionChanged";
    public const string RetentionEnforced = "Privacy.RetentionEnforced";
    public const string EndUserDataExported = "Privacy.EndUserDataExported";
    public const string EndUserErased = "Privacy.EndUserErased";
}
