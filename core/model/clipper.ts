// The clipper (issue 16): paired browser extensions as kept in <data>/clipper.json, the pairing requests the user decides on, and the listener's state.
import { z } from 'zod';
import { SCHEMA_VERSION } from './primitives.ts';

export const ClipperClientId = z.string().regex(/^cc_[A-Za-z0-9_-]{16}$/, 'a clipper client id is cc_ and 16 letters');
export const PairingRequestId = z
  .string()
  .regex(/^pr_[A-Za-z0-9_-]{22}$/, 'a pairing request id is pr_ and 22 letters');

/** A paired extension. Only the sha256 of its token is kept: the file never holds a usable secret. */
export const ClipperClient = z.object({
  id: ClipperClientId,
  /** What the extension calls itself ("Chromium on Linux"). */
  name: z.string().max(100),
  /** The extension's origin (chrome-extension://…) when it sent one; '' otherwise. */
  origin: z.string().max(200),
  tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ClipperClient = z.infer<typeof ClipperClient>;

/** <data>/clipper.json. */
export const ClipperFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  clients: z.array(ClipperClient).max(1000).default([]),
});
export type ClipperFile = z.infer<typeof ClipperFile>;

/** What the UI shows of a paired extension (never the token's hash). */
export type ClipperClientView = Omit<ClipperClient, 'tokenSha256'>;

/** A request waiting for the user: who asks, and the code the extension's popup shows too. */
export type PairingRequestView = {
  id: string;
  name: string;
  origin: string;
  code: string;
  requestedAt: string;
  expiresAt: string;
};

/** Whether the clipper listens: off (not asked for), listening at `url`, or failed (the port taken) with why. */
export type ClipperState =
  { state: 'off' } | { state: 'listening'; url: string; port: number } | { state: 'failed'; message: string };

export type ClipperOverview = {
  server: ClipperState;
  pending: PairingRequestView[];
  clients: ClipperClientView[];
};

/** A file kept beside an article, as the reader gets it. */
export type AttachmentContent = { name: string; mediaType: string; base64: string };
