import { z } from 'zod';
import type { DashboardSummary } from '../domain/dashboard.ts';
import { channel, namespace } from './define.ts';

export const dashboardChannels = namespace('dashboard', {
  'dashboard:summary': channel(
    z.object({}).strict().optional(),
    'Home figures: deals by outcome, win rate with interval, top competitors, interviews, last import',
  ).returns<DashboardSummary>(),
});
