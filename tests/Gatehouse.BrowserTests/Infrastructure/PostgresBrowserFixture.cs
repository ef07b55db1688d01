namespace Gatehouse.BrowserTests.Infrastructure;

/// <summary>A <see cref="BrowserFixture"/> whose server runs over a fresh database on the PostgreSQL server of GATEHOUSE_TEST_POSTGRES.</summary>
public sealed class PostgresBrowserFixture() : BrowserFixture(TestStore.Postgres());
