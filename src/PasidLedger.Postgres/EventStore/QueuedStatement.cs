using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Marten.Internal.Operations;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using OperationRole = Weasel.Core.OperationRole;

namespace PasidLedger.Postgres.EventStore;

/// <summary>
/// One of the ledger's own statements (read models, idempotency keys, rejections, snapshot) queued in
/// a Marten session, so it travels in the same batch and transaction as the event append
/// (<c>IDocumentSession.QueueOperation</c>). The statement keeps its named parameters (<c>@pool</c>);
/// Marten's command builder numbers them (<c>$1</c>), each name once per statement, with its type.
/// </summary>
internal sealed partial class QueuedStatement(NpgsqlBatchCommand statement) : IStorageOperation
{
    private static readonly ConcurrentDictionary<string, Template> Templates = new(StringComparer.Ordinal);

    /// <summary>Marten asks every operation for a type it knows; one without a document mapping keeps it from looking for one.</summary>
    public Type DocumentType => typeof(StorageFeatures);

    public void ConfigureCommand(ICommandBuilder builder, Weasel.Storage.IStorageSession session)
    {
        var template = Templates.GetOrAdd(statement.CommandText, Template.Parse);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, name) in template.Pieces)
        {
            builder.Append(text);
            if (name is null)
            {
                continue;
            }

            if (numbers.TryGetValue(name, out var number))
            {
                builder.Append($"${number}");
                continue;
            }

            var given = statement.Parameters[name];
            builder.AppendParameter(given.Value, given.NpgsqlDbType is NpgsqlDbType.Unknown ? null : given.NpgsqlDbType);
            numbers[name] = numbers.Count + 1;
        }
    }

    public Task PostprocessAsync(DbDataReader reader, IList<Exception> exceptions, CancellationToken token) => Task.CompletedTask;

    public OperationRole Role() => OperationRole.Other;

    /// <summary>The statement's text cut at each parameter: (text before it, its name), the last piece without a name.</summary>
    private sealed partial record Template(IReadOnlyList<(string Text, string? Name)> Pieces)
    {
        public static Template Parse(string sql)
        {
            var pieces = new List<(string, string?)>();
            var start = 0;
            foreach (Match match in Parameter().Matches(sql))
            {
                pieces.Add((sql[start..match.Index], match.Groups[1].Value));
                start = match.Index + match.Length;
            }

            pieces.Add((sql[start..], null));
            return new Template(pieces);
        }

        /// <summary><c>@name</c>, not an operator such as <c>@&gt;</c> and not inside a longer word.</summary>
        [GeneratedRegex(@"(?<![\w@])@([A-Za-z_]\w*)")]
        private static partial Regex Parameter();
    }
}
