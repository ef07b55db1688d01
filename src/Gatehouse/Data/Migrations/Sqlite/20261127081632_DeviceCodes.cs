using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gatehouse.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeviceCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DeviceAuthorizations",
                columns: table => new
                {
                    DeviceCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceAppId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresDateTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastPolledDateTime = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceAuthorizations", x => x.DeviceCodeHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceAuthorizations_ExpiresDateTime",
                table: "DeviceAuthorizations",
                column: "ExpiresDateTime");

            migrationBuilder.CreateIndex(
                name: "IX_DeviceAuthorizations_UserCodeHash",
                table: "DeviceAuthorizations",
                column: "UserCodeHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceAuthorizations");
        }
    }
}
