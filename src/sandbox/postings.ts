/**
 * The sandbox job board's postings: generated deterministically (same seed, same
 * board), so the product can be demonstrated and tested offline.
 */
export interface Posting {
  id: string;
  title: string;
  company: string;
  location: string;
  remote: boolean;
  salaryMin: number;
  salaryMax: number;
  skills: string[];
  seniority: 'junior' | 'mid' | 'senior' | 'staff';
  description: string;
}

const ROLES: { title: string; skills: string[] }[] = [
  { title: 'Python Developer', skills: ['python', 'django', 'postgresql', 'rest', 'docker'] },
  { title: 'Backend Engineer', skills: ['go', 'postgresql', 'kubernetes', 'grpc', 'redis'] },
  { title: 'Frontend Engineer', skills: ['typescript', 'react', 'css', 'next.js', 'testing'] },
  { title: 'Full Stack Engineer', skills: ['typescript', 'react', 'node.js', 'postgresql', 'aws'] },
  { title: 'Data Engineer', skills: ['python', 'spark', 'airflow', 'sql', 'kafka'] },
  { title: 'Machine Learning Engineer', skills: ['python', 'pytorch', 'mlops', 'sql', 'docker'] },
  { title: 'DevOps Engineer', skills: ['kubernetes', 'terraform', 'aws', 'linux', 'ci/cd'] },
  { title: 'Site Reliability Engineer', skills: ['linux', 'prometheus', 'kubernetes', 'go', 'incident response'] },
  { title: 'Mobile Developer', skills: ['kotlin', 'swift', 'react native', 'rest', 'testing'] },
  { title: 'Security Engineer', skills: ['threat modeling', 'python', 'aws', 'siem', 'linux'] },
  { title: 'Data Scientist', skills: ['python', 'statistics', 'sql', 'pandas', 'experimentation'] },
  { title: 'Platform Engineer', skills: ['go', 'kubernetes', 'terraform', 'observability', 'aws'] },
];
const COMPANIES = [
  'Northwind Labs', 'Acme Analytics', 'Blue Harbor', 'Cobalt Systems', 'Driftwood AI', 'Evergreen Health',
  'Fjord Finance', 'Granite Robotics', 'Helix Bio', 'Ionic Energy', 'Juniper Logistics', 'Kestrel Games',
  'Lumen Retail', 'Meridian Travel', 'Nimbus Cloud', 'Orchid Media',
];
const LOCATIONS = ['Remote', 'Berlin', 'London', 'New York', 'San Francisco', 'Toronto', 'Amsterdam', 'Austin'];
const SENIORITY: Posting['seniority'][] = ['junior', 'mid', 'senior', 'staff'];

/** A small deterministic PRNG (mulberry32), so the board is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

export function generatePostings(count = 240, seed = 42): Posting[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const role = pick(rand, ROLES);
    const seniority = pick(rand, SENIORITY);
    const location = pick(rand, LOCATIONS);
    const base = 60_000 + SENIORITY.indexOf(seniority) * 30_000 + Math.floor(rand() * 20) * 1000;
    const title = `${seniority === 'mid' ? '' : `${seniority[0]?.toUpperCase()}${seniority.slice(1)} `}${role.title}`;
    const company = pick(rand, COMPANIES);
    return {
      id: String(1000 + i),
      title,
      company,
      location,
      remote: location === 'Remote' || rand() < 0.2,
      salaryMin: base,
      salaryMax: base + 25_000,
      skills: role.skills,
      seniority,
      description:
        `${company} is hiring a ${title}. You will build and run production systems with ` +
        `${role.skills.slice(0, -1).join(', ')} and ${role.skills.at(-1)}.`,
    };
  });
}

/** Postings whose text contains every word of the query, in the given location. */
export function searchPostings(postings: readonly Posting[], query: string, location: string): Posting[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const where = location.trim().toLowerCase();
  return postings.filter((p) => {
    const text = `${p.title} ${p.company} ${p.description} ${p.skills.join(' ')}`.toLowerCase();
    const inPlace = !where || where === 'anywhere' || p.location.toLowerCase() === where || (where === 'remote' && p.remote);
    return inPlace && words.every((w) => text.includes(w));
  });
}
