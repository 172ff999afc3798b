import { extractSkills } from '../../analysis/skills';

/**
 * Skills a role's own words imply, for when no posting could be read or matched: a
 * "frontend developer" is asked about what every frontend posting asks for. Only
 * lexicon names, so the scorer and the draft check recognise them like any other skill.
 */
const ROLE_WORDS: readonly [RegExp, readonly string[]][] = [
  [/\bback[\s-]?end\b|\bserver[\s-]side\b|\bapi\b/i, ['SQL', 'REST', 'system design', 'testing']],
  [/\bfront[\s-]?end\b|\bui engineer\b|\bweb developer\b/i, ['JavaScript', 'CSS', 'accessibility', 'testing']],
  [/\bfull[\s-]?stack\b/i, ['JavaScript', 'REST', 'SQL', 'system design']],
  [/\bdata engineer/i, ['SQL', 'ETL', 'data modeling', 'Airflow']],
  [/\bdata (?:scientist|analyst)|\banalytics\b/i, ['SQL', 'statistics', 'A/B testing', 'data visualization']],
  [/\bmachine learning\b|\bml\b|\bai engineer\b/i, ['machine learning', 'Python', 'MLOps']],
  [/\bdevops\b|\bsre\b|\bsite reliability\b|\bplatform\b|\binfrastructure\b/i, ['CI/CD', 'observability', 'incident response', 'Kubernetes']],
  [/\bmobile\b/i, ['iOS', 'Android']],
  [/\bios\b/i, ['Swift', 'iOS']],
  [/\bandroid\b/i, ['Kotlin', 'Android']],
  [/\bdesigner\b|\bux\b|\bui\b/i, ['user research', 'prototyping', 'design systems', 'Figma']],
  [/\bproduct manager\b|\bproduct owner\b/i, ['prioritization', 'stakeholder management', 'roadmapping', 'user stories']],
  [/\bmarketing\b|\bgrowth\b/i, ['content marketing', 'SEO', 'A/B testing']],
  [/\bsales\b|\baccount executive\b|\baccount manager\b/i, ['negotiation', 'CRM', 'lead generation']],
  [/\bsecurity\b/i, ['threat modeling', 'security', 'incident response']],
  [/\bqa\b|\btest(?:ing)? engineer\b|\bquality\b/i, ['testing', 'API testing', 'load testing']],
  [/\bembedded\b|\bfirmware\b/i, ['microcontrollers', 'C', 'RTOS']],
];

/** The skills a role names itself ("Python developer") first, then the ones its kind of work implies. */
export function skillsFromRoleWords(role: string): string[] {
  const implied = ROLE_WORDS.flatMap(([pattern, skills]) => (pattern.test(role) ? skills : []));
  return [...new Set([...extractSkills(role), ...implied])];
}
