import { useState } from 'preact/hooks';
import type { RoomStrings } from '../i18n/room-strings.ts';
import { Icon } from './icons.tsx';
import type { Participant, RoomSnapshot } from './room-protocol.ts';

export type PanelActions = {
  chat(text: string): void;
  ask?(text: string): void;
  upvote?(id: string): void;
  vote?(poll: string, option: number): void;
  markAnswered?(id: string): void;
  createPoll?(question: string, options: string[]): void;
  closePoll?(id: string): void;
  invite?(id: string): void;
  mute?(id: string): void;
  remove?(id: string): void;
};

/** What every panel is drawn from; `host` says whose view it is. */
type PanelProps = { state: RoomSnapshot; s: RoomStrings; act: PanelActions; host: boolean };

/** A one-line form: Enter or the button submits; the field keeps focus for the next message. */
function LineForm({
  label,
  button,
  onSubmit,
  name,
}: {
  label: string;
  button: string;
  name: string;
  onSubmit(v: string): void;
}) {
  const [value, setValue] = useState('');
  return (
    <form
      class="line"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSubmit(value.trim());
        setValue('');
      }}
    >
      <input
        name={name}
        aria-label={label}
        placeholder={label}
        maxLength={500}
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit">{button}</button>
    </form>
  );
}

/**
 * "Host" beside the host's name wherever it appears, so a learner who calls themselves by the
 * host's name cannot pass as the host (the server also marks such a name "(learner)").
 */
function HostBadge({ s }: { s: RoomStrings }) {
  return <span class="role-badge">{s.hostBadge}</span>;
}

export function ChatPanel({ state, s, act }: { state: RoomSnapshot; s: RoomStrings; act: PanelActions }) {
  const hostIds = new Set(state.participants.filter((p) => p.role === 'host').map((p) => p.id));
  return (
    <section class="panel chat" aria-label={s.chat}>
      <h2>{s.chat}</h2>
      <ol class="messages" aria-live="polite">
        {state.chat.map((m) => (
          <li key={m.id}>
            <b>{m.name}</b>
            {hostIds.has(m.from) ? (
              <>
                {' '}
                <HostBadge s={s} />
              </>
            ) : null}{' '}
            {m.text}
          </li>
        ))}
      </ol>
      <LineForm name="chat" label={s.message} button={s.send} onSubmit={act.chat} />
    </section>
  );
}

export function QuestionsPanel({ state, s, act, host }: PanelProps) {
  return (
    <section class="panel questions" aria-label={s.questions}>
      <h2>{s.questions}</h2>
      <ol class="question-list">
        {state.questions.map((q) => (
          <li key={q.id} class={q.answered ? 'answered' : ''}>
            <span class="q-text">{q.text}</span> <small>— {q.name}</small>{' '}
            <span class="q-votes">{s.votes(q.votes)}</span>
            {q.answered ? <em class="q-answered"> {s.answered}</em> : null}
            {!host && !q.mine && act.upvote ? (
              <button type="button" aria-pressed={q.voted} onClick={() => act.upvote?.(q.id)}>
                <Icon name="up" /> {s.upvote}
              </button>
            ) : null}
            {host && act.markAnswered ? (
              <button type="button" aria-pressed={q.answered} onClick={() => act.markAnswered?.(q.id)}>
                {s.markAnswered}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {!host && act.ask ? (
        <LineForm name="question" label={s.yourQuestion} button={s.ask} onSubmit={act.ask} />
      ) : null}
    </section>
  );
}

export function PollsPanel({ state, s, act, host }: PanelProps) {
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState('');
  return (
    <section class="panel polls" aria-label={s.polls}>
      <h2>{s.polls}</h2>
      {state.polls.map((p) => (
        <fieldset key={p.id} class="poll" disabled={!p.open}>
          <legend>{p.question}</legend>
          {p.options.map((o, i) => (
            <div key={o.label} class="poll-option">
              {host ? (
                <span>{o.label}</span>
              ) : (
                <button type="button" aria-pressed={p.myVote === i} onClick={() => act.vote?.(p.id, i)}>
                  {o.label}
                </button>
              )}{' '}
              <span class="poll-votes">{s.votes(o.votes)}</span>
            </div>
          ))}
          {host && p.open ? (
            <button type="button" onClick={() => act.closePoll?.(p.id)}>
              {s.closePoll}
            </button>
          ) : null}
        </fieldset>
      ))}
      {host ? (
        <form
          class="poll-form"
          onSubmit={(e) => {
            e.preventDefault();
            act.createPoll?.(question, options.split('\n'));
            setQuestion('');
            setOptions('');
          }}
        >
          <input
            aria-label={s.pollQuestion}
            placeholder={s.pollQuestion}
            value={question}
            maxLength={200}
            onInput={(e) => setQuestion((e.target as HTMLInputElement).value)}
          />
          <textarea
            aria-label={s.pollOptions}
            placeholder={s.pollOptions}
            value={options}
            rows={3}
            onInput={(e) => setOptions((e.target as HTMLTextAreaElement).value)}
          />
          <button type="submit">{s.createPoll}</button>
        </form>
      ) : null}
    </section>
  );
}

export function ParticipantsPanel({ state, s, act, host }: PanelProps) {
  const row = (p: Participant) => (
    <li key={p.id} data-peer={p.id}>
      <span class="p-name">{p.name}</span>
      {p.role === 'host' ? (
        <>
          {' '}
          <HostBadge s={s} />
        </>
      ) : null}
      {p.hand ? (
        <span class="p-hand" role="img" title={s.handUp} aria-label={s.handUp}>
          {' '}
          <Icon name="hand" />
        </span>
      ) : null}
      {p.speaking && p.role !== 'host' ? (
        <span class="p-speaking">
          {' '}
          <Icon name="mic" /> {s.speaking}
        </span>
      ) : null}
      {host && p.role === 'learner' ? (
        <span class="p-actions">
          {p.speaking ? (
            <button type="button" onClick={() => act.mute?.(p.id)}>
              {s.mute}
            </button>
          ) : (
            <button type="button" onClick={() => act.invite?.(p.id)}>
              {s.invite}
            </button>
          )}
          <button type="button" onClick={() => act.remove?.(p.id)}>
            {s.remove}
          </button>
        </span>
      ) : null}
    </li>
  );
  return (
    <section class="panel participants" aria-label={s.participants(state.participants.length)}>
      <h2>{s.participants(state.participants.length)}</h2>
      <ul>{state.participants.map(row)}</ul>
    </section>
  );
}
