import type { ApiClient } from '../../../shared/api';
import { STAGE_CHUNK_BYTES, STAGE_PATH, type StagedFile, type StageResponse, type StagingBridge } from '../../../shared/api/staging';
import { readToken } from '../../api/http-client';

// Hands a file's bytes to the app, which keeps them in its staging folder until the import: over
// the desktop app's staging door in chunks, or in browser mode as one streamed upload. The window
// never reads or names a path.

export class StagingFailed extends Error {}

const unwrap = <T>(response: StageResponse<T>): T => {
  if (!response.ok) throw new StagingFailed(response.error.message);
  return response.data;
};

export async function stageFile(file: File): Promise<StagedFile> {
  const bridge: (ApiClient & Partial<StagingBridge>) | undefined = window.api;
  if (bridge?.stageBegin && bridge.stageChunk && bridge.stageFinish && bridge.stageAbort) {
    const { uploadId } = unwrap(await bridge.stageBegin(file.name));
    try {
      for (let offset = 0; offset < file.size; offset += STAGE_CHUNK_BYTES) {
        const bytes = new Uint8Array(await file.slice(offset, offset + STAGE_CHUNK_BYTES).arrayBuffer());
        unwrap(await bridge.stageChunk(uploadId, bytes));
      }
      return unwrap(await bridge.stageFinish(uploadId));
    } catch (error) {
      await bridge.stageAbort(uploadId);
      throw error;
    }
  }
  const token = readToken();
  if (!token) throw new StagingFailed('This page needs the address printed by the serve command.');
  let response: Response;
  try {
    response = await fetch(`${STAGE_PATH}?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'x-ahc-token': token },
      body: file,
    });
  } catch (error) {
    throw new StagingFailed(`The app's server does not answer: ${(error as Error).message}`);
  }
  if (response.status === 413) throw new StagingFailed(`${file.name} is larger than the app accepts.`);
  let body: StageResponse<StagedFile>;
  try {
    body = (await response.json()) as StageResponse<StagedFile>;
  } catch {
    throw new StagingFailed(`The upload of ${file.name} failed (HTTP ${response.status}).`);
  }
  return unwrap(body);
}
