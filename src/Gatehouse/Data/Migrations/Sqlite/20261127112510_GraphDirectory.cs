using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GraphDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GroupTypes",
                table: "Groups",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "NormalizedDisplayName",
                table: "Groups",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("UPDATE \"Groups\" SET \"NormalizedDisplayName\" = upper(\"DisplayName\");");

            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NormalizedDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AccountEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    OperatingSystem = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OperatingSystemVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TrustType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    IsCompliant = table.Column<bool>(type: "INTEGER", nullable: true),
                    IsManaged = table.Column<bool>(type: "INTEGER", nullable: true),
                    RegistrationDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ApproximateLastSignInDateTime = table.Column<long>(type: "INTEGER", nullable: true)
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
