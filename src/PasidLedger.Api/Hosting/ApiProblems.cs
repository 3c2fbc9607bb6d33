using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using PasidLedger.Application.Ports;
using PasidLedger.Application.Writing;
using PasidLedger.Domain.Errors;

namespace PasidLedger.Api.Hosting;

/// <summary>Every error as <c>application/problem+json</c> with the reason code and the negative Linux errno.</summary>
public static class ApiProblems
{
    public static IResult From(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Problem(StatusOf(result.Errno), result.Reason!.Value.ToString(), result.Errno, result.Detail);
    }

    public static IResult Invalid(string detail) => Problem(StatusCodes.Status400BadRequest, "InvalidArgument", Errno.EINVAL, detail);

    public static IResult UnknownPool(string pool) =>
        Problem(StatusCodes.Status404NotFound, "UnknownPool", Errno.ENOENT, $"pool {pool} does not exist; create it with PUT /v1/pools/{pool}");

    public static IResult NotFound(string reason, string detail) => Problem(StatusCodes.Status404NotFound, reason, Errno.ENOENT, detail);

    public static IResult BodyTooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, "BodyTooLarge", Errno.EINVAL,
        $"request bodies are limited to {LedgerApiHost.MaxRequestBody} bytes");

    public static IResult Problem(int status, string reason, Errno errno, string? detail) => Results.Problem(
        detail: detail,
        statusCode: status,
        title: reason,
        extensions: new Dictionary<string, object?> { ["reason"] = reason, ["errno"] = errno.Negated(), ["errnoName"] = errno.ToString() });

    /// <summary>EINVAL 400, ENOENT 404, EPERM/EACCES 403, EBUSY/EEXIST/ENOSPC/EAGAIN and stale handles 409.</summary>
    public static int StatusOf(Errno errno) => errno switch
    {
        Errno.ENOENT => StatusCodes.Status404NotFound,
        Errno.EPERM or Errno.EACCES => StatusCodes.Status403Forbidden,
        Errno.EBUSY or Errno.EEXIST or Errno.ENOSPC or Errno.EAGAIN or Errno.ESTALE or Errno.EDEADLK => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>
    /// Exception handler: malformed input is the caller's 4xx; a value the database refused is 400
    /// (retrying cannot help, and nothing was stored); a lost database is 503.
    /// </summary>
    public static Task WriteUnhandledAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var failure = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (failure is NpgsqlException lost)
        {
            http.RequestServices.GetService<RepeatedFailureLog>()?.Record("StoreUnavailable", lost.Message);
        }

        var result = failure switch
        {
            BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => BodyTooLarge(),
            BadHttpRequestException bad => Problem(bad.StatusCode, "MalformedRequest", Errno.EINVAL, Describe(bad)),
            StoreRefusedWriteException => Problem(StatusCodes.Status400BadRequest, "StoreRefused", Errno.EINVAL,
                "the event store cannot hold a value of this command; nothing was stored"),
            NpgsqlException => RetryLater(Problem(StatusCodes.Status503ServiceUnavailable, "StoreUnavailable", Errno.EIO,
                "the event store is unavailable; retry with the same Idempotency-Key")),
            _ => Problem(StatusCodes.Status500InternalServerError, "InternalError", Errno.EIO, "unexpected server error"),
        };
        return result.ExecuteAsync(http);
    }

    /// <summary>
    /// Failures a client causes or can repeat (malformed input, a value the store refused, a lost store):
    /// answered without per-request diagnostics; a lost store is counted by <see cref="RepeatedFailureLog"/>.
    /// </summary>
    public static bool IsExpected(Exception failure) => failure is BadHttpRequestException or StoreRefusedWriteException or NpgsqlException;

    /// <summary>How long a client should wait before retrying a 503, in seconds (<c>Retry-After</c>).</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary><paramref name="problem"/> with <c>Retry-After</c>, as every 503 carries it.</summary>
    public static IResult RetryLater(IResult problem) => new WithHeader(problem, "Retry-After", $"{RetryAfterSeconds}");

    /// <summary>Bare status codes (unknown route, wrong method) get a problem body too.</summary>
    public static Task WriteStatusCodeAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.HttpContext.Response.StatusCode;
        var result = status switch
        {
            StatusCodes.Status404NotFound => Problem(status, "UnknownRoute", Errno.ENOENT, $"HTTP {status}"),
            StatusCodes.Status413PayloadTooLarge => BodyTooLarge(), // Kestrel's limit hit while streaming a chunked body
            _ => Problem(status, "HttpError", Errno.EINVAL, $"HTTP {status}"),
        };
        return result.ExecuteAsync(context.HttpContext);
    }

    /// <summary>
    /// What was wrong with a request the framework could not read, in the contract's terms: where in the JSON,
    /// never the framework's message (it names .NET types and parameters).
    /// </summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        System.Text.Json.JsonException json =>
            $"malformed JSON at {Where(json.Path)} (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}): bad syntax, a wrong type or a value out of range",
        _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => "the body must be JSON (Content-Type: application/json)",
        _ => "the request could not be read: check the JSON body and the numbers in the path and query",
    };

    private static string Where(string? path) => path is null or "$" ? "the top level" : $"'{path.TrimStart('$', '.')}'";

    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
