using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using PasidLedger.Api.Auth;
using PasidLedger.Api.Endpoints;
using PasidLedger.Api.OpenApi;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Serialization;
using PasidLedger.Application.Writing;
using PasidLedger.Postgres;
using PasidLedger.Postgres.Audit;
using PasidLedger.Postgres.History;
using PasidLedger.Postgres.Pools;
using PasidLedger.Postgres.ReadModels;

namespace PasidLedger.Api.Hosting;

/// <summary>Builds the HTTP service: configuration, the data source, writers, migrations and endpoints.</summary>
public static class LedgerApiHost
{
    /// <summary>Largest accepted request body; commands are small.</summary>
    public const long MaxRequestBody = 64 * 1024;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        // The health service logs every failed probe as an Error; DatabaseHealthCheck counts them instead (R7).
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        if (builder.Environment.IsProduction())
        {
            // Per-request lines (Request starting/finished, routing) only at Warning: clients must not be able to flood the log (R7).
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBody);
        AddLedger(builder.Services, builder.Configuration);
        LedgerBus.AddLedgerBus(builder);
        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ApiProblems.WriteUnhandledAsync,
            // A client can repeat these at will (R7): no stack trace per request; a lost store is counted instead.
            SuppressDiagnosticsCallback = context => ApiProblems.IsExpected(context.Exception),
        });
        app.UseStatusCodePages(ApiProblems.WriteStatusCodeAsync);
        // A declared length over the limit is refused before any read, on every server (the test host has no Kestrel limits).
        app.Use((http, next) => http.Request.ContentLength > MaxRequestBody ? ApiProblems.BodyTooLarge().ExecuteAsync(http) : next(http));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthAnswer.WriteAsync }).AllowAnonymous();
        app.MapLedgerEndpoints();
        return app;
    }

    private static void AddLedger(IServiceCollection services, ConfigurationManager configuration)
    {
        var options = new PostgresOptions
        {
            ConnectionString = configuration["Postgres:ConnectionString"] ?? configuration["PASIDLEDGER_PG"]
                ?? throw new InvalidOperationException(
                    "No PostgreSQL connection string: set PASIDLEDGER_PG or Postgres:ConnectionString (./ops/pg start prints one)."),
            SchemaName = configuration["Postgres:SchemaName"] ?? "public",
        };
        services.AddSingleton(options);
        AddBearerTokens(services, TokenSettings.From(configuration));
        services.AddSingleton(_ => PostgresDataSourceFactory.Create(options));
        services.AddSingleton<IPoolStore, PostgresPoolStore>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<RepeatedFailureLog>();
        services.AddSingleton(new WriterOptions());
        services.AddSingleton<PoolWriters>();
        services.AddSingleton<ReadModelQueries>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<PoolTimeTravel>();
        services.AddHostedService<MigrationService>();
        services.AddSingleton<IdempotencyPruning>();
        services.AddSingleton<AccessRefusals>();
        services.AddSingleton<RefusalAudit>();
        services.AddHostedService(provider => provider.GetRequiredService<RefusalAudit>());
        AddPruner<IdempotencyPruning>(services, "Idempotency", RetentionPruner.Retention(configuration, "Ledger:IdempotencyRetention", TimeSpan.FromDays(1)),
            keys => keys.PruneAsync);
        AddPruner<AccessRefusals>(services, "RefusalAudit", RetentionPruner.Retention(configuration, "Ledger:RefusalRetention", TimeSpan.FromDays(90)),
            refusals => refusals.PruneAsync);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres");
        services.AddProblemDetails();
        services.AddLedgerOpenApi();
        services.Configure<RouteHandlerOptions>(route => route.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = LedgerJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip;
            // Web defaults read "8" as 8; the contract wants a wrong JSON type to be a 400.
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
            json.SerializerOptions.Converters.Add(new NulFreeStringConverter());
        });
    }

    private static void AddPruner<TStore>(IServiceCollection services, string what, TimeSpan retention,
        Func<TStore, Func<DateTimeOffset, CancellationToken, Task<long>>> prune)
        where TStore : notnull =>
        services.AddHostedService(provider => new RetentionPruner(what, prune(provider.GetRequiredService<TStore>()), retention,
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<RepeatedFailureLog>()));

    /// <summary>Every endpoint but health and the OpenAPI document needs a bearer token signed with one of the service's keys.</summary>
    private static void AddBearerTokens(IServiceCollection services, TokenSettings tokens)
    {
        services.AddSingleton(tokens);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = LedgerTokens.Validation(tokens);
            jwt.Events = new JwtBearerEvents { OnChallenge = BearerChallenge.WriteAsync, OnForbidden = BearerChallenge.ForbidAsync };
        });
        var authorization = services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        LedgerPolicies.Add(authorization);
    }
}
