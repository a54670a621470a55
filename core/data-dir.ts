// Where the archive lives by default: the same folder the desktop app uses (Electron's userData + /archive).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Newsdesk';

/** Mirrors Electron's app.getPath('userData') so the CLI, browser mode and the app share one archive. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.NEWSDESK_DATA_DIR) return env.NEWSDESK_DATA_DIR;
  const home = homedir();
  const appData =
    process.platform === 'darwin'
      ? join(home, 'Library', 'Application Support')
      : process.platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, APP_NAME, 'archive');
}
