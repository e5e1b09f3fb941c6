/**
 * @module http/redact-paths: keeps filesystem paths out of what clients see. A 503 or a failing /readyz check used to
 * say "cannot write to /srv/advisor/data/sessions/…", telling anyone where the data lives; the full text goes to the
 * logs only.
 */

/** An absolute POSIX path (`/srv/data/x.json`) or a Windows one (`C:\data\x.json`), up to a space, quote or bracket. */
const ABSOLUTE_PATH = /(?<![\w.~:/-])(?:\/|[A-Za-z]:\\)[^\s'"`()<>,;]*[^\s'"`()<>,;:.]/g;

/** `text` with every absolute path replaced by `<path>`. */
export function withoutPaths(text: string): string {
  return text.replace(ABSOLUTE_PATH, '<path>');
}
