using Microsoft.EntityFrameworkCore;

namespace Gatehouse.Data;

/// <summary>The shared store of a scaled-out deployment.</summary>
internal sealed class PostgresGatehouseDb(DbContextOptions<PostgresGatehouseDb> options) : GatehouseDb(options);
