// English of the documents part of the web app, keyed by the Chinese text (see ../i18n.ts).
export const documentMessages: Record<string, string> = {
};
