using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// Copies the text of a read-only input, or selects it for the person to copy, through <c>clipboard.js</c>
/// (imported on first use). Shared by the components that show a link or an address once.
/// </summary>
internal sealed class Clipboard(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>Where the module is served (the RCL's static assets).</summary>
    public const string ModulePath = "./_content/ClassBooking.Components/clipboard.js";

    private IJSObjectReference? module;

    /// <summary>
    /// Copies <paramref name="input"/>'s text. False when the browser refused: the text is then selected (or, when
    /// the module could not run, the input has focus) so the person can press Ctrl+C.
    /// </summary>
    public async Task<bool> CopyAsync(ElementReference input)
    {
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            return await module.InvokeAsync<bool>("copyText", input);
        }
        catch (JSException)
        {
            await input.FocusAsync();
            return false;
        }
    }

    /// <summary>Selects <paramref name="input"/>'s whole text (focus alone where the module cannot run).</summary>
    public async Task SelectAsync(ElementReference input)
    {
        try
        {
            module ??= await js.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await module.InvokeVoidAsync("selectText", input);
        }
        catch (JSException)
        {
            await input.FocusAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }
}
