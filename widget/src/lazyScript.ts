const loading = new Map<string, Promise<unknown>>();

/**
 * Loads a classic script from the widget's server once and resolves with the global it defines. A
 * `<script>` element rather than `import()`: the widget is a classic script on pages of any origin, and
 * a page whose policy lets `widget.js` run lets a script from the same server run too. A failed load is
 * forgotten, so that a later try fetches it again.
 */
export function loadLazyScript<T>(url: string, globalName: string): Promise<T> {
  const defined = (window as unknown as Record<string, unknown>)[globalName];
  if (defined) return Promise.resolve(defined as T);
  let promise = loading.get(url) as Promise<T> | undefined;
  if (promise) return promise;
  promise = new Promise<T>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.addEventListener("load", () => {
      const value = (window as unknown as Record<string, unknown>)[globalName];
      if (value) resolve(value as T);
      else reject(new Error(`${url} defined no ${globalName}`));
    });
    script.addEventListener("error", () => reject(new Error(`${url} could not be loaded`)));
    document.head.append(script);
  });
  promise.catch(() => loading.delete(url));
  loading.set(url, promise);
  return promise;
}
