/**
 * Builds elements from attributes and children; strings become text nodes. The widget and the
 * console have no HTML parsing anywhere, so no server or citizen text can ever become markup,
 * and pages that enforce Trusted Types accept it.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children) element.append(child);
  return element;
}

/** Empties an element. */
export function removeChildren(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}
