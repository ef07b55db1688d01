namespace Gatehouse.Testing.Tests;

/// <summary>README's examples are the tests' own: the fixture example is a test file, and the workflow installs what the tool test installs.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_fixture_example_is_the_test_file_that_runs()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryBuild.Root, "tests", "Gatehouse.Testing.Tests", "OrdersApiTests.cs")).ReplaceLineEndings("\n");

        Assert.Equal(source, ReadmeExamples.FixtureExample);
    }

    [Fact]
    public void The_workflow_installs_this_version_as_the_tool_walk_through_does()
    {
        var install = ReadmeExamples.WorkflowToolInstall();

        Assert.Equal(["dotnet", "tool", "install", "--global", "Gatehouse", "--version", ToolPackageTests.Version], install);
        Assert.Equal(string.Join(' ', install), ReadmeExamples.ToolScript.Split('\n')[0]);
    }
}
