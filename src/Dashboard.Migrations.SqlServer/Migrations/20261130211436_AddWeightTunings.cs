using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddWeightTunings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WeightTunings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BlendId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SpecJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ChosenWeightsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CurrentNdcg = table.Column<double>(type: "float", nullable: false),
                    ChosenNdcg = table.Column<double>(type: "float", nullable: false),
                    ValidationUsers = table.Column<int>(type: "int", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeightTunings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeightTunings_Blends_BlendId",
                        column: x => x.BlendId,
                        principalTable: "Blends",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WeightTunings_BlendId",
                table: "WeightTunings",
                column: "BlendId");

            migrationBuilder.CreateIndex(
                name: "IX_WeightTunings_TenantId_BlendId_CreatedAtUtc",
                table: "WeightTunings",
                columns: new[] { "TenantId", "BlendId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WeightTunings");
        }
    }
}
