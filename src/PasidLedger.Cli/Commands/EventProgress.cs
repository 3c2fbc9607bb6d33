using Spectre.Console;

namespace PasidLedger.Cli.Commands;

/// <summary>A Spectre.Console progress bar over (events done, events in total).</summary>
internal static class EventProgress
{
    public static Task<T> RunAsync<T>(string verb, Func<IProgress<(long Done, long Total)>, Task<T>> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(verb, maxValue: 1);
                var result = await work(new Reporter(task, verb)).ConfigureAwait(false);
                task.StopTask();
                return result;
            });

    private sealed class Reporter(ProgressTask task, string verb) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
            task.Description = $"{verb} {value.Done:N0}/{value.Total:N0} events";
        }
    }
}
