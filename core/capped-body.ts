// A fetch response's body read as it comes and given up past a byte cap (counted after decompression: a gzip bomb stops there too).

/**
 * The whole body, or `tooLarge(size)` thrown once the declared or the received size passes `max`
 * (the stream is then cancelled: the rest is never read). A connection dropped meanwhile throws
 * fetch's own error, for the caller to say in its words.
 */
export async function readCapped(response: Response, max: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > max) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop by a throw cancels the stream.
  for await (const chunk of (response.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > max) throw tooLarge(size);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
