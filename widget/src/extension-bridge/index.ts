// `@lectern/widget/extension-bridge`: what the browser extension shares with the widget, by
// package import (never copied): the bridge protocol and the rule for what can still be bought.

export { purchasable } from '../recommendations/purchasable.ts';
export type { BridgedEvent, ExtensionMessage, PageMessage } from './protocol.ts';
export {
  BRIDGE_NS,
  PRESENCE_ATTRIBUTE,
  parseExtensionMessage,
  parsePageMessage,
  serverOrigin,
} from './protocol.ts';
