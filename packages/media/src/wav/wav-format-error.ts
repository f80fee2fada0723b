/** A file that is not a WAV we can play: malformed RIFF structure or an unsupported encoding. */
export class WavFormatError extends Error {
  override readonly name = 'WavFormatError';
  constructor(
    message: string,
    /** The file, when the bytes came from one. */
    readonly path?: string,
  ) {
    super(path === undefined ? message : `${path}: ${message}`);
  }
}
