// Uploaded files: the raw request body written to a private temporary file, because the importers read paths.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The largest upload accepted; a city's monthly 报表 is a few megabytes. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * The file name the client sent in `x-filename` (URL-encoded), reduced to a safe base name.
 * The extension matters: the importers detect the format from it.
 */
export function uploadName(header: string | undefined, fallback: string): string {
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: keep the header as sent, it is still only a name.
  }
  const base = name.split(/[/\\]/).pop() ?? '';
  name = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 32)
    .join('')
    .trim();
  return name === '' || /^\.+$/.test(name) ? fallback : name;
}

/** Writes `body` to a fresh temporary directory as `name`, runs `fn` on its path, and removes it again. */
export async function withUploadedFile<T>(
  name: string,
  body: ArrayBuffer,
  fn: (path: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tiaodu-upload-'));
  try {
    const path = join(dir, name);
    await writeFile(path, Buffer.from(body));
    return await fn(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
