namespace Dashboard.Domain.Tenancy;

/// <summary>
/// Marks an entity that belongs to exactly one tenant. The DbContext puts every such entity behind the
/// tenant query filter and stamps/validates <see cref="TenantId"/> on save.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
