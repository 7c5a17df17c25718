// The preload exposes exactly the contract's functions as window.winnow, each bound to its own
// channel. No generic invoke, no Node, no Electron objects cross into the page. Answers arrive as
// the JSON text the data core wrote; they are parsed here, in the page's process.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNELS } from '#shared/contract/index.ts';
import type { Result } from '#shared/contract/result.ts';

const api = buildApi(CHANNELS, async (channel, arg, meta) => {
  const json = (await ipcRenderer.invoke(channel, arg, meta)) as string;
  return JSON.parse(json) as Result<unknown>;
});
contextBridge.exposeInMainWorld('winnow', api);
