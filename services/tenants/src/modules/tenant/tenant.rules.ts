import { inputReason, type InputReasonParams } from '@maison/errors';
import { cleanTexts, invalid, isEmail, isHttpUrl, isPhone, type RuleViolation, slugFault, textFault, type Texts } from '@maison/house';
import type { TenantKind } from './tenant.entity';

/** The bounds of a tenant's fields, the same as the CHECKs of migrations 001 and 006. */
export const TENANT_LIMITS = { slug: 60, name: 200, profession: 100, description: 2000, email: 254, website: 2000 } as const;

/** Every field of a tenant, as given by a create or as merged by an update: what the rules check. */
export interface TenantFields {
  slug: string;
  name: Texts;
  kind: TenantKind;
  profession: Texts | null;
  description: Texts | null;
  contactEmail: string | null;
  contactPhone: string | null;
  website: string | null;
}

/** The tenant as it will be stored: texts cleaned (NFC, trimmed), blank optional strings as null. */
export type TenantDraft = TenantFields;

const path = (field: string) => ['input', field];

/** A one-line optional string: trimmed, blank as null, refused with `reason` when too long, of another shape, or with a fault. */
function checkShape(
  value: string | null,
  field: string,
  rule: { shape: (text: string) => boolean; max: number; reason: InputReasonParams },
  violations: RuleViolation[],
): string | null {
  const text = value?.normalize('NFC').trim() || null;
  if (text !== null && (text.length > rule.max || textFault(text) !== null || !rule.shape(text))) violations.push(invalid(path(field), rule.reason));
  return text;
}

/** http:// or https:// (the CHECK of migration 001), and a URL with a host. */
/** Checks the shape of a tenant, without the database (the slug's uniqueness is the service's). */
export function validateTenant(f: TenantFields): { draft: TenantDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slug = f.slug.trim();
  const slugViolation = slugFault(slug, path('slug'), TENANT_LIMITS.slug);
  if (slugViolation) violations.push(slugViolation);
  const name = cleanTexts(f.name, path('name'), { max: TENANT_LIMITS.name });
  const profession = f.profession && cleanTexts(f.profession, path('profession'), { max: TENANT_LIMITS.profession });
  const description = f.description && cleanTexts(f.description, path('description'), { max: TENANT_LIMITS.description, multiline: true });
  violations.push(...name.violations, ...(profession?.violations ?? []), ...(description?.violations ?? []));
  const { email, website: maxUrl } = TENANT_LIMITS;
  const contactEmail = checkShape(
    f.contactEmail,
    'contactEmail',
    { shape: (t) => isEmail(t, email), max: email, reason: inputReason('EMAIL', { max: email }) },
    violations,
  );
  const contactPhone = checkShape(f.contactPhone, 'contactPhone', { shape: isPhone, max: 25, reason: inputReason('PHONE') }, violations);
  const website = checkShape(f.website, 'website', { shape: isHttpUrl, max: maxUrl, reason: inputReason('HTTP_URL', { max: maxUrl }) }, violations);
  return {
    draft: {
      slug,
      name: name.texts,
      kind: f.kind,
      profession: profession?.texts ?? null,
      description: description?.texts ?? null,
      contactEmail,
      contactPhone,
      website,
    },
    violations,
  };
}
