/** "Where can I go from here?": the user's place on their family's ladder, the next rungs on both tracks, and their pay. */
import { formatMoney } from '~/shared/money';
import type { JobPosting } from '../../../sources';
import { placeUser, type Placement } from '../placement';
import { resumeSource } from '../profile';
import { anyStepMatcher, payForSteps } from '../step-pay';
import { answeredLabels, collectPostings, failureNotes, type Collection } from '../sources';
import { nextSteps, trajectoryOf, type Trajectory } from '../trajectory';
import type { Reply } from '../types';
import { clip, listWords, plural } from '../words';
import { askForResume, reply } from './common';
import type { AnswerContext } from './context';

type Step = Trajectory['steps'][number];

/** `from` is a title the user named ("what comes after senior engineer"); the resume's otherwise. */
export async function answerTrajectory(ctx: AnswerContext, from: string | null): Promise<Reply> {
  const { profile } = ctx;
  // Years belong to the user's own title; for a title they only name, the rung's typical years stand in.
  const placement = placeUser({ title: from ?? profile.currentTitle, skills: profile.resume.skills, years: from === null ? profile.resume.years : null });
  if (!placement) return askForResume(ctx, 'trajectory', 'place you on a career ladder');
  const steps = nextSteps(placement);
  // Collected once for every rung: the whole of each board, kept where a title is one of the rungs.
  const onLadder = anyStepMatcher(steps);
  const request = { query: '', location: '', keep: (p: JobPosting) => onLadder(p.title), withPay: true };
  const collection = await collectPostings(ctx.clients, request, ctx.signal);
  const trajectory = trajectoryOf(placement, steps, payForSteps(steps, collection.postings));
  const ladder = `the ${placement.family.name} ladder`;
  await ctx.emit('career_trajectory', clip(`From ${placement.title}: ${plural(trajectory.steps.length, 'next step')} on ${ladder}`, 2000), trajectory);
  return reply(ctx, {
    intent: 'trajectory',
    text: [placeText(placement), trackText('ic', trajectory), trackText('management', trajectory), ...failureNotes(collection)].join('\n'),
    headline: `Career paths from ${placement.title}`,
    builtFrom: [from === null ? resumeSource(profile) : `the title you named (${placement.title})`, ladder, paySource(collection)],
    topic: `where you can go from ${placement.title}`,
  });
}

function placeText(p: Placement): string {
  const years = p.yearsKnown ? plural(p.years, 'year') : `about ${plural(p.years, 'year')}, typical for the level (your profile does not say)`;
  const basis = p.basis === 'skills' ? ' (your resume names no title, so your skills place you)' : '';
  return `You are at ${p.title}${basis}: ${p.level} level on the ${p.family.name} ladder, ${years} of experience.`;
}

const TRACK_NAMES = { ic: 'Individual contributor (IC) track', management: 'Management track' } as const;

function trackText(track: Step['track'], trajectory: Trajectory): string {
  const steps = trajectory.steps.filter((s) => s.track === track);
  if (steps.length === 0) return `${TRACK_NAMES[track]}: you are at its top rung in this ladder.`;
  return `${TRACK_NAMES[track]}: ${steps.map(stepText).join('; then ')}.`;
}

/** "Staff Backend Engineer (typically 8 years; technical strategy, observability; pays $150,000–$190,000, median $170,000, from 7 postings)". */
function stepText(step: Step): string {
  return `${step.title} (typically ${plural(step.years, 'year')}; ${listWords(step.skills)}; ${payText(step.pay)})`;
}

function payText(pay: Step['pay']): string {
  if (pay === null) return 'not enough postings with pay to say what it pays';
  const money = (n: number) => formatMoney(n, pay.currency);
  return `pays ${money(pay.p25)}–${money(pay.p75)}, median ${money(pay.p50)}, from ${plural(pay.sampleSize, 'posting')}`;
}

function paySource(collection: Collection): string {
  const withPay = collection.postings.filter((p) => p.salary !== null).length;
  const labels = answeredLabels(collection);
  return `${plural(withPay, 'posting')} with pay on the ladder's rungs${labels.length > 0 ? ` from ${labels.join(', ')}` : ' (no source answered)'}`;
}
