using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit;

namespace PasidLedger.Testing;

/// <summary>
/// What every container a test starts shares: its image (an environment variable, else its default in
/// <c>ops/docker/images.env</c>), the run's label that lets <c>ops/test</c> remove it, its ports on loopback
/// only, and one message when it cannot start.
/// </summary>
public static class TestContainerRun
{
    /// <summary>How the messages name the tests that need a server: those of the running test assembly.</summary>
    public static readonly string Suite = $"tests of {System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name ?? "this assembly"}";

    /// <summary><c>$<paramref name="variable"/></c>, else its default in <c>ops/docker/images.env</c>.</summary>
    public static string Image(string variable)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var prefix = variable + "=";
        return File.ReadLines(RepositoryRoot.Combine("ops/docker/images.env"))
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line => line[prefix.Length..])
            .Single();
    }

    /// <summary>Labels the container with this run (<see cref="TestPostgres.RunVariable"/>) and publishes its ports
    /// on 127.0.0.1 only, whatever the engine's default: nobody else gets in.</summary>
    public static TBuilder ForThisRun<TBuilder, TContainer>(this IAbstractBuilder<TBuilder, TContainer, CreateContainerParameters> builder)
        where TBuilder : IAbstractBuilder<TBuilder, TContainer, CreateContainerParameters>
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .WithLabel(TestPostgres.RunLabel, Environment.GetEnvironmentVariable(TestPostgres.RunVariable) ?? "none")
            .WithCreateParameterModifier(create =>
            {
                foreach (var binding in create.HostConfig?.PortBindings?.Values.SelectMany(bindings => bindings) ?? [])
                {
                    binding.HostIP = "127.0.0.1";
                }
            });
    }

    /// <summary>Starts <paramref name="container"/>. Whatever stops it (no engine, an image that cannot be pulled,
    /// a failed start) removes it and ends in one exception that says <paramref name="howToGetOne"/>.</summary>
    public static async Task StartAsync(IContainer container, string howToGetOne)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            await container.StartAsync(TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await container.DisposeAsync(); // created but not started: nobody else would remove it
            throw new InvalidOperationException($"{ex.Message}\n{howToGetOne}", ex);
        }
    }
}
