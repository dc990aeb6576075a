// What the Lectern host's page sends, and what the whole machine is busy with, while a room runs.
import os from 'node:os';
import type { Page } from '@playwright/test';

/** Init script for the host's page: collects every RTCPeerConnection so getStats can be read from the page. */
export function collectPeerConnections() {
  const w = window as unknown as { __pcs: RTCPeerConnection[] };
  w.__pcs = [];
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      w.__pcs.push(this);
    }
  } as typeof RTCPeerConnection;
}

/** Over `seconds`: the host's sent bitrate, its encoders' busy share, and the machine's CPU. */
export async function hostLoad(host: Page, seconds: number) {
  const sample = () =>
    host.evaluate(async () => {
      let bytes = 0;
      let encode = 0;
      for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
        if (pc.connectionState === 'closed') continue;
        (await pc.getStats()).forEach((r) => {
          if (r.type === 'outbound-rtp') {
            bytes += r.bytesSent ?? 0;
            encode += r.totalEncodeTime ?? 0;
          }
        });
      }
      return { bytes, encode, at: performance.now() };
    });
  const cpu0 = os.cpus().map((c) => c.times);
  const a = await sample();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const b = await sample();
  const cpu1 = os.cpus().map((c) => c.times);
  let busy = 0;
  let total = 0;
  cpu1.forEach((t, i) => {
    const d = (k: keyof typeof t) => t[k] - cpu0[i][k];
    const all = d('user') + d('nice') + d('sys') + d('idle') + d('irq');
    busy += all - d('idle');
    total += all;
  });
  const secs = (b.at - a.at) / 1000;
  return {
    sentKbps: Math.round(((b.bytes - a.bytes) * 8) / 1000 / secs),
    encoderBusyPercent: Math.round(((b.encode - a.encode) / secs) * 100),
    machineCpuPercent: Math.round((busy / total) * 100),
  };
}
