// The popup page's script (public/popup.html loads it): built on its own as one classic file, so
// that opening the popup costs a single script request and nothing is shared with the background.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from '../popup/start-popup.tsx';

export default defineUnlistedScript(startPopup);
