import { z } from 'zod';
import type { DashboardSummary } from '../domain/dashboard.ts';
import { channel } from './define.ts';

export const dashboardChannels = {
  'dashboard:summary': channel(
    z.object({}).strict().optional(),
    'Home figures: deals by outcome, win rate with interval, top competitors, interviews, last import',
  ).returns<DashboardSummary>(),
} as const;
