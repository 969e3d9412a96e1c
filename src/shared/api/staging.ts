// How a file's bytes reach the core before an import, in either shell: plain data and types, which
// the window uses without loading the contract's validation library.

/** Browser mode: POST the file's bytes here (?name=…, the launch's token header, application/octet-stream). */
export const STAGE_PATH = '/api/stage';

export interface StagedFile {
  readonly stagedId: string;
  readonly name: string;
  readonly size: number;
}

export type StageResponse<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** The desktop app's staging door on window.api: a file's bytes in chunks, checked by the main process. */
export interface StagingBridge {
  stageBegin(name: string): Promise<StageResponse<{ uploadId: string }>>;
  stageChunk(uploadId: string, bytes: Uint8Array): Promise<StageResponse<null>>;
  stageFinish(uploadId: string): Promise<StageResponse<StagedFile>>;
  stageAbort(uploadId: string): Promise<StageResponse<null>>;
}

/** The largest chunk the desktop app's staging door accepts at once. */
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;
