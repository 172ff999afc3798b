/**
 * Lever never names the company and older Greenhouse answers do not either; the
 * board's token ("acme-robotics") is the company's own choice of name, so it is the
 * best stand-in.
 */
export function prettifyBoardName(board: string): string {
  return board
    .split(/[-_\s]+/)
    .filter((part) => part !== '')
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`)
    .join(' ');
}
