using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PasidLedger.Api.Hosting;
using PasidLedger.Application.Ports;

namespace PasidLedger.Api.Tests;

/// <summary>What the exception handler answers for failures that reach it from a writer.</summary>
public sealed class UnhandledErrorTests
{
    [Fact]
    public async Task A_value_the_store_refused_is_400_StoreRefused_not_a_retryable_503()
    {
        var (status, problem) = await HandleAsync(new StoreRefusedWriteException("PostgreSQL refused a write (22P02)"));

        status.ShouldBe(400);
        problem.GetProperty("reason").GetString().ShouldBe("StoreRefused");
        problem.GetProperty("errnoName").GetString().ShouldBe("EINVAL");
        problem.GetProperty("errno").GetInt32().ShouldBe(-22);
    }

    [Fact]
    public async Task A_lost_store_is_503_StoreUnavailable_with_Retry_After()
    {
        var (status, problem, headers) = await HandleWithHeadersAsync(new Npgsql.NpgsqlException("the connection broke"));

        status.ShouldBe(503);
        problem.GetProperty("reason").GetString().ShouldBe("StoreUnavailable");
        headers["Retry-After"].ToString().ShouldBe("1");
    }

    private static async Task<(int Status, JsonElement Problem)> HandleAsync(Exception failure)
    {
        var (status, problem, _) = await HandleWithHeadersAsync(failure);
        return (status, problem);
    }

    private static async Task<(int Status, JsonElement Problem, IHeaderDictionary Headers)> HandleWithHeadersAsync(Exception failure)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        http.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = failure });

        await ApiProblems.WriteUnhandledAsync(http);

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, (await JsonDocument.ParseAsync(http.Response.Body)).RootElement.Clone(), http.Response.Headers);
    }
}
