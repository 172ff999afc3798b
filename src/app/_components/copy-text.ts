/**
 * Puts text on the clipboard. The clipboard needs a secure page and the user's
 * permission; resolves false without either, so the caller can select the text for the
 * user to copy instead.
 */
export async function copyText(text: string): Promise<boolean> {
  // The DOM types call the clipboard always there; on an insecure page it is not.
  const secure: Partial<Pick<Navigator, 'clipboard'>> = navigator;
  if (!secure.clipboard) return false;
  try {
    await secure.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
