import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Locale } from '../../i18n/locale.ts';
import { currentSession, signOut } from '../owner-session.ts';
import { type ConsoleContext, ConsoleCtx, type ConsoleRoute } from './console-context.ts';
import { ConsoleDialog } from './console-dialog.tsx';
import { consoleStrings } from './console-strings.ts';
import { KeyRotation } from './key-rotation.tsx';
import { formatRoute, parseRoute } from './route.ts';
import { SectionHost } from './section-host.tsx';
import { sections } from './sections.ts';
import { SessionGate } from './session-gate.ts';
import { SignInForm } from './sign-in-form.tsx';

type Props = {
  server: string;
  site: string;
  locale: Locale;
  /** The `section` attribute: where to open when the address names none. */
  initialSection?: string;
  /** The level of the console's own heading; sections use the next one. */
  level: number;
};

const routeFromAddress = (fallback: string): ConsoleRoute =>
  parseRoute(location.hash) ?? { section: fallback, params: {} };

/** `<lectern-dashboard>`: sign-in, the nav of sections, and the section the address names. */
export function ConsoleApp({ server, site, locale, initialSection, level }: Props) {
  const t = consoleStrings(locale);
  const [signedIn, setSignedIn] = useState(() => currentSession(site) !== null);
  // The server refused the session while a section was open: ask again over it.
  const [expired, setExpired] = useState(false);
  const gate = useMemo(() => new SessionGate({ server, site }, () => setExpired(true)), [server, site]);
  const fallback = initialSection ?? sections[0].id;
  const [route, setRoute] = useState(() => routeFromAddress(fallback));
  const Heading = `h${level}` as 'h2';

  useEffect(() => {
    // Back/forward and links to `#/section` move the console; any other fragment is the page's.
    const follow = () => {
      const next = parseRoute(location.hash);
      if (next) setRoute((now) => (formatRoute(now) === formatRoute(next) ? now : next));
    };
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);

  const ctx = useMemo<ConsoleContext>(
    () => ({
      server,
      site,
      locale,
      level: Math.min(level + 1, 6),
      call: gate.call,
      route,
      navigate(section, params = {}) {
        const next = { section, params };
        setRoute(next);
        location.hash = formatRoute(next);
      },
    }),
    [server, site, locale, level, gate, route],
  );

  function leave() {
    signOut(site);
    gate.signedOut();
    setExpired(false);
    setSignedIn(false);
  }

  if (!signedIn) {
    return (
      <div class="console" lang={locale}>
        <SignInForm
          server={server}
          site={site}
          t={t}
          headingId="console-sign-in"
          level={level}
          title={t.signInTitle}
          lead={t.signInLead}
          onSignedIn={() => setSignedIn(true)}
        />
      </div>
    );
  }

  const entry = sections.find((s) => s.id === route.section);
  return (
    <div class="console" lang={locale}>
      <header class="console-head">
        <Heading class="console-title">
          {t.consoleTitle} <span class="meta">{t.siteLabel(site)}</span>
        </Heading>
        <div class="actions">
          <KeyRotation ctx={ctx} t={t} level={level + 1} />
          <button type="button" class="ghost" onClick={leave}>
            {t.signOut}
          </button>
        </div>
      </header>
      <nav class="console-nav" aria-label={t.sections}>
        {sections
          .filter((s) => !s.hidden)
          .map((s) => (
            <a
              key={s.id}
              href={formatRoute({ section: s.id, params: {} })}
              aria-current={s.id === route.section ? 'page' : undefined}
            >
              {s.label(locale)}
            </a>
          ))}
      </nav>
      <ConsoleCtx.Provider value={ctx}>
        <div class="console-main">
          {entry ? (
            <SectionHost key={entry.id} entry={entry} ctx={ctx} t={t} />
          ) : (
            <p class="notice">
              {t.unknownSection}{' '}
              <a href={formatRoute({ section: sections[0].id, params: {} })}>{t.backToStart}</a>
            </p>
          )}
        </div>
      </ConsoleCtx.Provider>
      {expired && (
        <ConsoleDialog labelledBy="console-expired">
          <SignInForm
            server={server}
            site={site}
            t={t}
            headingId="console-expired"
            level={level + 1}
            title={t.expiredTitle}
            lead={t.expiredLead}
            onSignedIn={() => {
              setExpired(false);
              gate.signedIn();
            }}
            extra={
              <button type="button" class="ghost" onClick={leave}>
                {t.signOut}
              </button>
            }
          />
        </ConsoleDialog>
      )}
    </div>
  );
}
