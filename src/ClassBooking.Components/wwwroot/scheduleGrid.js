// Browser plumbing for TeacherScheduleView's week grid. No rule lives here: the component decides what each key,
// pointer and drop does; this module only stops the browser's own reactions and moves focus.

// Keys the grid handles itself. Left alone, arrows, Space and the Page keys scroll the page, and Alt+Arrow goes back
// or forward in the browser's history.
const gridKeys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown", "Enter", " "]);

/** Wires the grid once: keys on a cell or class (elements marked data-cb-nav) do not scroll; dragged classes carry their id. */
export function attach(grid) {
    if (!grid || grid.cbScheduleGrid) {
        return;
    }

    grid.cbScheduleGrid = true;
    grid.addEventListener("keydown", event => {
        if (gridKeys.has(event.key) && event.target instanceof Element && event.target.hasAttribute("data-cb-nav")) {
            event.preventDefault();
        }
    });

    // Firefox starts a drag only when it carries data; Chromium does not mind.
    grid.addEventListener("dragstart", event => {
        const slot = event.target instanceof Element ? event.target.closest("[data-slot-id]") : null;
        if (slot && event.dataTransfer) {
            event.dataTransfer.setData("text/plain", slot.getAttribute("data-slot-id"));
            event.dataTransfer.effectAllowed = "move";
        }
    });
}

/** Focuses the grid's one tabbable cell or class (the roving tabindex chosen by the component). */
export function focusCurrent(grid) {
    const target = grid ? grid.querySelector('[data-cb-nav][tabindex="0"]') : null;
    if (target) {
        target.focus();
    }
}
