// The clipper as the archive holds it: pairing, its listener (started and stopped with the archive, never failing it), and the files clips keep beside articles.
import type { Importer } from '../capture/importer.ts';
import { ArchiveError } from '../errors.ts';
import type { AttachmentContent, ClipperOverview, ClipperState } from '../model.ts';
import type { ArticleStore } from '../store/article-store.ts';
import type { RegistryStore } from '../store/registry-file.ts';
import { settingsOf } from '../store/settings.ts';
import { startClipperServer, type RunningClipper } from './clipper-server.ts';
import type { Pairing } from './pairing.ts';
import { saveClip } from './save-clip.ts';

/** The files the UI may have: images. The captured HTML is evidence, never handed to a renderer. */
const SERVED_TYPES = new Set(['image/png']);

export class ClipperService {
  state: ClipperState = { state: 'off' };
  private running: RunningClipper | null = null;

  constructor(
    readonly pairing: Pairing,
    private readonly importer: Importer,
    private readonly store: ArticleStore,
    private readonly registry: RegistryStore,
  ) {}

  overview(): ClipperOverview {
    return { server: { ...this.state }, pending: this.pairing.pending(), clients: this.pairing.clients() };
  }

  /**
   * Listens on the port asked for, else NEWSDESK_CLIPPER_PORT, else settings.clipperPort. A port
   * that is taken (another Newsdesk, another program) leaves the clipper off and says so in the
   * status: the archive itself works on.
   */
  async start(port?: number): Promise<ClipperState> {
    const chosen = port ?? portFromEnv() ?? settingsOf(this.registry).clipperPort;
    try {
      if (chosen === null) throw new Error('NEWSDESK_CLIPPER_PORT is not a port number (0 to 65535)');
      this.running = await startClipperServer(
        { pairing: this.pairing, save: (clip) => saveClip(this.importer, this.store, clip) },
        chosen,
      );
      this.state = { state: 'listening', url: this.running.url, port: this.running.port };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'EADDRINUSE'
          ? `port ${chosen} on 127.0.0.1 is in use (another Newsdesk, or another program)`
          : (error as Error).message;
      this.state = {
        state: 'failed',
        message: `The browser clipper is off: ${why}. Choose another port (settings.clipperPort, NEWSDESK_CLIPPER_PORT or --clipper-port).`,
      };
    }
    return this.state;
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = null;
    this.state = { state: 'off' };
  }

  /** A file the article keeps beside it, for the reader: only images (the screenshot) are given out. */
  async attachment(articleId: string, name: string): Promise<AttachmentContent> {
    const { file, bytes } = await this.store.readAttachment(articleId, name);
    if (!SERVED_TYPES.has(file.mediaType))
      throw new ArchiveError('invalid', `${name} is kept as evidence (${file.mediaType}) and is not shown in the app.`);
    return { name: file.name, mediaType: file.mediaType, base64: bytes.toString('base64') };
  }
}

/** NEWSDESK_CLIPPER_PORT: undefined when unset, null when it is not a port. */
function portFromEnv(): number | null | undefined {
  const value = process.env.NEWSDESK_CLIPPER_PORT;
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  return Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}
