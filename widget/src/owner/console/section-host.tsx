import { useEffect, useErrorBoundary, useState } from 'preact/hooks';
import { emit } from '../../events.ts';
import type { ConsoleContext } from './console-context.ts';
import type { ConsoleStrings } from './console-strings.ts';
import type { ConsoleSection, SectionModule } from './sections.ts';

/** Loads a section's chunk and renders it; a failure to load or render stays inside the section. */
export function SectionHost({
  entry,
  ctx,
  t,
}: {
  entry: ConsoleSection;
  ctx: ConsoleContext;
  t: ConsoleStrings;
}) {
  const [mod, setMod] = useState<SectionModule | null>(null);
  const [failed, setFailed] = useState(false);
  const [crash] = useErrorBoundary((err: unknown) =>
    emit('lectern:error', { type: 'load', message: String(err), element: 'lectern-dashboard' }),
  );

  useEffect(() => {
    let live = true;
    setMod(null);
    setFailed(false);
    entry.load().then(
      (m) => live && setMod(m),
      (err: unknown) => {
        if (!live) return;
        setFailed(true);
        emit('lectern:error', { type: 'load', message: String(err), element: 'lectern-dashboard' });
      },
    );
    return () => {
      live = false;
    };
  }, [entry]);

  if (crash) return <p class="notice error">{t.sectionCrashed}</p>;
  if (failed) return <p class="notice error">{t.sectionFailed}</p>;
  if (!mod) return <p class="meta">{t.loadingSection}</p>;
  return <mod.Section ctx={ctx} />;
}
