import { z } from 'zod';
import { hitlAnswerKindSchema, hitlSaveAsSchema } from '../hitl';
import { hitlIdSchema, jobSourceSchema, pipelineParamsSchema, stageSchema } from '../pipeline';
import { careerIntentSchema } from '../sessions/career';
import { interviewQuestionKindSchema } from '../sessions/interview';
import { contactRelationSchema } from '../sessions/network';

/**
 * The event catalog: every event type the system emits, each with the schema of its
 * `data` payload. Type strings are seed 000's EventType values, plus the job-control
 * events of seed 001 (job_paused, job_resumed, job_cancelled). Payload fields are
 * camelCase and strict, so a typo in an agent fails loudly instead of shipping a
 * field nobody reads.
 */

const url = z.string().max(2048);
const text = (max = 2000) => z.string().max(max);
const count = z.number().int().min(0);
const percent = z.number().int().min(0).max(100);
const score = z.number().min(0).max(100);
const empty = z.strictObject({});

const jobRef = {
  jobUrl: url,
  title: text(300),
  company: text(200),
};

const filledField = z.strictObject({
  label: text(300),
  value: text(5000),
  confident: z.boolean(),
});

const connection = {
  connected: z.strictObject({ connectionId: text(100) }),
  disconnected: z.strictObject({ reason: text() }),
  error: z.strictObject({ code: text(100), detail: text().optional() }),
};

const pipeline = {
  pipeline_start: z.strictObject({ params: pipelineParamsSchema, attempt: z.number().int().min(1) }),
  pipeline_complete: z.strictObject({
    jobsFound: count,
    jobsAnalyzed: count,
    jobsQualified: count,
    applicationsDrafted: count,
    applicationsSubmitted: count,
    durationMs: count,
  }),
  /** The end of a session (a run of another kind than pipeline): the terminal event its page waits for. */
  session_complete: z.strictObject({ kind: text(50), outcome: text(100), summary: text(2000), durationMs: count }),
  pipeline_error: z.strictObject({
    error: text(),
    /** true when the run goes on (another attempt), false when the run has failed for good. */
    retrying: z.boolean(),
    attempt: z.number().int().min(1),
  }),
  pipeline_paused: z.strictObject({ stage: stageSchema, step: text(200) }),
  pipeline_resumed: z.strictObject({ stage: stageSchema, step: text(200), pausedMs: count }),
  pipeline_stopped: z.strictObject({ reason: text(500), stage: stageSchema }),
};

const scout = {
  scout_start: z.strictObject({ query: text(200), location: text(200), sources: z.array(jobSourceSchema) }),
  scout_searching: z.strictObject({ source: jobSourceSchema, query: text(200), location: text(200) }),
  scout_found: z.strictObject({ source: jobSourceSchema, count, urls: z.array(url) }),
  scout_complete: z.strictObject({ count, duplicatesRemoved: count }),
};

const analyst = {
  analyst_start: z.strictObject({ ...jobRef, jobIndex: z.number().int().min(1), total: count, progress: percent }),
  analyst_fetching: z.strictObject({ jobUrl: url }),
  analyst_analyzing: z.strictObject({ ...jobRef, requirements: z.array(text(200)) }),
  analyst_result: z.strictObject({
    ...jobRef,
    matchScore: score,
    matchedSkills: z.array(text(100)),
    missingSkills: z.array(text(100)),
    explanation: text(),
  }),
  analyst_skipped: z.strictObject({ ...jobRef, matchScore: score, minMatchScore: score, reason: text() }),
  analyst_complete: z.strictObject({ analyzed: count, qualified: count }),
};

const company = {
  company_start: z.strictObject({ company: text(200) }),
  company_researching: z.strictObject({ company: text(200), source: text(200) }),
  company_result: z.strictObject({ company: text(200), summary: text(), facts: z.array(text(500)) }),
  company_error: z.strictObject({ company: text(200), error: text() }),
};

const resume = {
  resume_start: z.strictObject({ ...jobRef }),
  resume_fetching_context: z.strictObject({ jobUrl: url }),
  resume_tailoring: z.strictObject({ jobUrl: url, keywords: z.array(text(100)) }),
  resume_generated: z.strictObject({ jobUrl: url, fileName: text(300), bytes: count }),
  resume_ats_scored: z.strictObject({ jobUrl: url, before: score, after: score }),
  resume_review: z.strictObject({ jobUrl: url, hitlId: hitlIdSchema, preview: text(10_000) }),
  resume_complete: z.strictObject({ jobUrl: url, approved: z.boolean() }),
};

const coverLetter = {
  cover_letter_start: z.strictObject({ ...jobRef }),
  cover_letter_generating: z.strictObject({ jobUrl: url }),
  cover_letter_review_requested: z.strictObject({ jobUrl: url, hitlId: hitlIdSchema, preview: text(10_000) }),
  cover_letter_complete: z.strictObject({ jobUrl: url, approved: z.boolean(), wordCount: count }),
};

const applier = {
  applier_start: z.strictObject({ ...jobRef, draftMode: z.boolean() }),
  applier_navigate: z.strictObject({ url }),
  applier_click: z.strictObject({ target: text(300) }),
  applier_type: z.strictObject({ field: text(300), value: text(5000) }),
  applier_upload: z.strictObject({ field: text(300), fileName: text(300) }),
  applier_submit: z.strictObject({ jobUrl: url }),
  applier_draft_ready: z.strictObject({
    ...jobRef,
    fields: z.array(filledField),
    /** base64 JPEG of the filled form, when a browser took one. */
    screenshot: z.string().max(2_000_000).optional(),
  }),
  applier_submitted: z.strictObject({ ...jobRef, confirmation: text(500) }),
  applier_complete: z.strictObject({ drafted: count, submitted: count, failed: count }),
  applier_error: z.strictObject({ jobUrl: url, error: text() }),
};

const browser = {
  /** Live frames: latest wins, never stored in the event log (design notes, Events 7). */
  browser_screenshot: z.strictObject({
    screenshot: z.string().max(2_000_000),
    format: z.literal('jpeg'),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  browser_action: z.strictObject({ action: text(100), detail: text(1000) }),
};

const hitl = {
  hitl_request: z.strictObject({
    hitlId: hitlIdSchema,
    question: text(1000),
    context: text(10_000),
    options: z.array(text(200)).max(20),
    // Left out by events from before answers had kinds: those were all text or choice.
    answerKind: hitlAnswerKindSchema.optional(),
    multiple: z.boolean().optional(),
    saveAs: hitlSaveAsSchema.nullable().optional(),
    timeoutMs: count,
    expiresAt: z.iso.datetime(),
    defaultAnswer: text(1000).nullable(),
  }),
  hitl_response: z.strictObject({ hitlId: hitlIdSchema, response: text(10_000) }),
  hitl_timeout: z.strictObject({ hitlId: hitlIdSchema, timeoutMs: count, appliedDefault: text(1000).nullable() }),
  hitl_cancelled: z.strictObject({ hitlId: hitlIdSchema, reason: text(500) }),
};

/** The HR persona's phases: opening → counter → final offer → closed. */
const battlePhase = z.enum(['opening', 'counter', 'final_offer', 'closed']);

const salaryBattle = {
  salary_battle_start: z.strictObject({
    role: text(200),
    company: text(200),
    targetSalary: count,
    currency: text(10),
    /** Where the persona's (hidden) budget came from: research, the posting's range, or a default. */
    budgetFrom: text(200),
    phase: battlePhase,
    /** Seconds the user has for each turn. */
    turnSeconds: count,
  }),
  salary_battle_user_turn: z.strictObject({ round: count, prompt: text(), offer: count.nullable(), turnId: text(100) }),
  salary_battle_ai_response: z.strictObject({
    round: count,
    reply: text(5000),
    offer: count.nullable(),
    /** Ties the streamed (ephemeral) text of this reply to its finished, durable copy. */
    messageId: text(100),
    phase: battlePhase,
  }),
  salary_battle_phase_change: z.strictObject({ from: battlePhase, to: battlePhase }),
  salary_battle_counter: z.strictObject({ round: count, offer: count, currency: text(10) }),
  salary_battle_accepted: z.strictObject({ finalOffer: count, currency: text(10) }),
  salary_battle_rejected: z.strictObject({ reason: text() }),
  salary_battle_complete: z.strictObject({
    rounds: count,
    firstOffer: count.nullable(),
    finalOffer: count.nullable(),
    currency: text(10),
    outcome: z.enum(['accepted', 'rejected', 'abandoned']),
    /** Final over first offer, in percent; null without both. */
    percentGained: z.number().nullable(),
    /** What moved the persona, and what did not, in the user's words. */
    moved: z.array(text(500)).max(20),
    didNotMove: z.array(text(500)).max(20),
  }),
};

const salaryDataPoint = z.strictObject({
  title: text(300),
  company: text(200),
  url,
  source: text(50),
  min: count,
  max: count,
  original: text(100),
});

const salary = {
  salary_start: z.strictObject({ role: text(200), location: text(200), seniority: text(50).nullable() }),
  salary_analyzing: z.strictObject({ source: text(200), postings: count, withPay: count }),
  salary_result: z.strictObject({
    currency: text(10),
    sampleSize: count,
    /** Below the minimum sample the percentiles are null: "not enough data", never an invented number. */
    enough: z.boolean(),
    minimumSample: count,
    p25: count.nullable(),
    p50: count.nullable(),
    p75: count.nullable(),
    postings: z.array(salaryDataPoint).max(200),
  }),
  salary_complete: z.strictObject({ sources: count, sampleSize: count }),
};

const contact = z.strictObject({
  name: text(200),
  title: text(300),
  team: text(200),
  relation: contactRelationSchema,
  /** A public profile (team page, GitHub); never an email or phone. */
  profileUrl: url,
  source: text(100),
  /** Why this person, in a sentence. */
  why: text(500),
});

const network = {
  network_start: z.strictObject({ company: text(200), role: text(200).nullable(), sources: z.array(text(100)).max(20) }),
  network_searching: z.strictObject({ company: text(200), source: text(200), found: count }),
  network_found: z.strictObject({ company: text(200), contacts: z.array(contact).max(50) }),
  network_complete: z.strictObject({
    contacts: count,
    /** The outreach notes the user approved or edited; nothing is ever sent. */
    notes: z.array(z.strictObject({ name: text(200), profileUrl: url, note: text(3000), status: z.enum(['approved', 'edited', 'skipped']) })).max(50),
  }),
};

const criterion = z.strictObject({ score, note: text(500) });

const interview = {
  interview_start: z.strictObject({
    role: text(200),
    company: text(200).nullable(),
    questions: count,
    /** The posting's skills the technical questions are drawn from. */
    skills: z.array(text(100)).max(50),
    fromPosting: z.boolean(),
    /** Seconds the user has for each answer. */
    answerSeconds: count,
  }),
  interview_question: z.strictObject({
    index: count,
    question: text(),
    kind: interviewQuestionKindSchema,
    /** The posting skill a technical question is about. */
    skill: text(100).nullable(),
  }),
  interview_answer: z.strictObject({ index: count, answer: text(10_000), turnId: text(100) }),
  interview_feedback: z.strictObject({
    index: count,
    score,
    feedback: text(5000),
    criteria: z.strictObject({ structure: criterion, specificity: criterion, relevance: criterion, length: criterion }),
  }),
  interview_complete: z.strictObject({
    averageScore: score.nullable(),
    answered: count,
    /** The three things to work on, most important first. */
    workOn: z.array(text(500)).max(3),
  }),
};

const payRange = z.strictObject({ currency: text(10), p25: count, p50: count, p75: count, sampleSize: count });

const career = {
  career_chat_response: z.strictObject({
    reply: text(10_000),
    intent: careerIntentSchema,
    /** What the reply was built from: "your resume", "42 postings on sandbox", "the role ladder"… */
    builtFrom: z.array(text(300)).max(20),
    suggestions: z.array(text(200)).max(6),
    /** For "find me … jobs": the search the chat proposes; pipeline.start runs it when the user confirms. */
    proposal: pipelineParamsSchema.nullable(),
    /** Ties streamed (ephemeral) text to this finished reply. */
    messageId: text(100),
    /** The user's message this answers (its turn id); null for the opening. */
    turnId: text(100).nullable(),
    /** That message's text (the opening for the first reply), so a conversation reads whole from the replies. */
    message: text(4000),
  }),
  career_trajectory: z.strictObject({
    from: z.strictObject({ title: text(200), seniority: text(50), years: z.number().min(0) }),
    steps: z
      .array(
        z.strictObject({
          title: text(200),
          track: z.enum(['ic', 'management']),
          years: z.number().min(0),
          skills: z.array(text(100)).max(20),
          pay: payRange.nullable(),
        }),
      )
      .max(20),
  }),
  career_skill_gaps: z.strictObject({
    role: text(200),
    postings: count,
    gaps: z
      .array(
        z.strictObject({
          skill: text(100),
          postings: count,
          share: z.number().min(0).max(1),
          example: z.strictObject({ title: text(300), company: text(200), url }),
        }),
      )
      .max(50),
    /** The skills the postings ask for that the resume has. */
    have: z.array(text(100)).max(100),
  }),
};

const task = {
  task_queued: z.strictObject({ jobId: text(200), queue: text(100) }),
  task_started: z.strictObject({ jobId: text(200), attempt: z.number().int().min(1), workerId: text(200) }),
  task_progress: z.strictObject({ jobId: text(200), progress: percent, stage: stageSchema }),
  task_complete: z.strictObject({ jobId: text(200), durationMs: count }),
  task_failed: z.strictObject({ jobId: text(200), error: text(), retrying: z.boolean() }),
};

const system = {
  system_startup: z.strictObject({ component: text(100) }),
  system_shutdown: z.strictObject({ component: text(100), reason: text(500) }),
  heartbeat: empty,
  ping: empty,
  pong: empty,
};

/** Seed 001's job-control events: the queued BullMQ job behind a run. */
const jobControl = {
  job_paused: z.strictObject({ jobId: text(200) }),
  job_resumed: z.strictObject({ jobId: text(200) }),
  job_cancelled: z.strictObject({ jobId: text(200), reason: text(500) }),
};

export const eventCatalog = {
  ...connection,
  ...pipeline,
  ...scout,
  ...analyst,
  ...company,
  ...resume,
  ...coverLetter,
  ...applier,
  ...browser,
  ...hitl,
  ...salaryBattle,
  ...salary,
  ...network,
  ...interview,
  ...career,
  ...task,
  ...system,
  ...jobControl,
};

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export type EventData<T extends EventType> = z.infer<EventCatalog[T]>;

export const eventTypes = Object.keys(eventCatalog) as EventType[];

export const agentSchema = z.enum([
  'system',
  'scout',
  'analyst',
  'company',
  'resume',
  'cover_letter',
  'applier',
  'browser',
  'hitl',
  'salary',
  'salary_battle',
  'network',
  'interview',
  'career',
  'task',
]);
export type Agent = z.infer<typeof agentSchema>;
