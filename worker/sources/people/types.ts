/** Someone at a company, as a people source found them: public facts only, never an email or phone. */
export interface Person {
  name: string;
  /** As the person or their company states it; '' when it is not public. */
  title: string;
  /** Their team ("Payments"); '' when not known. */
  team: string;
  /** A public profile: a team page entry, a GitHub profile. */
  profileUrl: string;
  /** The source's label ("sandbox", "github:acme-labs"). */
  source: string;
  /** What they wrote about themselves (a GitHub bio); '' when nothing. It is read for their role. */
  bio: string;
  /** Where they were found, for the sentence that says why they are worth contacting ("on Acme's team page"). */
  via: string;
}

export interface FindPeopleRequest {
  company: string;
  /** The team the user would join, for sources that can search by team. */
  team?: string;
  signal: AbortSignal;
}

/**
 * A place people come from, as job sources are for postings. A failure throws a
 * SourceError whose message the user reads; a stop of the run throws its reason.
 */
export interface PeopleSource {
  /** Human-readable, for events ("sandbox", "github:acme-labs"). */
  readonly label: string;
  find(request: FindPeopleRequest): Promise<Person[]>;
}
