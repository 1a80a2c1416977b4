namespace Dashboard.Domain.Jobs;

/// <summary>The kinds of background work a tenant can see on its Jobs page.</summary>
public enum JobKind
{
    GenerateSampleData,
    ImportDataSource,
    TrainModel,
    TuneBlend,
    EnforceRetention,
    RekeyPseudonyms,
    AuditModel,
    ExportCampaign,
}
