/**
 * @module engine/data-sensitivity: what the task's own words say about the data the model would see, for the residency
 * question only (never for feasibility: an unstated residency rule is not a blocker).
 *
 * - Health data (patients, clinical notes, HIPAA): whether it may reach a vendor is a question even for a team that
 *   already calls a vendor's model, because protected health information needs its own agreement with that vendor.
 * - Public content (marketing copy, product descriptions and photos, public docs and help-centre pages): where it is
 *   processed is rarely a constraint, so with no model named the residency question gives way to the others.
 * Linear regular expressions (word starts, no nested quantifiers) on at most {@link MAX_TASK_CHARS} characters. Pure.
 */
import type { Profile } from '../profile/profile-schema.ts';

/** Only the first characters of the task are read (the task field is bounded anyway). */
export const MAX_TASK_CHARS = 2_000;

const HEALTH_DATA =
  /\b(patients?|clinical|clinicians?|hospitals?|medical|medicine|health ?records?|discharge|diagnos\w*|radiolog\w*|pathology|ehr|emr|hipaa|phi)\b/i;

/** Regulated or confidential data that outweighs a public-content hint. */
const REGULATED_DATA =
  /\b(legal|lawyers?|contracts?|litigation|banks?|banking|financial|kyc|aml|fraud|loans?|insurance|insurers?|claims?|payroll|tax|hr|employees?|r[ée]sum[ée]s?|candidates?|salar\w*|source code|codebase|monorepo|confidential|personal data|pii|gdpr|customers?'? (data|records|emails?|messages|calls?|tickets?|complaints?|accounts?)|complaints? (from|of|by) (customers?|clients?|patients?|citizens?)|regulator'?s? (categor\w*|rules?|requirements?|guidance|reporting|complaint\w*|definitions?|taxonomy)|(financial|banking|conduct|prudential|data protection|industry) regulator'?s?|vulnerable (customers?|clients?|people|adults|users)|government|municipal\w*|citizens?|caseworkers?|public sector|police|court|asylum|refugees?|beneficiar\w*|students?'? (records|data|essays)|children|minors|soc|siem|security (alerts?|incidents?|logs?|analysts?)|threat intel\w*|surveillance|pharma\w*|trials?)\b/i;

const PUBLIC_CONTENT =
  /\b(product (descriptions?|photos?|images?|listings?|copy)|marketing|ad copy|advert\w*|brand(ed)? (voice|style|look|images?|visuals?)|social (media )?posts?|headlines?|news articles?|blog|seo|catalog(ue)? (images?|photos?)|help[- ]?(cent(er|re))|public (docs?|documentation|website)|product documentation|faqs?)\b/i;

function taskText(profile: Profile): string {
  return (profile.task ?? '').slice(0, MAX_TASK_CHARS);
}

/**
 * Data whose handling a regulator or a statute governs outright (taxpayers' and citizens' files, court and police
 * records, banks' customer checks and loan files, medicines' batch and trial records): like health data, whether it may reach a vendor
 * at all is a question even for a team that already calls a vendor's model.
 */
const STATUTORY_DATA =
  /\b(tax ?payers?|tax (returns?|records?|files?|letters?|authority|agency|office)|revenue (agency|service|authority)|government|ministry|municipal\w*|citizens?|caseworkers?|public sector|police|court (records?|files?|filings?)|asylum|refugees?|social (security|benefits?|services?)|benefit claims?|kyc|aml|anti-money|bank (customers?|accounts?|statements?|transactions?)|banking|loan (applications?|applicants?|files?|forms?)|mortgage (applications?|files?)|credit (applications?|reports?|files?)|gmp|batch[- ]records?|clinical trials?|pharmacovigilance|defen[cs]e (ministry|contractors?|department|agency)|ministry of defen[cs]e|classified (documents?|information|material)|military)\b/i;

/** The task names data a statute or a regulator governs outright (government, tax, courts, banks, GMP records). */
export function mentionsStatutoryData(profile: Profile): boolean {
  return STATUTORY_DATA.test(taskText(profile));
}

/** The task names regulated or confidential data (legal, financial, government, personal, security). */
export function mentionsRegulatedData(profile: Profile): boolean {
  return REGULATED_DATA.test(taskText(profile));
}

/** The task mentions health data (patients, clinical records, HIPAA). */
export function mentionsHealthData(profile: Profile): boolean {
  return HEALTH_DATA.test(taskText(profile));
}

/**
 * The task is about content meant for the public (marketing, product listings, public docs) and names nothing
 * regulated or confidential, and safety is not at stake: residency is unlikely to decide anything.
 */
export function isPublicContent(profile: Profile): boolean {
  const text = taskText(profile);
  if (profile.safetyCritical === true) return false;
  return PUBLIC_CONTENT.test(text) && !HEALTH_DATA.test(text) && !REGULATED_DATA.test(text);
}
