using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InteractionIndexesWithoutTenantCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_TenantId_EndUserId",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_TenantId_ItemId",
                table: "Interactions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Interactions_TenantId_EndUserId",
                table: "Interactions",
                columns: new[] { "TenantId", "EndUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_TenantId_ItemId",
                table: "Interactions",
                columns: new[] { "TenantId", "ItemId" });
        }
    }
}
