using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace ClassBooking.Components;

/// <summary>
/// Elements a component hands focus back to once it has re-rendered (e.g. the button that opened a dialog), keyed by
/// name so <c>@ref="focusTargets[key]"</c> can collect them in a loop.
/// </summary>
internal sealed class FocusTargets
{
    private readonly Dictionary<string, ElementReference> elements = new(StringComparer.Ordinal);
    private string? pending;

    /// <summary>The element of <paramref name="key"/> (set by <c>@ref</c>).</summary>
    public ElementReference this[string key]
    {
        get => elements[key];
        set => elements[key] = value;
    }

    /// <summary>The element of <paramref name="key"/>, when it was rendered.</summary>
    public bool TryGet(string key, out ElementReference element) => elements.TryGetValue(key, out element);

    /// <summary>Forgets every element (before a render that replaces them).</summary>
    public void Clear() => elements.Clear();

    /// <summary>Asks for <paramref name="key"/>'s element to take focus after the next render (null: none).</summary>
    public void FocusAfterRender(string? key) => pending = key;

    /// <summary>Gives focus to the element asked for, once; call from <c>OnAfterRenderAsync</c> when interactive.</summary>
    public async Task ApplyAsync()
    {
        if (pending is not { } key)
        {
            return;
        }

        pending = null;
        if (elements.TryGetValue(key, out var target))
        {
            try
            {
                await target.FocusAsync().ConfigureAwait(true);
            }
            catch (JSException)
            {
                // The element went away before it could take focus; focus stays where the browser put it.
            }
        }
    }
}
