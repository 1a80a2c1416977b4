using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Infrastructure.Persistence.Configurations;

internal sealed class StoredBlobChunkConfiguration : IEntityTypeConfiguration<StoredBlobChunk>
{
    public void Configure(EntityTypeBuilder<StoredBlobChunk> builder)
    {
        builder.HasKey(c => new { c.BlobId, c.Sequence });
        builder.HasOne<StoredBlob>().WithMany().HasForeignKey(c => c.BlobId).OnDelete(DeleteBehavior.Cascade);
    }
}
