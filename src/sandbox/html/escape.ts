/** Escapes text for HTML content and for double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export type AttrValue = string | number | boolean | undefined;

/** ` a="1" b` from `{ a: 1, b: true, c: false }`; false and undefined leave the attribute out. */
export function attrs(values: Readonly<Record<string, AttrValue>>): string {
  return Object.entries(values)
    .map(([key, value]) => {
      if (value === undefined || value === false) return '';
      if (value === true) return ` ${key}`;
      return ` ${key}="${escapeHtml(String(value))}"`;
    })
    .join('');
}

/** A tag with escaped attributes; `inner` must already be safe HTML. */
export function tag(name: string, attributes: Readonly<Record<string, AttrValue>>, inner = ''): string {
  return `<${name}${attrs(attributes)}>${inner}</${name}>`;
}
