using System.Diagnostics;

namespace Search.Tests.Shared;

/// <summary>A small tmpfs mounted for one test, so a disk really fills up; unmounted on dispose. Needs root (CAP_SYS_ADMIN), as CI has.</summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (e.g. <c>6m</c>) on a new temp folder.</summary>
    /// <exception cref="InvalidOperationException">The mount was refused; the message says why and what the test needs.</exception>
    public static Tmpfs Mount(string size)
    {
        var path = TestCorpus.CreateTempFolder("tmpfs");
        var (code, said) = Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", path);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"This test needs a small disk that fills up: 'mount -t tmpfs -o size={size} tmpfs {path}' failed (exit {code}: {said.Trim()}). " +
                "Run the tests as root or with CAP_SYS_ADMIN, as CI does; the test must not pass without it.");
        }

        return new Tmpfs(path);
    }

    /// <summary>Fills the disk with a file until only about <paramref name="bytesLeft"/> bytes are free.</summary>
    public void FillUntil(long bytesLeft)
    {
        var free = new DriveInfo(Path).AvailableFreeSpace;
        using var filler = File.Create(System.IO.Path.Combine(Path, "filler.bin"));
        filler.SetLength(0);
        var chunk = new byte[64 * 1024];
        for (var written = 0L; written < free - bytesLeft - chunk.Length; written += chunk.Length)
        {
            filler.Write(chunk);
        }
    }

    /// <summary>Deletes what <see cref="FillUntil"/> wrote.</summary>
    public void Unfill() => File.Delete(System.IO.Path.Combine(Path, "filler.bin"));

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Said) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, said);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
