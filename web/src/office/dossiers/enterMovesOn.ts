import type { KeyboardEvent } from 'react';

// Counter forms are typed in one go: Enter moves to the next field instead of submitting.

const fieldSelector = [
  'input:not([type="hidden"]):not([type="file"]):not([disabled])',
  'textarea:not([disabled])',
  '[data-enter-target]:not([disabled])',
].join(', ');

/** Containers marked `data-enter-skip` (long checklists) are skipped unless Enter was pressed inside them. */
function candidates(root: HTMLElement, from: HTMLElement): HTMLElement[] {
  const fromSkip = from.closest('[data-enter-skip]');
  const fromRadio = from instanceof HTMLInputElement && from.type === 'radio' ? from.name : null;
  return [...root.querySelectorAll<HTMLElement>(fieldSelector)].filter((element) => {
    if (element === from) return true;
    const skip = element.closest('[data-enter-skip]');
    if (skip && skip !== fromSkip) return false;
    if (element instanceof HTMLInputElement && element.type === 'radio') {
      // One stop per radio group: its checked option, and none inside the group we are leaving.
      if (element.name === fromRadio) return false;
      if (!element.checked) return false;
    }
    // antd hides radio and checkbox inputs visually but they still take focus.
    const choice =
      element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
    return choice || element.getClientRects().length > 0;
  });
}

function focusNext(root: HTMLElement, from: HTMLElement) {
  const list = candidates(root, from);
  const next = list[list.indexOf(from) + 1];
  next?.focus();
}

/** onKeyDown for a form wrapper: Enter in a single-line field (or after picking from a list) moves on. */
export function enterMovesOn(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
  if (event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement)) return;
  const root = event.currentTarget;
  if (target.getAttribute('role') === 'combobox') {
    // A closed list opens on Enter; in an open one Enter picks the option, then we move on.
    if (target.getAttribute('aria-expanded') !== 'true') return;
    window.setTimeout(() => focusNext(root, target), 0);
    return;
  }
  event.preventDefault();
  focusNext(root, target);
}
