import { contextBridge, ipcRenderer } from 'electron';
import type { ApiClient, ApiResponse, Args, Method } from '../../src/shared/api';
import type { ReviewPdfBridge, SaveReviewPdfArgs, SaveReviewPdfResult } from '../../src/shared/api/review';
import type { StagedFile, StageResponse, StagingBridge } from '../../src/shared/api/staging';

// The renderer's only door to the app: one typed call, and saving the review brief as PDF (which needs
// the window's own print engine and a save dialog). No raw IPC is exposed.
// Files for import go in as bytes, in chunks, to the staging folder (electron/main/staging-ipc.ts).
const api: ApiClient & ReviewPdfBridge & StagingBridge = {
  call: <M extends Method>(method: M, args: Args<M>) => ipcRenderer.invoke('api:call', method, args) as Promise<ApiResponse<M>>,
  saveReviewPdf: (args: SaveReviewPdfArgs) => ipcRenderer.invoke('review:save-pdf', args) as Promise<SaveReviewPdfResult>,
  stageBegin: (name: string) => ipcRenderer.invoke('stage:begin', name) as Promise<StageResponse<{ uploadId: string }>>,
  stageChunk: (uploadId: string, bytes: Uint8Array) => ipcRenderer.invoke('stage:chunk', uploadId, bytes) as Promise<StageResponse<null>>,
  stageFinish: (uploadId: string) => ipcRenderer.invoke('stage:finish', uploadId) as Promise<StageResponse<StagedFile>>,
  stageAbort: (uploadId: string) => ipcRenderer.invoke('stage:abort', uploadId) as Promise<StageResponse<null>>,
};

contextBridge.exposeInMainWorld('api', api);
