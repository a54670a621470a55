// The desk's password in the desktop app: encrypted by the OS keychain (Electron's safeStorage), kept in one file in userData, never in the archive.
import { readFile, rm } from 'node:fs/promises';
import { z } from 'zod';
import type { DeskPasswordProtection, Reply } from '../core/api.ts';
import { describeIssues } from '../core/errors.ts';
import { normalizeDeskUrl } from '../core/sync/couch-client.ts';
import { writeFileDurably } from '../core/store/durable-write.ts';

/** Electron's safeStorage, as far as we use it (passed in, so Node can test the file with a real cipher). */
export type Cipher = {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: the secret store in use; `basic_text` when no keyring answered (a key built into Chromium). */
  getSelectedStorageBackend?(): string;
};

/** What the Desk panel hands the main process: checked here, since it crosses from the renderer. */
export const DeskPassword = z
  .object({
    url: z.string().url().max(2000),
    user: z.string().trim().min(1, 'a user name is needed with a password').max(200),
    password: z.string().min(1, 'the password is empty').max(1000),
  })
  .strict();
export type DeskPassword = z.infer<typeof DeskPassword>;

const Stored = z.object({ url: z.string(), user: z.string(), password: z.string() });

/** The desk a password was saved for, spelled as desk.json spells it (core/sync/couch-client.ts). */
const deskOf = normalizeDeskUrl;

export class DeskKeychain {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  /**
   * `keychain`: encrypted under a key the OS keeps (macOS Keychain, Windows DPAPI, a Linux keyring).
   * `obfuscated`: Linux with no keyring answering, where safeStorage falls back to a key built into
   * Chromium: anyone who can read the file can read the password. `none`: no encryption at all, refused.
   */
  protection(): DeskPasswordProtection {
    if (!this.cipher.isEncryptionAvailable()) return 'none';
    if (this.platform === 'linux' && this.cipher.getSelectedStorageBackend?.() === 'basic_text') return 'obfuscated';
    return 'keychain';
  }

  /** Keeps one password (a desk at a time). Refused, and nothing written, where the OS offers no encryption. */
  async save(input: unknown): Promise<void> {
    const checked = DeskPassword.safeParse(input);
    if (!checked.success) throw new Error(`The desk password was not saved: ${describeIssues(checked.error)}`);
    const { url, user, password } = checked.data;
    if (!this.cipher.isEncryptionAvailable())
      throw new Error('This system offers no keychain to keep the password in; set NEWSDESK_DESK_PASSWORD instead.');
    const encrypted = this.cipher.encryptString(password).toString('base64');
    await writeFileDurably(this.file, JSON.stringify({ url: deskOf(url), user, password: encrypted }));
  }

  /** The saved user and password for this desk, or null (none saved, another desk, another user, unreadable). */
  async credentials(desk: { url: string; user: string | null }): Promise<{ user: string; password: string } | null> {
    let stored: z.infer<typeof Stored>;
    try {
      stored = Stored.parse(JSON.parse(await readFile(this.file, 'utf8')));
    } catch {
      return null;
    }
    if (stored.url !== deskOf(desk.url) || (desk.user && desk.user !== stored.user)) return null;
    if (!this.cipher.isEncryptionAvailable()) return null;
    try {
      return { user: stored.user, password: this.cipher.decryptString(Buffer.from(stored.password, 'base64')) };
    } catch {
      // Encrypted under another OS account or keychain: as if none were saved; the panel asks again.
      return null;
    }
  }

  async forget(): Promise<void> {
    await rm(this.file, { force: true });
  }

  /** After a contract call from the window: the password goes with the desk it was for once the archive left it. */
  async afterArchiveCall(method: unknown, reply: Reply): Promise<void> {
    if (method === 'leaveDesk' && reply.ok) await this.forget();
  }
}
