/**
 * next-auth ships CommonJS with `exports.default`; imported from Node's ESM the
 * default import is the whole exports object, while bundlers unwrap it. This
 * returns the function either way.
 */
export function cjsDefault<T>(imported: T): T {
  const wrapped = imported as T & { default?: T };
  return wrapped.default ?? imported;
}
