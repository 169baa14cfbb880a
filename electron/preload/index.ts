// The sandboxed preload: it exposes window.api (one function per IPC channel) and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './create-api';

contextBridge.exposeInMainWorld(
  'api',
  createApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
