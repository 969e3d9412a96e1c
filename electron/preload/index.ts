import { contextBridge, ipcRenderer } from 'electron';
import type { ApiClient, ApiResponse, Args, Method } from '../../src/shared/api';
import type { StagedFile, StageResponse, StagingBridge } from '../../src/shared/api/imports';

// The renderer's only door to the app: one typed call. No raw IPC is exposed.
// Files for import go in as bytes, in chunks, to the staging folder (electron/main/staging-ipc.ts).
const api: ApiClient & StagingBridge = {
  call: <M extends Method>(method: M, args: Args<M>) => ipcRenderer.invoke('api:call', method, args) as Promise<ApiResponse<M>>,
  stageBegin: (name: string) => ipcRenderer.invoke('stage:begin', name) as Promise<StageResponse<{ uploadId: string }>>,
  stageChunk: (uploadId: string, bytes: Uint8Array) => ipcRenderer.invoke('stage:chunk', uploadId, bytes) as Promise<StageResponse<null>>,
  stageFinish: (uploadId: string) => ipcRenderer.invoke('stage:finish', uploadId) as Promise<StageResponse<StagedFile>>,
  stageAbort: (uploadId: string) => ipcRenderer.invoke('stage:abort', uploadId) as Promise<StageResponse<null>>,
};

contextBridge.exposeInMainWorld('api', api);
