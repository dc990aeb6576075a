import type { ComponentChildren } from 'preact';
import type { ManageStrings } from './manage-strings.ts';
import type { OwnerData } from './use-owner-data.ts';

/**
 * A panel's three states in one place: a calm "could not be loaded" with "Try again", "Loading…",
 * or the content drawn from the data.
 */
export function Loaded<T>({
  source,
  t,
  children,
}: {
  source: OwnerData<T>;
  t: ManageStrings;
  children: (data: T) => ComponentChildren;
}) {
  if (source.failed) {
    return (
      <p class="notice error">
        {t.unavailable}{' '}
        <button type="button" class="ghost" onClick={source.reload}>
          {t.retry}
        </button>
      </p>
    );
  }
  if (!source.data) return <p class="meta">{t.loading}</p>;
  return <>{children(source.data)}</>;
}

/** The live line that says what an action did (or why not); empty and hidden until then. */
export function ActionNotice({ notice }: { notice: { text: string; error?: boolean } | null }) {
  return (
    <p role="status" class={notice?.error ? 'notice error' : notice ? 'notice' : 'visually-hidden'}>
      {notice?.text ?? ''}
    </p>
  );
}
