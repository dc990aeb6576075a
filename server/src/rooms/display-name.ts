/**
 * A name as people read it: Unicode-normalised (full-width letters, ligatures), without case,
 * spaces or invisible characters, so "ADA  LOVELACE", "Ada Lovelace\u200b" and "ａｄａ lovelace"
 * all read as "Ada Lovelace".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u00ad\u200b-\u200f\u2060\ufeff]+/g, '')
    .toLocaleLowerCase('und');
}

// In the workshop's language: the room shows it to everyone in the room.
const LEARNER_SUFFIX: Record<string, string> = { en: ' (learner)', 'zh-CN': '（学员）', zh: '（学员）' };

/**
 * The name a learner is shown under. One that reads as the host's (the workshop's host name or
 * the name the host joined with) would let a learner speak as the host in chat and questions, so
 * it is kept but marked "(learner)" — the join still succeeds and the room's Host badge does
 * the rest.
 */
export function learnerDisplayName(name: string, hostNames: readonly string[], language: string): string {
  const key = nameKey(name);
  if (!hostNames.some((host) => nameKey(host) === key)) return name;
  return `${name}${LEARNER_SUFFIX[language] ?? LEARNER_SUFFIX.en}`;
}
