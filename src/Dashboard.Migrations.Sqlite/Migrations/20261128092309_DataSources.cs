using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DataSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPlaceholder",
                table: "Items",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataSources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BadRows = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownItems = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxEventsPerUserPerDay = table.Column<int>(type: "INTEGER", nullable: true),
                    EventWeightsJson = table.Column<string>(type: "TEXT", nullable: true),
                    FileFormat = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Delimiter = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Encoding = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SqlProvider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ProtectedConnectionString = table.Column<string>(type: "TEXT", nullable: true),
                    ConnectionStringHint = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SampleTemplate = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SampleOptionsJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastImportAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastImportState = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastImportRows = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ItemAttributes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemAttributes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemAttributes_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DataSourceDatasets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataSourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ColumnMappingJson = table.Column<string>(type: "TEXT", nullable: true),
                    Query = table.Column<string>(type: "TEXT", nullable: true),
                    StoredFileName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FileSizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataSourceDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DataSourceDatasets_DataSources_DataSourceId",
                        column: x => x.DataSourceId,
                        principalTable: "DataSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataSourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JobRunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QueuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsAccepted = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsRejected = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsDuplicate = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsFilteredAsBots = table.Column<long>(type: "INTEGER", nullable: false),
                    PlaceholdersCreated = table.Column<long>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRuns_DataSources_DataSourceId",
                        column: x => x.DataSourceId,
                        principalTable: "DataSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportRunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportErrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportErrors_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_TenantId_CreatedAtUtc",
                table: "ApiKeys",
                columns: new[] { "TenantId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DataSourceDatasets_DataSourceId",
                table: "DataSourceDatasets",
                column: "DataSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_DataSourceDatasets_TenantId_DataSourceId_Dataset",
                table: "DataSourceDatasets",
                columns: new[] { "TenantId", "DataSourceId", "Dataset" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataSources_TenantId_Name",
                table: "DataSources",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportErrors_ImportRunId",
                table: "ImportErrors",
                column: "ImportRunId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportErrors_TenantId_ImportRunId_Line",
                table: "ImportErrors",
                columns: new[] { "TenantId", "ImportRunId", "Line" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_DataSourceId",
                table: "ImportRuns",
                column: "DataSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_TenantId_DataSourceId_QueuedAtUtc",
                table: "ImportRuns",
                columns: new[] { "TenantId", "DataSourceId", "QueuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemAttributes_ItemId",
                table: "ItemAttributes",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemAttributes_TenantId_ItemId_Key",
                table: "ItemAttributes",
                columns: new[] { "TenantId", "ItemId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "DataSourceDatasets");

            migrationBuilder.DropTable(
                name: "ImportErrors");

            migrationBuilder.DropTable(
                name: "ItemAttributes");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "DataSources");

            migrationBuilder.DropColumn(
                name: "IsPlaceholder",
                table: "Items");
        }
    }
}
