// Messages repeat the same few hundred words; a cache is emptied when full so that a flood of
// random input cannot grow it without bound.
const CACHE_LIMIT = 20_000;

/** Stores `value` under `key` in `cache`, emptying the cache first when it is full. */
export function rememberBounded<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}
