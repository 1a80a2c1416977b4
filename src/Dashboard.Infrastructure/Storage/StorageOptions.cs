using System.ComponentModel.DataAnnotations;

namespace Dashboard.Infrastructure.Storage;

/// <summary>Section "Storage": where uploads and model artifacts are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// <c>Local</c>: folders on this node's disk (one node). <c>Database</c>: chunked rows in the app's
    /// database, so every node sharing the database sees the same files.
    /// </summary>
    [Required]
    [RegularExpression("^(Local|Database)$", ErrorMessage = "Storage:Provider must be Local or Database.")]
    public string Provider { get; set; } = StorageProvider.Local;

    /// <summary>Folder of model artifacts with the Local provider; relative to the app's content root.</summary>
    [Required]
    public string ModelArtifactPath { get; set; } = "data/models";

    public bool IsDatabase => string.Equals(Provider, StorageProvider.Database, StringComparison.OrdinalIgnoreCase);
}
