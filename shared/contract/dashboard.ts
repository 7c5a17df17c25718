import { z } from 'zod';
import type { DashboardSummary, DataQuality } from '../domain/dashboard.ts';
import { channel, namespace } from './define.ts';

export const dashboardChannels = namespace('dashboard', {
  'dashboard:summary': channel(
    z.object({}).strict().optional(),
    'Home figures: deals by outcome, win rate with interval, top competitors, interviews, last import',
  ).returns<DashboardSummary>(),
  'dashboard:dataQuality': channel(
    z.object({}).strict().optional(),
    'Counts of deals that distort the figures: lost deals with amount 0 or blank, deals without a deal type',
  ).returns<DataQuality>(),
});
