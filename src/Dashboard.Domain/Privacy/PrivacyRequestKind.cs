namespace Dashboard.Domain.Privacy;

/// <summary>The end-user rights a tenant answers through the dashboard.</summary>
public enum PrivacyRequestKind
{
    /// <summary>GDPR Art. 15: a copy of everything stored about the end-user.</summary>
    Access,

    /// <summary>GDPR Art. 17: deletion of the end-user's data.</summary>
    Erasure,
}
