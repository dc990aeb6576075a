/** The host's chat message as the room shows it: trimmed, at most 500 characters; null if empty. */
export function cleanChat(text: string): string | null {
  return text.trim().slice(0, 500) || null;
}

/** A poll the host wrote: question up to 200 characters, 2 to 6 non-empty options; null if not a poll. */
export function cleanPoll(
  question: string,
  options: string[],
): { question: string; options: string[] } | null {
  const opts = options
    .map((o) => o.trim())
    .filter(Boolean)
    .slice(0, 6);
  if (!question.trim() || opts.length < 2) return null;
  return { question: question.trim().slice(0, 200), options: opts };
}
