/**
 * A turn's id (a v4 UUID). crypto.randomUUID exists only on secure pages (https or
 * localhost); a self-hosted instance on plain http still has getRandomValues.
 */
export function newTurnId(): string {
  // The DOM types call randomUUID always there; on an insecure page it is not.
  const secure: Partial<Pick<Crypto, 'randomUUID'>> = crypto;
  if (secure.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // The version (4) and variant (10xx) bits, as RFC 9562 sets them.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
