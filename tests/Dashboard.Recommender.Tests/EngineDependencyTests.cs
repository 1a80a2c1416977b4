using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests;

public sealed class EngineDependencyTests
{
    [Fact]
    public void Engine_ReferencesNeitherEntityFrameworkNorAspNetCore()
    {
        var forbidden = typeof(IRecommender).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || n.StartsWith("Dashboard.", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(forbidden);
        Assert.Equal("Dashboard.Recommender", typeof(IRecommender).Assembly.GetName().Name);
    }
}
