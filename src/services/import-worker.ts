import { parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { runImportJob, type ImportRunEvent, type ImportRunJob } from './import-run';

// An import job off the main thread, so the window stays responsive and the job can be cancelled
// between any two batches of rows, and after the last until it commits.

export type ImportWorkerMessage = { readonly type: 'start'; readonly job: ImportRunJob } | { readonly type: 'cancel' };

const port = parentPort!;
const controller = new AbortController();

port.on('message', (message: ImportWorkerMessage) => {
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  void runImportJob(message.job, controller.signal, (event: ImportRunEvent) => port.postMessage(event), readCancel);
});

/** Takes a cancel off the port at once, while the job is busy and the listener cannot run. */
function readCancel(): void {
  const pending = receiveMessageOnPort(port)?.message as ImportWorkerMessage | undefined;
  if (pending?.type === 'cancel') controller.abort();
}
