import { chooseExperience } from './experience';
import { chooseLocation } from './location/choose-location';
import { placeOf } from './gazetteer/place';
import { isPlaceholder } from './pick';
import { choosePhoneOption } from './phone-option';
import { chooseSalary } from './salary';
import { chooseStartDate } from './start-date';
import { equalText, matchText } from './text-match';
import type { Choice, ChoiceRequest, Option } from './types';
import { chooseYesNo } from './yes-no';

/**
 * The option of a select, radio group or dropdown that means the profile's value: by meaning
 * for locations, years, yes/no eligibility, salaries, start dates and phone calling codes;
 * by text for everything else, and as the last resort. Placeholders ("Select…") are never chosen.
 */
export function chooseOption(req: ChoiceRequest): Choice {
  const options = req.options.filter((o) => !isPlaceholder(o));
  const value = req.value.trim();
  if (!value) return { kind: 'none', why: 'your profile has no value for this' };
  if (options.length === 0) return { kind: 'none', why: 'the field has no options' };
  return byMeaning(req, value, options) ?? matchText(value, options);
}

/** null when the options do not read as the kind of answer the key is (then text decides). */
function byMeaning(req: ChoiceRequest, value: string, options: readonly Option[]): Choice | null {
  switch (req.key) {
    case 'location':
      return chooseByPlace(value, req.question, options);
    case 'yearsOfExperience':
      return chooseExperience(value, options);
    case 'workAuthorization':
    case 'requiresSponsorship':
      return chooseYesNo({ ...req, value }, options);
    case 'desiredSalary':
      return chooseSalary(value, req.question, options);
    case 'earliestStartDate':
      return chooseStartDate(value, options, req.now ?? new Date());
    case 'phone':
      return choosePhoneOption(value, options);
    default:
      return null;
  }
}

/**
 * A place the gazetteer understood is matched by meaning only: sharing a word is how
 * "Portland, OR" would pick "Portland, ME". Exact text still counts (a form's own spelling of
 * a place the gazetteer lacks).
 */
function chooseByPlace(value: string, question: string, options: readonly Option[]): Choice | null {
  const choice = chooseLocation(value, question, options);
  if (choice && choice.kind !== 'none') return choice;
  const exact = equalText(value, options);
  if (exact) return exact;
  if (choice) return choice;
  return placeOf(value) ? { kind: 'none', why: `no option names ${value}, its region or its time zone` } : null;
}
