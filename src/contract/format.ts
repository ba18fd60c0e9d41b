// The core's number formats and colours, as the browser shows figures (re-exported for the web app).
export * from '../core/format.ts';
