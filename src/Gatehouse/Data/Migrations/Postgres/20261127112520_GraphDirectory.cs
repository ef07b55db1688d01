using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GraphDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "GroupTypes",
                table: "Groups",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "Groups",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.Sql("UPDATE \"Groups\" SET \"NormalizedDisplayName\" = upper(\"DisplayName\");");

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NormalizedDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    AccountEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    OperatingSystem = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OperatingSystemVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TrustType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    IsCompliant = table.Column<bool>(type: "boolean", nullable: true),
                    IsManaged = table.Column<bool>(type: "boolean", nullable: true),
                    RegistrationDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApproximateLastSignInDateTime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Groups_TenantId_NormalizedDisplayName_Id",
                table: "Groups",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_TenantId_DeviceId",
                table: "Devices",
                columns: new[] { "TenantId", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_TenantId_NormalizedDisplayName_Id",
                table: "Devices",
                columns: new[] { "TenantId", "NormalizedDisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Devices");

            migrationBuilder.DropIndex(
                name: "IX_Groups_TenantId_NormalizedDisplayName_Id",
                table: "Groups");

            migrationBuilder.DropColumn(
                name: "GroupTypes",
                table: "Groups");

            migrationBuilder.DropColumn(
                name: "NormalizedDisplayName",
                table: "Groups");
        }
    }
}
