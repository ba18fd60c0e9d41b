// English of the data part of the web app, keyed by the Chinese text (see ../i18n.ts).
export const dataMessages: Record<string, string> = {
};
