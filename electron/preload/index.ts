// The preload exposes exactly the contract's functions as window.winnow, each bound to its own
// channel. No generic invoke, no Node, no Electron objects cross into the page.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNELS } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';

const api = buildApi(CHANNELS, (channel, arg) => ipcRenderer.invoke(channel, arg) as Promise<Result<unknown>>);
contextBridge.exposeInMainWorld('winnow', api);
