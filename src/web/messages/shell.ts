// English of the shell part of the web app, keyed by the Chinese text (see ../i18n.ts).
export const shellMessages: Record<string, string> = {
};
