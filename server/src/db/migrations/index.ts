import type { Migration } from 'kysely';
import * as initial from './001-initial.ts';
import * as events from './002-events.ts';
import * as checkout from './003-checkout.ts';
import * as rooms from './004-rooms.ts';
import * as reco from './005-reco.ts';
import * as roomConnected from './006-room-connected.ts';
import * as latePayments from './007-late-payments.ts';
import * as holdLimits from './008-hold-limits.ts';
import * as ownerKeyRotation from './009-owner-key-rotation.ts';
import * as timeInRoom from './010-time-in-room.ts';
import * as analytics from './011-analytics.ts';
import * as processes from './014-processes.ts';
import * as sharedCounters from './015-shared-counters.ts';
import * as readerActivity from './016-reader-activity.ts';
import * as ingestAggregates from './017-ingest-aggregates.ts';
import * as ordersPaid from './018-orders-paid.ts';

/** Versioned migrations, applied in key order at start. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-events': events,
  '003-checkout': checkout,
  '004-rooms': rooms,
  '005-reco': reco,
  '006-room-connected': roomConnected,
  '007-late-payments': latePayments,
  '008-hold-limits': holdLimits,
  '009-owner-key-rotation': ownerKeyRotation,
  '010-time-in-room': timeInRoom,
  '011-analytics': analytics,
  '014-processes': processes,
  '015-shared-counters': sharedCounters,
  '016-reader-activity': readerActivity,
  '017-ingest-aggregates': ingestAggregates,
  '018-orders-paid': ordersPaid,
};
