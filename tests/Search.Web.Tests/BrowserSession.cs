using Microsoft.Playwright;

namespace Search.Web.Tests;

/// <summary>A page in its own browser context, with the script errors and console errors it produced.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add($"console: {message.Text}");
            }
        };
        page.Dialog += (_, dialog) =>
        {
            _errors.Add($"dialog: {dialog.Message}");
            _ = dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>Script errors, console errors (failed requests, CSP violations) and dialogs so far.</summary>
    public IReadOnlyList<string> Errors => _errors;

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
