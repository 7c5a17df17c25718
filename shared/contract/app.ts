// The app itself: what is open (workspace, recent files, host, version).
import type { AppInfo } from '../domain/workspace.ts';
import { channel, namespace } from './define.ts';
import { noArg } from './fields.ts';

/** A file path typed or picked by the user; the main process decides what to do with it. */

export const appChannels = namespace('app', {
  'app:info': channel(noArg, 'What is open: workspace, recent files, host', 'session').returns<AppInfo>(),
});
