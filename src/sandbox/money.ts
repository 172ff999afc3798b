/** "120000" → "120,000", without depending on the ICU data Node was built with. */
export function groupThousands(amount: number): string {
  return String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatSalaryRange(min: number, max: number, currency: string): string {
  return `${groupThousands(min)}–${groupThousands(max)} ${currency}`;
}
