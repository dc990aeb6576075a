// The room's icons, drawn inline: emoji and symbol characters need a font that has them (many
// Linux machines have none: they showed as boxes), and looking for one cost 11–55 ms of layout
// the first time a page showed such a character (a Chrome trace of "Join", BENCHMARKS.md).

const PATHS = {
  hand: 'M8 12V5.5a1.5 1.5 0 0 1 3 0V11M11 10.5V4a1.5 1.5 0 0 1 3 0v7M14 11V5.5a1.5 1.5 0 0 1 3 0V12M17 12V9a1.5 1.5 0 0 1 3 0v5a7 7 0 0 1-7 7h-1.5a6 6 0 0 1-4.8-2.4l-2.9-3.9a1.5 1.5 0 0 1 2.4-1.8L8 15',
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  fullScreen: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  up: 'M12 5l7 12H5z',
} as const;

/** A 1em line icon in the text's colour; decorative (the text or label next to it says what it is). */
export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
