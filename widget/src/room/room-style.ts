// Inside the shadow root: the host page's CSS cannot reach in, ours cannot leak out.
export const ROOM_CSS = `
:host{display:block;font:15px/1.45 system-ui,sans-serif;color:inherit;container-type:inline-size}
*{box-sizing:border-box}
/* Theme: the mount wrapper carries \`scheme light|dark\` (ui/theme.ts); system colours follow it */
.scheme{color-scheme:light;color:CanvasText;background:Canvas}
.scheme.dark{color-scheme:dark}
.room{display:grid;gap:12px;grid-template-columns:minmax(0,1fr)}
@container (min-width:760px){.room{grid-template-columns:minmax(0,2fr) minmax(260px,1fr)}}
/* 16:9, taller when what is over the picture needs it (overflow:clip keeps the content-based minimum height) */
.stage{position:relative;display:grid;background:#000;border-radius:10px;overflow:clip;width:100%;aspect-ratio:16/9}
.stage:fullscreen{border-radius:0}
.video{position:absolute;inset:0;width:100%;height:100%;object-fit:contain;display:block}
.self{position:absolute;right:8px;bottom:48px;width:22%;max-width:200px;border-radius:6px;border:2px solid #fff8}
.overlay{position:relative;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px;padding:12px 12px 16px;background:#000;color:#fff}
.overlay>p{margin:0}
.overlay .gate{width:100%}
.overlay label{display:flex;flex-direction:column;gap:4px}
.overlay~.stage-controls{display:none}
.badge{position:absolute;left:8px;top:8px;background:#1f5effcc;color:#fff;padding:2px 8px;border-radius:6px;font-size:12px}
.stage-controls{position:absolute;right:8px;bottom:8px;display:flex;gap:6px}
.banner{padding:8px 12px;border-radius:8px;background:#fff3cd;color:#664d03;margin:0 0 8px}
.notice{padding:8px 12px;border-radius:8px;background:#e7f0ff;color:#0b3d91;margin:0 0 8px}
.toolbar{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.side{display:flex;flex-direction:column;gap:10px;min-width:0}
.panel{border:1px solid #8884;border-radius:8px;padding:8px 10px}
.panel h2{margin:0 0 6px;font-size:14px}
.role-badge{display:inline-block;background:#1f5eff;color:#fff;border-radius:4px;padding:0 6px;font-size:11px;font-weight:600;line-height:1.5;vertical-align:1px}
.messages,.question-list{list-style:none;margin:0 0 6px;padding:0;max-height:200px;overflow:auto;overflow-wrap:anywhere}
.participants ul{list-style:none;margin:0;padding:0}
.participants li{display:flex;flex-wrap:wrap;gap:4px;align-items:center;padding:2px 0}
.p-actions{margin-left:auto;display:flex;gap:4px}
.answered .q-text{opacity:.6}
.line,.poll-form{display:flex;gap:6px;flex-wrap:wrap}
.line input{flex:1;min-width:0}
.poll-form input,.poll-form textarea{width:100%}
input,textarea,button{font:inherit;padding:5px 8px;border-radius:6px;border:1px solid #8888;background:Canvas;color:CanvasText}
button{cursor:pointer}
.icon{vertical-align:-3px;flex:none}
button[aria-pressed=true]{background:#1f5eff;color:#fff;border-color:#1f5eff}
button.primary{background:#1f5eff;color:#fff;border-color:#1f5eff}
:focus-visible{outline:3px solid #1f5eff;outline-offset:2px}
button:disabled{cursor:default;opacity:.65}
/* The rating form: a legend per criterion over a row of 1–5 buttons (real radios, visually hidden) */
.rating{display:flex;flex-direction:column;gap:14px;max-width:560px;margin-top:8px;padding:14px 16px;border:1px solid #8886;border-radius:10px}
.rating h2{margin:0;font-size:17px}
.rating .hint{margin:-8px 0 0;font-size:13px}
.stars{border:0;padding:0;margin:0;min-width:0}
.stars legend{padding:0;margin:0 0 6px;font-weight:600}
.scale{display:flex;flex-wrap:wrap;gap:6px}
.scale label{position:relative;display:block}
.scale input{position:absolute;inset:0;margin:0;opacity:0;cursor:pointer}
.scale span{display:flex;align-items:center;justify-content:center;min-width:44px;height:40px;padding:0 10px;border:1px solid #8888;border-radius:8px;font-weight:600}
.scale input:checked+span{background:#1f5eff;color:#fff;border-color:#1f5eff}
.scale input:focus-visible+span{outline:3px solid #1f5eff;outline-offset:2px}
.rating .comment{display:flex;flex-direction:column;gap:4px}
.rating textarea{width:100%;resize:vertical}
.rating button[type=submit]{align-self:flex-start;padding:8px 16px}
.thanks{margin:8px 0}
/* The host's end screen and a closed room: the state, what happened, and "Reopen" for the host */
.closed,.left{display:flex;flex-direction:column;align-items:flex-start;gap:10px;max-width:560px}
.closed>p,.left>p{margin:0}
.summary h2{margin:0 0 6px;font-size:15px}
.summary dl{display:flex;flex-wrap:wrap;gap:8px 20px;margin:0}
.summary dl div{display:flex;flex-direction:column}
.summary dt{font-size:13px}
.summary dd{margin:0;font-size:22px;font-weight:600}
.reopen{display:flex;flex-direction:column;align-items:flex-start;gap:6px}
.reopen p{margin:0}
.toolbar .leave{margin-left:auto}
.gate{display:flex;flex-direction:column;gap:8px;max-width:420px}
`;
