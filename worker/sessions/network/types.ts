import type { EventData } from '~/shared/events';
import type { z } from 'zod';
import type { contactRelationSchema } from '~/shared/sessions/network';

/** A person worth contacting, as network_found reports them. */
export type Contact = EventData<'network_found'>['contacts'][number];
export type ContactRelation = z.infer<typeof contactRelationSchema>;

/** An outreach note after the user's review, as network_complete reports it. */
export type ReviewedNote = EventData<'network_complete'>['notes'][number];
export type NoteStatus = ReviewedNote['status'];
