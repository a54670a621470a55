// The clipper's HTTP errors that the archive's own codes do not cover (403 for a web page's origin, 429 for too many requests).
export class ClipperError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ClipperError';
  }
}
