// English of the admin part of the web app, keyed by the Chinese text (see ../i18n.ts).
export const adminMessages: Record<string, string> = {
};
