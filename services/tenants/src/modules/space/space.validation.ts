import { inputReason } from '@maison/errors';
import { cleanTexts, invalid, type RuleViolation, slugFault, type Texts } from '@maison/house';
import { SLUG_MAX } from './space-rules.bounds';
import { checkBounded } from './space-rules.validation';

export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 2000;
export const AMENITY_MAX = 100;
export const MAX_AMENITIES = 30;

/** The texts and capacity of a space as given by a create or an update: what is left out (undefined) stays. */
export interface SpaceFieldsInput {
  slug?: string;
  name?: Texts | null;
  description?: Texts | null;
  capacity?: number | null;
  amenities?: Texts[] | null;
}

export interface SpaceFieldsDraft {
  slug?: string;
  nameTexts?: Texts;
  descriptionTexts?: Texts;
  capacity?: number;
  amenityTexts?: Texts[];
}

/** Checks and cleans the fields of a space other than its rules; `path` is where the input sits (['input']). */
export function validateSpaceFields(input: SpaceFieldsInput, path: string[]): { draft: SpaceFieldsDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const draft: SpaceFieldsDraft = {};
  if (input.slug !== undefined) {
    const slug = input.slug.trim();
    const slugViolation = slugFault(slug, [...path, 'slug'], SLUG_MAX);
    if (slugViolation) violations.push(slugViolation);
    draft.slug = slug;
  }
  if (input.name) {
    const name = cleanTexts(input.name, [...path, 'name'], { max: NAME_MAX });
    violations.push(...name.violations);
    draft.nameTexts = name.texts;
  }
  if (input.description) {
    const description = cleanTexts(input.description, [...path, 'description'], { max: DESCRIPTION_MAX, multiline: true });
    violations.push(...description.violations);
    draft.descriptionTexts = description.texts;
  }
  if (input.capacity !== null && input.capacity !== undefined) {
    const bad = checkBounded('capacity', input.capacity, path);
    if (bad) violations.push(bad);
    draft.capacity = input.capacity;
  }
  if (input.amenities) {
    if (input.amenities.length > MAX_AMENITIES) violations.push(invalid([...path, 'amenities'], inputReason('AT_MOST_ITEMS', { max: MAX_AMENITIES })));
    draft.amenityTexts = input.amenities.map((a, i) => {
      const amenity = cleanTexts(a, [...path, 'amenities', String(i)], { max: AMENITY_MAX });
      violations.push(...amenity.violations);
      return amenity.texts;
    });
  }
  return { draft, violations };
}
