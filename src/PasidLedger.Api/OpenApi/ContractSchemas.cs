using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PasidLedger.Api.Requests;

namespace PasidLedger.Api.OpenApi;

/// <summary>
/// Schemas as the wire has them: text is a string (the NUL-refusing converter hides that from the
/// generator), <see cref="AllowedValuesAttribute"/> is an enum, a <see cref="RequiredAttribute"/> field is
/// never null, and a request body requires exactly its <see cref="RequiredAttribute"/> fields (every
/// field is nullable so the endpoint can name a missing one; the generator would require them all).
/// </summary>
internal sealed class ContractSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var nullable = context.JsonPropertyInfo is { IsGetNullable: true };
        if (schema.Type is null && context.JsonTypeInfo.Type == typeof(string))
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (schema.Type is null && context.JsonTypeInfo.Type == typeof(JsonElement))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description ??= "As stored: an event's body, or the command that was refused.";
        }

        var attributes = AttributesOf(context);
        if (attributes.OfType<RequiredAttribute>().Any())
        {
            schema.Type &= ~JsonSchemaType.Null;
        }

        if (attributes.OfType<AllowedValuesAttribute>().FirstOrDefault() is { } allowed)
        {
            schema.Enum = [.. allowed.Values.OfType<string>().Select(value => (JsonNode)JsonValue.Create(value))];
            if (schema.Type?.HasFlag(JsonSchemaType.Null) == true)
            {
                schema.Enum.Add(JsonNullSentinel.JsonNull);
            }
        }

        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.Namespace == typeof(IHandleFields).Namespace
            && context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
        {
            schema.Required = context.JsonTypeInfo.Properties
                .Where(property => property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: false) == true)
                .Select(property => property.Name)
                .ToHashSet();
        }

        return Task.CompletedTask;
    }

    /// <summary>The attributes of the property or the handler parameter the schema describes.</summary>
    private static IEnumerable<Attribute> AttributesOf(OpenApiSchemaTransformerContext context) =>
        context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: false).OfType<Attribute>()
        ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttributes()
        ?? [];
}
