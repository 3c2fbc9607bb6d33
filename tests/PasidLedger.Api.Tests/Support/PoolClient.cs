using System.Text.Json;
using Npgsql;

namespace PasidLedger.Api.Tests.Support;

/// <summary>Calls under <c>/v1/pools/{pool}</c>, plus the few setup steps most tests share.</summary>
public sealed class PoolClient(LedgerClient client, string name)
{
    public string Name => name;

    public string Path => $"/v1/pools/{name}";

    public LedgerClient Client => client;

    public Task<ApiResponse> GetAsync(string sub = "") => client.SendAsync(HttpMethod.Get, Path + sub);

    public Task<ApiResponse> PostAsync(string sub, object? body = null, string? key = null, string? caller = null) =>
        client.SendAsync(HttpMethod.Post, Path + sub, body ?? new { }, key, caller);

    public Task<ApiResponse> PutAsync(string sub, object? body = null, string? key = null, string? caller = null) =>
        client.SendAsync(HttpMethod.Put, Path + sub, body, key, caller);

    public Task<ApiResponse> PatchAsync(string sub, object body, string? key = null) => client.SendAsync(HttpMethod.Patch, Path + sub, body, key);

    public Task<ApiResponse> DeleteAsync(string sub, string? key = null) => client.SendAsync(HttpMethod.Delete, Path + sub, key: key);

    public Task<ApiResponse> RawAsync(HttpMethod method, string sub, string raw, string mediaType = "application/json") =>
        client.SendRawAsync(method, Path + sub, raw, mediaType);

    /// <summary>POST sets; returns the set view after checking 201.</summary>
    public async Task<JsonElement> CreateSetAsync(string type = "mm", string? token = null, long quota = 8)
    {
        var response = await PostAsync("/sets", new { type, token = type == "mm" ? token ?? $"mm-{Guid.NewGuid():N}" : token, quota });
        response.Code.ShouldBe(201, response.ToString());
        return response.Json;
    }

    /// <summary>POST sets/{setId}/ioasids; returns the refcount view after checking 201.</summary>
    public async Task<JsonElement> AllocateAsync(int setId, long min = 1, long max = 0xFFFFF, string? data = null)
    {
        var response = await PostAsync($"/sets/{setId}/ioasids", new { min, max, @private = data });
        response.Code.ShouldBe(201, response.ToString());
        return response.Json;
    }

    public async Task<ApiResponse> AcquireAsync(long id, string holder, int? setId = null) =>
        await PostAsync($"/ioasids/{id}/refs", new { holder, setId });

    /// <summary>The stored event bodies, in version order (GET events).</summary>
    public async Task<List<JsonElement>> EventsAsync(long afterVersion = 0)
    {
        var response = await GetAsync($"/events?afterVersion={afterVersion}&limit=1000");
        response.Code.ShouldBe(200, response.ToString());
        return [.. response.Json.EnumerateArray()];
    }

    public async Task<List<JsonElement>> RejectionsAsync()
    {
        var response = await GetAsync("/rejections?limit=1000");
        response.Code.ShouldBe(200, response.ToString());
        return [.. response.Json.EnumerateArray()];
    }

    public async Task<List<JsonElement>> NotificationsAsync(long afterVersion = 0)
    {
        var response = await GetAsync($"/notifications?afterVersion={afterVersion}&limit=1000");
        response.Code.ShouldBe(200, response.ToString());
        return [.. response.Json.EnumerateArray()];
    }

    /// <summary>Everything the service stored for this pool, counted in the database.</summary>
    public Task<Footprint> FootprintAsync() => Footprint.OfAsync(client.Api.DataSource, name);
}

/// <summary>Row counts of one pool in every table a command can write.</summary>
public sealed record Footprint(long Streams, long Events, long Rejections, long IdempotencyKeys, long CapacityRows)
{
    public static async Task<Footprint> OfAsync(NpgsqlDataSource dataSource, string pool)
    {
        await using var conn = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand(
            """
            select (select count(*) from mt_streams where id = @stream), (select count(*) from mt_events where stream_id = @stream),
                   (select count(*) from rejections where pool = @pool), (select count(*) from idempotency_keys where pool = @pool),
                   (select count(*) from capacity_view where pool = @pool)
            """, conn);
        cmd.Parameters.AddWithValue("stream", $"pool-{pool}");
        cmd.Parameters.AddWithValue("pool", pool);
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return new Footprint(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
