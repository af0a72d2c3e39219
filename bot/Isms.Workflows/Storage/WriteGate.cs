namespace Isms.Workflows.Storage;

/// <summary>
/// Lets a backup hold every write back while it checkpoints and copies the files, so the copy is one consistent moment.
/// Writers pass freely unless a pause is asked for; a pause waits for the writers already inside (an open transaction
/// counts as one writer until it commits or rolls back) and gives up after a timeout rather than wait for ever, so a
/// writer that waits on something the pausing thread holds can never deadlock the two.
/// </summary>
internal sealed class WriteGate
{
    private readonly object _lock = new();
    private int _inside;
    private bool _paused;

    public void Enter()
    {
        lock (_lock)
        {
            while (_paused)
            {
                Monitor.Wait(_lock);
            }

            _inside++;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            if (--_inside == 0)
            {
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>Stops new writers and waits for those inside; false (and nothing paused) after <paramref name="timeout"/>.</summary>
    public bool TryPause(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_lock)
        {
            while (_paused)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_lock, (int)left))
                {
                    return false;
                }
            }

            _paused = true;
            while (_inside > 0)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(_lock, (int)left))
                {
                    _paused = false;
                    Monitor.PulseAll(_lock);
                    return false;
                }
            }

            return true;
        }
    }

    public void Resume()
    {
        lock (_lock)
        {
            _paused = false;
            Monitor.PulseAll(_lock);
        }
    }
}
