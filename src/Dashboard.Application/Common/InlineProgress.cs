namespace Dashboard.Application.Common;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread. Unlike
/// <see cref="Progress{T}"/> it does not post to a synchronization context, so the final report of a
/// job cannot arrive after the job's completion is recorded.
/// </summary>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
