// The error a page's request came back with, as the page shows it above its content.
import { Alert } from 'antd';

/** Nothing when there is no error. */
export function ErrorAlert({ error, showIcon }: { error: string | null | undefined; showIcon?: boolean }) {
  return error ? <Alert type="error" showIcon={showIcon} message={error} /> : null;
}
