using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// An address to copy: a labelled read-only field whose text is selected when it takes focus, a Copy button (the
/// browser's clipboard; where it refuses, the text is selected for Ctrl+C), and whether it was copied, announced.
/// </summary>
public partial class CopyableAddress : IAsyncDisposable
{
    private ElementReference input;
    private Clipboard? clipboard;
    private CopyState copyState;
    private string? shown;

    private enum CopyState
    {
        None,
        Copied,
        SelectOnly,
    }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The field's element id (unique on the page).</summary>
    [Parameter, EditorRequired]
    public string Id { get; set; } = "";

    /// <summary>The field's label.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = "";

    /// <summary>The address.</summary>
    [Parameter, EditorRequired]
    public string Value { get; set; } = "";

    /// <summary>The button's text ("Copy").</summary>
    [Parameter]
    public string CopyText { get; set; } = "Copy";

    /// <summary>The button's accessible name when its text alone says too little (e.g. "Copy the feed address").</summary>
    [Parameter]
    public string? CopyLabel { get; set; }

    /// <summary>A sentence under the field (it also describes the field), or none.</summary>
    [Parameter]
    public string? Note { get; set; }

    private string NoteId => Id + "-note";

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // "Copied" speaks of the address that was copied: a new one starts afresh.
        if (!string.Equals(shown, Value, StringComparison.Ordinal))
        {
            shown = Value;
            copyState = CopyState.None;
        }
    }

    private async Task CopyAsync()
    {
        clipboard ??= new Clipboard(JS);
        copyState = await clipboard.CopyAsync(input) ? CopyState.Copied : CopyState.SelectOnly;
    }

    private async Task SelectAsync()
    {
        clipboard ??= new Clipboard(JS);
        await clipboard.SelectAsync(input);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (clipboard is not null)
        {
            await clipboard.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
