import { contextBridge, ipcRenderer } from 'electron';
import type { ApiClient, ApiResponse, Args, Method } from '../../src/shared/api';

// The renderer's only door to the app: one typed call. No raw IPC is exposed.
const api: ApiClient = {
  call: <M extends Method>(method: M, args: Args<M>) => ipcRenderer.invoke('api:call', method, args) as Promise<ApiResponse<M>>,
};

contextBridge.exposeInMainWorld('api', api);
