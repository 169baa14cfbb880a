// The import screen's queue: each chosen file is inspected (header, signer, recipient), then
// imported one after another as jobs, polled for progress; Cancel stops the running one before
// it writes anything. Logic only, no markup.
import { useRef, useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { readFileAsBase64 } from '../../lib/signing-text';

export type Inspection = ResponseOf<'bundles:inspect'>;
export type ImportJob = ResponseOf<'bundles:import-status'>;
export type QueueItem = {
  key: string;
  fileName: string;
  contentBase64: string | null;
  inspection: Inspection | null;
  problem: AppErrorShape | null;
  confirmSigner: boolean;
  job: ImportJob | null;
};

const POLL_MS = 150;
const MAX_BYTES = 60 * 1024 * 1024;

export function useImportQueue() {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);
  const update = (key: string, changes: Partial<QueueItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...changes } : item)));

  const choose = async (files: readonly File[]) => {
    const chosen: QueueItem[] = files.map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      fileName: file.name,
      contentBase64: null,
      inspection: null,
      problem: null,
      confirmSigner: false,
      job: null,
    }));
    setItems(chosen);
    for (const [i, file] of files.entries()) {
      const key = chosen[i]!.key;
      if (file.size > MAX_BYTES) {
        update(key, {
          problem: { kind: 'validation', message: 'That file is too large to be a PX Rounds bundle.' },
        });
        continue;
      }
      const contentBase64 = await readFileAsBase64(file);
      const inspected = await api['bundles:inspect']({ fileName: file.name, contentBase64 });
      update(
        key,
        inspected.ok
          ? { contentBase64, inspection: inspected.value }
          : { contentBase64, problem: inspected.error },
      );
    }
  };

  const runOne = async (item: QueueItem) => {
    if (item.contentBase64 === null) return;
    const started = await api['bundles:import-start']({
      fileName: item.fileName,
      contentBase64: item.contentBase64,
      confirmSigner: item.confirmSigner,
    });
    if (!started.ok) return update(item.key, { problem: started.error });
    current.current = started.value.jobId;
    let job = started.value;
    update(item.key, { job });
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const next = await api['bundles:import-status']({ jobId: job.jobId });
      if (!next.ok) return update(item.key, { problem: next.error });
      job = next.value;
      update(item.key, { job });
    }
    current.current = null;
  };

  const importAll = async () => {
    if (running) return;
    setRunning(true);
    for (const item of items) {
      if (item.inspection !== null && item.job?.state !== 'done') await runOne(item);
    }
    setRunning(false);
  };

  const cancel = async () => {
    if (current.current !== null) await api['bundles:import-cancel']({ jobId: current.current });
  };

  return {
    items,
    running,
    choose,
    importAll,
    cancel,
    confirm: (key: string, confirmSigner: boolean) => update(key, { confirmSigner }),
  };
}
