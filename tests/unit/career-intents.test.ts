import { describe, expect, it } from 'vitest';
import { parseMessage } from '~worker/sessions/career/intents';
import { cleanRole, roleWithoutLevel } from '~worker/sessions/career/roles';
import { suggestionsFor, type SuggestionContext } from '~worker/sessions/career/suggestions';
import type { ParsedMessage } from '~worker/sessions/career/types';
import { careerIntentSchema } from '~/shared/sessions/career';

/**
 * The intent parser over the phrasings people use: each message with the intent and
 * slots it must give. Written as tables so that a new phrasing is one line.
 */

function cases(table: readonly (readonly [string, ParsedMessage])[]): void {
  it.each(table.map(([message, parsed]) => ({ message, parsed })))('$message', ({ message, parsed }) => {
    expect(parseMessage(message)).toEqual(parsed);
  });
}

describe('jobs that fit', () => {
  const fit: ParsedMessage = { intent: 'jobs_that_fit' };
  cases([
    ['which jobs fit me', fit],
    ['Which jobs fit me?', fit],
    ['Hi! Which jobs fit me?', fit],
    ['what roles am I a good fit for?', fit],
    ['show me jobs that match my resume', fit],
    ['Are there positions that suit my background?', fit],
    ['what jobs am I qualified for', fit],
    ['recommend some jobs for me', fit],
    ['any jobs for me?', fit],
    ['jobs for someone like me', fit],
    ['what should I apply to?', fit],
    ['Where should I apply?', fit],
    ['which openings match my skills', fit],
    ['thanks, and which roles would suit me best?', fit],
  ]);
});

describe('skill gaps', () => {
  cases([
    ['what am I missing for staff engineer?', { intent: 'skill_gaps', role: 'Staff Engineer' }],
    ['What skills am I missing for Senior Backend Engineer', { intent: 'skill_gaps', role: 'Senior Backend Engineer' }],
    ['what skills do I need to become a data scientist', { intent: 'skill_gaps', role: 'Data Scientist' }],
    ['skill gaps for product designer', { intent: 'skill_gaps', role: 'Product Designer' }],
    ['Skills gap for an SRE', { intent: 'skill_gaps', role: 'SRE' }],
    ['how do I become an engineering manager', { intent: 'skill_gaps', role: 'Engineering Manager' }],
    ['am I qualified for senior engineer roles?', { intent: 'skill_gaps', role: 'Senior Engineer' }],
    ['am I ready to be a staff engineer?', { intent: 'skill_gaps', role: 'Staff Engineer' }],
    ["What's missing from my resume for data scientist", { intent: 'skill_gaps', role: 'Data Scientist' }],
    ['what skills do senior data scientists need?', { intent: 'skill_gaps', role: 'Senior Data Scientist' }],
    ['What skills are required for a DevOps engineer?', { intent: 'skill_gaps', role: 'DevOps Engineer' }],
    ['I want to become a machine learning engineer', { intent: 'skill_gaps', role: 'Machine Learning Engineer' }],
    ['what should I learn to become an iOS developer', { intent: 'skill_gaps', role: 'iOS Developer' }],
    ['what am I missing?', { intent: 'skill_gaps', role: null }],
    ['gap analysis please', { intent: 'skill_gaps', role: null }],
    ['what am I lacking as a frontend developer', { intent: 'skill_gaps', role: 'Frontend Developer' }],
  ]);
});

describe('trajectory', () => {
  cases([
    ['where can I go from here?', { intent: 'trajectory', from: null }],
    ['Where could I go next?', { intent: 'trajectory', from: null }],
    ["what's next in my career", { intent: 'trajectory', from: null }],
    ['what comes after senior engineer?', { intent: 'trajectory', from: 'Senior Engineer' }],
    ['what is the career path from data analyst', { intent: 'trajectory', from: 'Data Analyst' }],
    ['should I go into management?', { intent: 'trajectory', from: null }],
    ['should I become a manager?', { intent: 'trajectory', from: null }],
    ['IC or management track?', { intent: 'trajectory', from: null }],
    ['how do I get promoted', { intent: 'trajectory', from: null }],
    ['career path', { intent: 'trajectory', from: null }],
    ['what would my next step be?', { intent: 'trajectory', from: null }],
    ['show me my career ladder', { intent: 'trajectory', from: null }],
  ]);
});

describe('pay', () => {
  cases([
    ['what does a data scientist pay?', { intent: 'pay', role: 'Data Scientist', location: null }],
    ['What does a data scientist make in Berlin', { intent: 'pay', role: 'Data Scientist', location: 'Berlin' }],
    ['how much do backend engineers earn in London?', { intent: 'pay', role: 'Backend Engineer', location: 'London' }],
    ["what's the salary for a product manager in New York", { intent: 'pay', role: 'Product Manager', location: 'New York' }],
    ['backend engineer salary in berlin', { intent: 'pay', role: 'Backend Engineer', location: 'Berlin' }],
    ['Senior SRE salary', { intent: 'pay', role: 'Senior SRE', location: null }],
    ['pay for data engineers remote', { intent: 'pay', role: 'Data Engineer', location: 'Remote' }],
    ['what is the average salary of a UX designer?', { intent: 'pay', role: 'UX Designer', location: null }],
    ['what does a staff engineer at Acme earn', { intent: 'pay', role: 'Staff Engineer', location: null }],
    ['what would I make as a senior engineer in Austin?', { intent: 'pay', role: 'Senior Engineer', location: 'Austin' }],
    ['what am I worth?', { intent: 'pay', role: null, location: null }],
    ['how much should I ask for?', { intent: 'pay', role: null, location: null }],
  ]);
});

describe('find jobs', () => {
  cases([
    ['find me backend engineer jobs in Berlin', { intent: 'find_jobs', role: 'Backend Engineer', location: 'Berlin', sources: null }],
    ['Find me Backend Engineer jobs in Berlin, Germany', { intent: 'find_jobs', role: 'Backend Engineer', location: 'Berlin, Germany', sources: null }],
    ['search for remote python roles', { intent: 'find_jobs', role: 'Python', location: 'Remote', sources: null }],
    ['Find me remote Backend Engineer jobs', { intent: 'find_jobs', role: 'Backend Engineer', location: 'Remote', sources: null }],
    [
      'look for data analyst positions in London on greenhouse and lever',
      { intent: 'find_jobs', role: 'Data Analyst', location: 'London', sources: ['greenhouse', 'lever'] },
    ],
    ['could you find me some go developer openings near Amsterdam on the sandbox?', { intent: 'find_jobs', role: 'Go Developer', location: 'Amsterdam', sources: ['sandbox'] }],
    ['Find me a new role as a product designer in Lisbon', { intent: 'find_jobs', role: 'Product Designer', location: 'Lisbon', sources: null }],
    ['python jobs in berlin', { intent: 'find_jobs', role: 'Python', location: 'Berlin', sources: null }],
    ["I'm looking for frontend developer jobs anywhere", { intent: 'find_jobs', role: 'Frontend Developer', location: '', sources: null }],
    ['show me jobs', { intent: 'find_jobs', role: null, location: null, sources: null }],
    ['find jobs in Toronto', { intent: 'find_jobs', role: null, location: 'Toronto', sources: null }],
  ]);
});

describe('small talk and unknown', () => {
  cases([
    ['hi', { intent: 'small_talk', talk: 'greeting' }],
    ['Hello there!', { intent: 'small_talk', talk: 'greeting' }],
    ['good morning', { intent: 'small_talk', talk: 'greeting' }],
    ['thanks!', { intent: 'small_talk', talk: 'thanks' }],
    ['Thank you so much', { intent: 'small_talk', talk: 'thanks' }],
    ['cheers', { intent: 'small_talk', talk: 'thanks' }],
    ['bye', { intent: 'small_talk', talk: 'goodbye' }],
    ["that's all, thanks", { intent: 'small_talk', talk: 'goodbye' }],
    ['ok bye', { intent: 'small_talk', talk: 'goodbye' }],
    ["Thanks, I'm done for today", { intent: 'small_talk', talk: 'goodbye' }],
    ['what is the meaning of life', { intent: 'unknown' }],
    ['asdf', { intent: 'unknown' }],
    ['', { intent: 'unknown' }],
  ]);

  it('does not end a conversation for a long message that happens to say bye', () => {
    expect(parseMessage('my manager said bye to the old process and I wonder how the new planning works at our company now')).toEqual({ intent: 'unknown' });
  });
});

describe('role words', () => {
  it('cleans typed roles into titles', () => {
    expect(cleanRole('a senior backend engineers?')).toBe('Senior Backend Engineer');
    expect(cleanRole('the iOS developer roles')).toBe('iOS Developer');
    expect(cleanRole('me')).toBeNull();
    expect(cleanRole('   ')).toBeNull();
    expect(cleanRole('x '.repeat(60))).toBeNull();
  });

  it('takes the level off a title', () => {
    expect(roleWithoutLevel('Senior Backend Engineer (Python)')).toBe('Backend Engineer');
    expect(roleWithoutLevel('Sr. Data Scientist')).toBe('Data Scientist');
    expect(roleWithoutLevel('Software Engineer III')).toBe('Software Engineer');
    expect(roleWithoutLevel('Associate Product Manager')).toBe('Product Manager');
    expect(roleWithoutLevel('Staff Engineer, Payments')).toBe('Engineer');
  });
});

describe('suggestions', () => {
  const contexts: SuggestionContext[] = [
    { role: 'Backend Engineer', nextRole: 'Senior Backend Engineer', place: 'Berlin', hasResume: true },
    { role: 'Data Scientist', nextRole: null, place: '', hasResume: true },
    { role: null, nextRole: null, place: 'Remote', hasResume: false },
  ];

  it('offers two to four prompts the parser reads back, never the question just answered', () => {
    for (const context of contexts) {
      for (const answered of careerIntentSchema.options) {
        const prompts = suggestionsFor(answered, context);
        expect(prompts.length).toBeGreaterThanOrEqual(2);
        expect(prompts.length).toBeLessThanOrEqual(4);
        for (const prompt of prompts) {
          const parsed = parseMessage(prompt);
          expect(['small_talk', 'unknown']).not.toContain(parsed.intent);
          if (answered !== 'small_talk' && answered !== 'unknown' && answered !== 'find_jobs') expect(parsed.intent).not.toBe(answered);
        }
      }
    }
  });

  it('carries the role and the place into the prompts', () => {
    expect(suggestionsFor('jobs_that_fit', contexts[0]!)).toEqual([
      'What am I missing for Senior Backend Engineer?',
      'What does a Backend Engineer pay?',
      'Where can I go from here?',
    ]);
    expect(parseMessage('Find me Backend Engineer jobs in Berlin')).toEqual({ intent: 'find_jobs', role: 'Backend Engineer', location: 'Berlin', sources: null });
    expect(parseMessage('What does a Backend Engineer pay?')).toEqual({ intent: 'pay', role: 'Backend Engineer', location: null });
    expect(suggestionsFor('jobs_that_fit', { ...contexts[0]!, role: 'Engineering Manager' })).toContain('What does an Engineering Manager pay?');
    expect(suggestionsFor('jobs_that_fit', { ...contexts[0]!, role: 'SRE' })).toContain('What does an SRE pay?');
  });

  it('offers a search instead of what needs a resume', () => {
    expect(suggestionsFor('small_talk', contexts[2]!)).toEqual([
      'Find me remote Software Engineer jobs',
      'What am I missing for Software Engineer?',
      'What does a Software Engineer pay?',
    ]);
  });
});
