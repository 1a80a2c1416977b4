using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BiasAudits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AuditSnapshotArtifactId",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "ModelVersions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "NotAudited");

            migrationBuilder.AddColumn<string>(
                name: "ReviewJustification",
                table: "ModelVersions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAtUtc",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewedAuditId",
                table: "ModelVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "ModelVersions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BiasAudits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlendId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    JobRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FailCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockingFailCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WarnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatedEndUsers = table.Column<int>(type: "INTEGER", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: false),
                    ThresholdsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BiasAudits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BiasAudits_ModelVersions_ModelVersionId",
                        column: x => x.ModelVersionId,
                        principalTable: "ModelVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FairnessSettings",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatioLower = table.Column<double>(type: "REAL", nullable: false),
                    RatioUpper = table.Column<double>(type: "REAL", nullable: false),
                    RatioBlocking = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExposureLower = table.Column<double>(type: "REAL", nullable: false),
                    ExposureBlocking = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxExposureGini = table.Column<double>(type: "REAL", nullable: false),
                    ExposureGiniBlocking = table.Column<bool>(type: "INTEGER", nullable: false),
                    MaxCalibrationKl = table.Column<double>(type: "REAL", nullable: false),
                    CalibrationBlocking = table.Column<bool>(type: "INTEGER", nullable: false),
                    WarnMargin = table.Column<double>(type: "REAL", nullable: false),
                    MinGroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FairnessSettings", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_FairnessSettings_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BiasAudits_ModelVersionId",
                table: "BiasAudits",
                column: "ModelVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_BiasAudits_TenantId_CreatedAtUtc",
                table: "BiasAudits",
                columns: new[] { "TenantId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BiasAudits_TenantId_ModelVersionId_CreatedAtUtc",
                table: "BiasAudits",
                columns: new[] { "TenantId", "ModelVersionId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BiasAudits");

            migrationBuilder.DropTable(
                name: "FairnessSettings");

            migrationBuilder.DropColumn(
                name: "AuditSnapshotArtifactId",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "ReviewJustification",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedAtUtc",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedAuditId",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "ModelVersions");
        }
    }
}
