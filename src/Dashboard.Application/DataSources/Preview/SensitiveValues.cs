using Dashboard.Application.Privacy;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>How one preview treats stored sensitive values: decrypted to be counted, shown only when <see cref="MayShow"/>.</summary>
internal sealed class SensitiveValues(IAttributeValueProtector protector, Guid tenantId, bool mayShow)
{
    public bool MayShow => mayShow;

    public string Decrypt(string storedValue) => protector.Unprotect(tenantId, storedValue);

    /// <summary>The value for the page: decrypted for a caller holding ManagePrivacy, <see cref="DataPreviewService.HiddenLabel"/> otherwise.</summary>
    public string Shown(string storedValue) => mayShow ? Decrypt(storedValue) : DataPreviewService.HiddenLabel;
}
