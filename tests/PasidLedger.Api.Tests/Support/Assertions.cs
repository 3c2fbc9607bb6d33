using System.Text.Json;

namespace PasidLedger.Api.Tests.Support;

/// <summary>Checks of the contract's shapes: exact property sets, problem bodies with reason and errno.</summary>
public static class Assertions
{
    // Linux values, written out here so the tests do not trust the service's own table.
    private static readonly Dictionary<string, int> LinuxErrno = new(StringComparer.Ordinal)
    {
        ["EPERM"] = 1,
        ["ENOENT"] = 2,
        ["EAGAIN"] = 11,
        ["EACCES"] = 13,
        ["EBUSY"] = 16,
        ["EEXIST"] = 17,
        ["EINVAL"] = 22,
        ["ENOSPC"] = 28,
        ["EDEADLK"] = 35,
        ["ESTALE"] = 116,
    };

    public static void ShouldHaveStatus(this ApiResponse response, int status) => response.Code.ShouldBe(status, response.ToString());

    /// <summary>An <c>application/problem+json</c> answer with this status, reason and (negative) errno.</summary>
    public static void ShouldBeProblem(this ApiResponse response, int status, string reason, string errnoName)
    {
        response.Code.ShouldBe(status, response.ToString());
        response.MediaType.ShouldBe("application/problem+json", response.ToString());
        var json = response.Json;
        json.GetProperty("reason").GetString().ShouldBe(reason, response.ToString());
        json.GetProperty("errnoName").GetString().ShouldBe(errnoName, response.ToString());
        json.GetProperty("errno").GetInt32().ShouldBe(-LinuxErrno[errnoName], response.ToString());
        json.GetProperty("status").GetInt32().ShouldBe(status);
    }

    /// <summary>A 4xx problem whose reason is one of <paramref name="reasons"/> (any when empty).</summary>
    public static void ShouldBeClientProblem(this ApiResponse response, int status, params string[] reasons)
    {
        response.Code.ShouldBe(status, response.ToString());
        response.MediaType.ShouldBe("application/problem+json", response.ToString());
        var json = response.Json;
        json.GetProperty("errno").GetInt32().ShouldBeLessThan(0, response.ToString());
        json.GetProperty("errnoName").GetString().ShouldNotBeNullOrEmpty();
        if (reasons.Length > 0)
        {
            json.GetProperty("reason").GetString().ShouldBeOneOf(reasons);
        }
    }

    /// <summary>The object has exactly these properties (camelCase), no more, no fewer.</summary>
    public static void ShouldHaveProperties(this JsonElement json, params string[] names) =>
        json.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ShouldBe(names.Order(StringComparer.Ordinal), json.ToString());

    public static long Number(this JsonElement json, string name) => json.GetProperty(name).GetInt64();

    public static string? Str(this JsonElement json, string name) => json.GetProperty(name).GetString();

    public static bool IsNull(this JsonElement json, string name) => json.GetProperty(name).ValueKind == JsonValueKind.Null;
}
