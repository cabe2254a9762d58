// Clipboard helpers of the components that show an address to copy (an ES module, imported on first use; see Clipboard.cs).

/** Selects the whole text of a read-only input, so it can be copied by hand. */
export function selectText(input) {
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
}

/**
 * Copies the input's text with the asynchronous clipboard API. Where the browser refuses (no secure context, no
 * permission), falls back to selecting the text and the older copy command; returns whether the text was copied.
 * The text stays selected when it was not, so the teacher can press Ctrl+C.
 */
export async function copyText(input) {
    const text = input.value;
    if (navigator.clipboard && window.isSecureContext) {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            // Refused: fall through to the selection.
        }
    }

    selectText(input);
    try {
        return document.execCommand("copy");
    } catch {
        return false;
    }
}
