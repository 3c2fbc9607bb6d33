using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>PUT/DELETE spid and the SPID lookup (DOMAIN.md 2.4, S30–S35).</summary>
public sealed class SpidEndpointsTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Attach_answers_the_refcount_view_and_lookup_without_get_takes_no_reference_S30()
    {
        var pool = await PoolWithIoasidAsync();

        var bound = await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });

        bound.ShouldHaveStatus(200);
        bound.Json.ShouldHaveProperties("id", "generation", "setId", "state", "refs", "holders", "spid", "private");
        bound.Json.Number("spid").ShouldBe(101);
        var found = await pool.PostAsync("/sets/0/spids/101/lookup", new { get = false });
        found.ShouldHaveStatus(200);
        found.Json.Number("id").ShouldBe(1);
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }

    [Fact]
    public async Task Lookup_with_get_takes_a_reference_and_other_sets_find_nothing_S35()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.CreateSetAsync("mm", "B");
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });

        var got = await pool.PostAsync("/sets/0/spids/101/lookup", new { get = true, holder = "vdcm" });
        var elsewhere = await pool.PostAsync("/sets/1/spids/101/lookup", new { get = true, holder = "vdcm" });

        got.Json.Number("id").ShouldBe(1);
        elsewhere.ShouldHaveStatus(200);
        elsewhere.Json.IsNull("id").ShouldBeTrue();
        var view = (await pool.GetAsync("/ioasids/1")).Json;
        view.Number("refs").ShouldBe(2);
        view.GetProperty("holders").GetProperty("vdcm").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task After_detach_the_spid_is_not_found_and_can_be_bound_again_S34()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        await pool.DeleteAsync("/ioasids/1/spid");

        (await pool.PostAsync("/sets/0/spids/101/lookup", new { get = false })).Json.IsNull("id").ShouldBeTrue();
        (await pool.PostAsync("/sets/0/spids/4294967295/lookup", new { get = false })).Json.IsNull("id").ShouldBeTrue();
        (await pool.GetAsync("/ioasids/1")).Json.IsNull("spid").ShouldBeTrue();
        (await pool.PutAsync("/ioasids/1/spid", new { spid = 101 })).ShouldHaveStatus(200);
        (await pool.NotificationsAsync()).Count(n => n.Str("kind") == "bind").ShouldBe(2);
    }

    [Fact]
    public async Task Lookup_with_get_on_a_free_pending_id_finds_nothing_and_takes_no_reference_R10()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.PutAsync("/ioasids/1/spid", new { spid = 101 });
        await pool.AcquireAsync(1, "kvm");
        await pool.PostAsync("/ioasids/1/free", new { setId = 0 });

        var lookup = await pool.PostAsync("/sets/0/spids/101/lookup", new { get = true, holder = "vdcm" });

        lookup.ShouldHaveStatus(200);
        lookup.Json.IsNull("id").ShouldBeTrue();
        (await pool.GetAsync("/ioasids/1")).Json.Number("refs").ShouldBe(1);
    }

    [Fact]
    public async Task Spid_errors_have_their_errno_S32()
    {
        var pool = await PoolWithIoasidAsync();
        await pool.AllocateAsync(0);

        (await pool.PutAsync("/ioasids/1/spid", new { spid = 4294967295 })).ShouldBeProblem(400, "SpidInvalid", "EINVAL");
        (await pool.PutAsync("/ioasids/99/spid", new { spid = 5 })).ShouldBeProblem(404, "UnknownId", "ENOENT");
        (await pool.PutAsync("/ioasids/1/spid", new { spid = 101 })).ShouldHaveStatus(200);
        (await pool.PutAsync("/ioasids/1/spid", new { spid = 102 })).ShouldBeProblem(409, "SpidPresent", "EBUSY");
        (await pool.PutAsync("/ioasids/2/spid", new { spid = 101 })).ShouldBeProblem(400, "SpidCollision", "EINVAL");
    }

    private async Task<PoolClient> PoolWithIoasidAsync()
    {
        var pool = await client.NewPoolAsync();
        await pool.CreateSetAsync("mm", "A");
        await pool.AllocateAsync(0);
        return pool;
    }
}
