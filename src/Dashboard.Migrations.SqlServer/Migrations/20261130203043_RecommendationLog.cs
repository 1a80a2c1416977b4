using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RecommendationLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RecommendationFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecommendationId = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    EndUserId = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecommendationFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecommendationFeedback_EndUsers_EndUserId",
                        column: x => x.EndUserId,
                        principalTable: "EndUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RecommendationFeedback_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServedRecommendations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EndUserExternalId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    SourceItemExternalId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    BlendId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Personalised = table.Column<bool>(type: "bit", nullable: false),
                    ItemIdsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ServedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServedRecommendations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_EndUserId",
                table: "RecommendationFeedback",
                column: "EndUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_ItemId",
                table: "RecommendationFeedback",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_TenantId_EndUserId",
                table: "RecommendationFeedback",
                columns: new[] { "TenantId", "EndUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_TenantId_ItemId",
                table: "RecommendationFeedback",
                columns: new[] { "TenantId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_RecommendationFeedback_TenantId_RecommendationId",
                table: "RecommendationFeedback",
                columns: new[] { "TenantId", "RecommendationId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServedRecommendations_TenantId_EndUserExternalId",
                table: "ServedRecommendations",
                columns: new[] { "TenantId", "EndUserExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServedRecommendations_TenantId_ServedAtUtc",
                table: "ServedRecommendations",
                columns: new[] { "TenantId", "ServedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RecommendationFeedback");

            migrationBuilder.DropTable(
                name: "ServedRecommendations");
        }
    }
}
