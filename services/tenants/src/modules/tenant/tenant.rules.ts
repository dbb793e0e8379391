import { inputReason, type InputReasonParams } from '@maison/errors';
import { cleanTexts, invalid, type RuleViolation, textFault, type Texts } from '@maison/house';
import type { TenantKind } from './tenant.entity';

/** The bounds of a tenant's fields, the same as the CHECKs of migrations 001 and 006. */
export const TENANT_LIMITS = { slug: 60, name: 200, profession: 100, description: 2000, email: 254, website: 2000 } as const;

// The shapes of migration 001's CHECKs, written once more for JavaScript (PostgreSQL's \s is [[:space:]]).
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9 ().-]{7,25}$/;
const WEBSITE = /^https?:\/\//;

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
function isWebsite(text: string): boolean {
  if (!WEBSITE.test(text)) return false;
  try {
    return new URL(text).hostname.length > 0;
  } catch {
    return false;
  }
}

/** Checks the shape of a tenant, without the database (the slug's uniqueness is the service's). */
export function validateTenant(f: TenantFields): { draft: TenantDraft; violations: RuleViolation[] } {
  const violations: RuleViolation[] = [];
  const slug = f.slug.trim();
  if (!SLUG.test(slug) || slug.length > TENANT_LIMITS.slug) violations.push(invalid(path('slug'), inputReason('SLUG_FORMAT', { max: TENANT_LIMITS.slug })));
  const name = cleanTexts(f.name, path('name'), { max: TENANT_LIMITS.name });
  const profession = f.profession && cleanTexts(f.profession, path('profession'), { max: TENANT_LIMITS.profession });
  const description = f.description && cleanTexts(f.description, path('description'), { max: TENANT_LIMITS.description, multiline: true });
  violations.push(...name.violations, ...(profession?.violations ?? []), ...(description?.violations ?? []));
  const { email, website: maxUrl } = TENANT_LIMITS;
  const contactEmail = checkShape(
    f.contactEmail,
    'contactEmail',
    { shape: (t) => EMAIL.test(t), max: email, reason: inputReason('EMAIL', { max: email }) },
    violations,
  );
  const contactPhone = checkShape(f.contactPhone, 'contactPhone', { shape: (t) => PHONE.test(t), max: 25, reason: inputReason('PHONE') }, violations);
  const website = checkShape(f.website, 'website', { shape: isWebsite, max: maxUrl, reason: inputReason('HTTP_URL', { max: maxUrl }) }, violations);
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
