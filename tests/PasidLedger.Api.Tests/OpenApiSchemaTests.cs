using PasidLedger.Api.Tests.Support;

namespace PasidLedger.Api.Tests;

/// <summary>Precise points of the OpenAPI document: the schemas, answers and parameters of particular operations.</summary>
public sealed class OpenApiSchemaTests(LedgerApi api) : IClassFixture<LedgerApi>
{
    private readonly LedgerClient client = api.NewClient();

    [Fact]
    public async Task Set_creation_answers_201_and_requires_its_type_from_mm_or_null_and_a_quota_but_no_token()
    {
        var document = await ApiDocument.LoadAsync(client);
        var create = document.Operation("post", "/v1/pools/{pool}/sets");

        create.Responses.Keys.ShouldContain("201");
        create.Responses.Keys.ShouldNotContain("200");
        create.AnswerSchema("201").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/SetBody");
        var request = document.Resolve(create.RequestSchema.ShouldNotBeNull());
        ApiDocument.Strings(request.GetProperty("required")).ShouldBe(["type", "quota"], ignoreOrder: true);
        var properties = request.GetProperty("properties");
        ApiDocument.Strings(properties.GetProperty("type").GetProperty("enum")).ShouldBe(["mm", "null"]);
        properties.GetProperty("type").GetProperty("type").GetString().ShouldBe("string");
        properties.GetProperty("quota").GetProperty("type").GetString().ShouldBe("integer");
        properties.GetProperty("quota").GetProperty("maximum").GetInt64().ShouldBe(uint.MaxValue);
        ApiDocument.Strings(properties.GetProperty("token").GetProperty("type")).ShouldBe(["null", "string"], ignoreOrder: true);
    }

    [Fact]
    public async Task Creating_a_pool_answers_200_or_409_for_other_options_and_never_404()
    {
        var document = await ApiDocument.LoadAsync(client);

        var create = document.Operation("put", "/v1/pools/{pool}");

        create.AnswerSchema("200").GetProperty("$ref").GetString().ShouldBe("#/components/schemas/CapacityBody");
        create.Responses.Keys.ShouldContain("409");
        create.Responses.Keys.ShouldNotContain("404");
        document.Operation("get", "/v1/pools/{pool}").Responses.Keys.ShouldContain("404");
    }

    [Fact]
    public async Task Text_fields_that_take_a_fixed_set_of_values_are_enums()
    {
        var document = await ApiDocument.LoadAsync(client);

        var notifier = document.Schema("RegisterNotifierRequest").GetProperty("properties");
        ApiDocument.Strings(notifier.GetProperty("scope").GetProperty("enum")).ShouldBe(["global", "set", "mm"]);
        ApiDocument.Strings(notifier.GetProperty("priority").GetProperty("enum")).ShouldBe(["cpu", "iommu", "device", "last"]);
        var reaction = document.Schema("ReactionRequest").GetProperty("properties");
        ApiDocument.Strings(reaction.GetProperty("on").GetProperty("enum")).ShouldBe(["alloc", "free", "bind", "unbind"]);
        ApiDocument.Strings(reaction.GetProperty("action").GetProperty("enum")).ShouldBe(["get", "put", "queue_work", "detach_spid", "detach_data", "free"]);
        var dispatch = document.Schema("CreatePoolRequest").GetProperty("properties").GetProperty("dispatch").GetProperty("enum");
        ApiDocument.Strings(dispatch).ShouldBe(["perChainGlobalFirst", "mergedByPriority", null]);
        var via = document.Operation("delete", "/v1/pools/{pool}/notifiers/{notifierId}").Parameter("via", "query").ShouldNotBeNull();
        ApiDocument.Strings(via.GetProperty("schema").GetProperty("enum")).ShouldBe(["set", "mm"]);
    }

    [Theory]
    [InlineData("/v1/pools/{pool}")]
    [InlineData("/v1/pools/{pool}/sets/{setId}")]
    [InlineData("/v1/pools/{pool}/ioasids/{id}")]
    [InlineData("/v1/pools/{pool}/notifiers")]
    public async Task A_view_that_can_be_read_as_it_stood_takes_asOf_and_asOfTime(string path)
    {
        var document = await ApiDocument.LoadAsync(client);

        var view = document.Operation("get", path);

        view.Parameter("asOf", "query").ShouldNotBeNull().GetProperty("schema").GetProperty("type").GetString().ShouldBe("integer");
        view.Parameter("asOfTime", "query").ShouldNotBeNull().GetProperty("schema").GetProperty("format").GetString().ShouldBe("date-time");
    }

    [Fact]
    public async Task History_pages_are_typed_query_parameters_within_their_limits()
    {
        var document = await ApiDocument.LoadAsync(client);

        var events = document.Operation("get", "/v1/pools/{pool}/events");

        var limit = events.Parameter("limit", "query").ShouldNotBeNull().GetProperty("schema");
        (limit.GetProperty("type").GetString(), limit.GetProperty("minimum").GetInt32(), limit.GetProperty("maximum").GetInt32()).ShouldBe(("integer", 1, 1000));
        events.Parameter("afterVersion", "query").ShouldNotBeNull().GetProperty("schema").GetProperty("minimum").GetInt32().ShouldBe(0);
        document.Operation("get", "/v1/pools/{pool}/ioasids/{id}/history").Parameter("generation", "query").ShouldNotBeNull();
    }
}
