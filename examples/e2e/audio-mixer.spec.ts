import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from './fixtures.ts';

// The host's AudioMixer (widget/src/room/audio-mixer.ts) in real Chromium Web Audio: tones stand
// in for the host's microphone and two invited speakers, and an analyser reads what each output
// track carries at each tone's frequency.

const here = path.dirname(fileURLToPath(import.meta.url));

test('the host mix: the microphone as it is while nobody speaks; then everyone hears host and speakers, a speaker never hears themselves, mute and removal apply', async ({
  page,
  server,
}) => {
  const bundle = await build({
    stdin: {
      contents:
        "import { AudioMixer } from '@lectern/widget/room/audio-mixer'; window.AudioMixer = AudioMixer;",
      resolveDir: here,
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  await page.goto(`${server.url}/blog/`);
  await page.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
  await page.waitForFunction(() => 'AudioMixer' in window);
  // A person's click: browsers start Web Audio suspended until one.
  await page.mouse.click(5, 5);

  const levels = await page.evaluate(async () => {
    type Mixer = import('@lectern/widget/room/audio-mixer').AudioMixer;
    const Ctor = (window as unknown as { AudioMixer: new (mic: MediaStream | null) => Mixer }).AudioMixer;
    const ctx = new AudioContext();
    await ctx.resume();
    const tone = (hz: number) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      const out = ctx.createMediaStreamDestination();
      osc.connect(out);
      osc.start();
      return out.stream;
    };
    /**
     * dB at 440 / 880 / 1320 Hz in what a track carries: the median of three snapshots, so that
     * one audio glitch (a click spreads over every frequency) on a busy machine decides nothing.
     */
    const read = async (track: MediaStreamTrack) => {
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
      const data = new Float32Array(analyser.frequencyBinCount);
      const snapshots: { host: number; ana: number; bo: number }[] = [];
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, i === 0 ? 500 : 250));
        analyser.getFloatFrequencyData(data);
        const at = (hz: number) => {
          const bin = Math.round(hz / (ctx.sampleRate / analyser.fftSize));
          return Math.round(Math.max(data[bin - 1], data[bin], data[bin + 1]));
        };
        snapshots.push({ host: at(440), ana: at(880), bo: at(1320) });
      }
      const median = (k: 'host' | 'ana' | 'bo') => snapshots.map((x) => x[k]).sort((a, b) => a - b)[1];
      return { host: median('host'), ana: median('ana'), bo: median('bo') };
    };
    const hostMic = tone(440);
    const mixer = new Ctor(hostMic);
    mixer.resume();
    const out: Record<string, Awaited<ReturnType<typeof read>> | boolean> = {};
    // Nobody invited to speak: the microphone track goes out as it is, Web Audio sleeps.
    out.aloneIsMic = mixer.trackFor('someone') === hostMic.getAudioTracks()[0];
    out.alone = await read(mixer.trackFor('someone'));
    mixer.hostMuted = true;
    out.aloneMuted = await read(mixer.trackFor('someone'));
    mixer.hostMuted = false;
    mixer.addSpeaker('ana', tone(880));
    mixer.addSpeaker('bo', tone(1320));
    out.mixing = mixer.mixing && mixer.trackFor('someone') !== hostMic.getAudioTracks()[0];
    // Web Audio wakes a moment later (cold audio device): wait until the host's tone flows through
    // the mix, then read once more so its onset is out of the analysed window.
    for (let i = 0; i < 20 && (await read(mixer.trackFor('someone'))).host < -60; i++);
    out.everyone = await read(mixer.trackFor('someone'));
    out.toAna = await read(mixer.trackFor('ana'));
    out.toBo = await read(mixer.trackFor('bo'));
    mixer.hostMuted = true;
    out.hostMuted = await read(mixer.trackFor('someone'));
    mixer.hostMuted = false;
    mixer.removeSpeaker('ana');
    out.anaBackToEveryone = mixer.trackFor('ana') === mixer.trackFor('someone');
    out.afterAnaLeft = await read(mixer.trackFor('someone'));
    mixer.removeSpeaker('bo');
    out.backToMic = !mixer.mixing && mixer.trackFor('bo') === hostMic.getAudioTracks()[0];
    out.afterBoLeft = await read(mixer.trackFor('someone'));
    mixer.close();
    return out;
  });

  const heard = -60; // dB: a tone at full scale reads around -10
  const silent = -90;
  const check = (name: string, expected: { host: boolean; ana: boolean; bo: boolean }) => {
    const got = levels[name] as { host: number; ana: number; bo: number };
    for (const k of ['host', 'ana', 'bo'] as const) {
      const where = `${name}: ${k} (all levels: ${JSON.stringify(levels)})`;
      if (expected[k]) expect(got[k], where).toBeGreaterThan(heard);
      else expect(got[k], where).toBeLessThan(silent);
    }
  };
  expect(levels.aloneIsMic).toBe(true);
  check('alone', { host: true, ana: false, bo: false });
  check('aloneMuted', { host: false, ana: false, bo: false });
  expect(levels.mixing).toBe(true);
  check('everyone', { host: true, ana: true, bo: true });
  check('toAna', { host: true, ana: false, bo: true });
  check('toBo', { host: true, ana: true, bo: false });
  check('hostMuted', { host: false, ana: true, bo: true });
  check('afterAnaLeft', { host: true, ana: false, bo: true });
  expect(levels.anaBackToEveryone).toBe(true);
  expect(levels.backToMic).toBe(true);
  check('afterBoLeft', { host: true, ana: false, bo: false });
});
