/**
 * `use:scrollRegion` on the box around a wide table: while the table is wider than its box (a
 * phone, a long log), the box can be focused and scrolled with the arrow keys, and is a region
 * named after the table's section (or caption), so that a keyboard or screen-reader user knows
 * what scrolls. When everything fits, the box is a plain box again: no useless tab stop.
 */
import type { Action } from 'svelte/action';

export const scrollRegion: Action<HTMLElement> = (node) => {
  const sync = () => {
    if (node.scrollWidth > node.clientWidth + 1) {
      node.tabIndex = 0;
      node.setAttribute('role', 'region');
      name(node);
    } else {
      for (const a of ['tabindex', 'role', 'aria-labelledby', 'aria-label']) node.removeAttribute(a);
    }
  };
  const observer = new ResizeObserver(sync);
  observer.observe(node);
  // The table grows as rows arrive: its own size counts, not only the box's.
  const mutations = new MutationObserver(() => {
    for (const child of node.children) observer.observe(child);
    sync();
  });
  mutations.observe(node, { childList: true });
  for (const child of node.children) observer.observe(child);
  return {
    destroy() {
      observer.disconnect();
      mutations.disconnect();
    },
  };
};

/** The name of the section the table is in (its heading), else the table's caption. */
function name(node: HTMLElement): void {
  const caption = node.querySelector('caption')?.textContent?.trim();
  const labelledBy = node.closest('[aria-labelledby]')?.getAttribute('aria-labelledby');
  if (caption) node.setAttribute('aria-label', caption);
  else if (labelledBy) node.setAttribute('aria-labelledby', labelledBy);
}
