/**
 * The slug of a company name: "Northwind Labs" → "northwind-labs". The sandbox's team
 * pages are addressed by it, the network agent asks for them by it, and it is the first
 * guess at a company's GitHub organisation: one spelling for all three.
 */
export function companySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
