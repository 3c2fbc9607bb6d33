using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>PUT/DELETE/GET private: attach_data, detach_data and find (DOMAIN.md 2.3–2.4, S28, S29).</summary>
public sealed class PrivateDataEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Attach_detach_and_attach_again_follow_S29()
    {
        var pool = await PoolWithIoasidAsync();

        var attached = await pool.PutAsync("/ioasids/1/private", new { data = "p" });
        attached.ShouldHaveStatus(200);
        attached.Json.Str("private").ShouldBe("p");
        (await pool.PutAsync("/ioasids/1/private", new { data = "q" })).ShouldBeProblem(409, "PrivateDataPresent", "EBUSY");
        (await pool.PutAsync("/ioasids/99/private", new { data = "p" })).ShouldBeProblem(404, "UnknownId", "ENOENT");
        (await pool.GetAsync("/ioasids/1/private")).Json.Str("private").ShouldBe("p");

        var detached = await pool.DeleteAsync("/ioasids/1/private");
        detached.ShouldHaveStatus(200);
        detached.Json.ShouldHaveProperties("outcome", "reason");
        detached.Json.Str("outcome").ShouldBe("detached");
        (await pool.GetAsync("/ioasids/1/private")).Json.IsNull("private").ShouldBeTrue();
        (await pool.PutAsync("/ioasids/1/private", new { data = "q" })).Json.Str("private").ShouldBe("q");
    }

    [Fact]
    public async Task Find_answers_the_data_ENOENT_when_unknown_and_EACCES_for_another_set()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.CreateSetAsync("mm", "B");
        await pool.PutAsync("/ioasids/1/private", new { data = "p" });

        var found = await pool.GetAsync("/ioasids/1/private?setId=0");
        found.ShouldHaveStatus(200);
        found.Json.ShouldHaveProperties("id", "private");
        found.Json.Number("id").ShouldBe(1);
        found.Json.Str("private").ShouldBe("p");
        (await pool.GetAsync("/ioasids/1/private?setId=1")).ShouldBeProblem(403, "NotOwner", "EACCES");
        (await pool.GetAsync("/ioasids/7/private?setId=0")).ShouldBeProblem(404, "UnknownId", "ENOENT");
    }

    [Fact]
    public async Task Find_and_get_naming_an_unknown_or_destroyed_set_are_400_SetInvalid()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.CreateSetAsync("mm", "B");
        (await pool.DeleteAsync("/sets/1")).ShouldHaveStatus(200);

        (await pool.GetAsync("/ioasids/1/private?setId=1")).ShouldBeProblem(400, "SetInvalid", "EINVAL");
        (await pool.GetAsync("/ioasids/1/private?setId=7")).ShouldBeProblem(400, "SetInvalid", "EINVAL");
        (await pool.GetAsync("/ioasids/1/private?setId=-1")).ShouldBeProblem(400, "SetInvalid", "EINVAL");
        (await pool.PostAsync("/ioasids/1/refs", new { holder = "kvm", setId = 1 })).ShouldBeProblem(400, "SetInvalid", "EINVAL");
    }

    [Fact]
    public async Task Find_still_answers_during_free_pending_S28()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.PutAsync("/ioasids/1/private", new { data = "p" });
        await pool.AcquireAsync(1, "kvm");
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        (await pool.GetAsync("/ioasids/1/private?setId=0")).Json.Str("private").ShouldBe("p");
        await pool.DeleteAsync("/ioasids/1/private");
        (await pool.GetAsync("/ioasids/1/private?setId=0")).Json.IsNull("private").ShouldBeTrue();
    }

    private async Task<PoolClient> PoolWithIoasidAsync()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        return pool;
    }
}
