import type { HandlersOf } from '#shared/contract/index.ts';
import type { matrixChannels } from '#shared/contract/matrix.ts';
import type { competitorProfileChannels } from '#shared/contract/competitor-profile.ts';
import type { overviewChannels } from '#shared/contract/overview.ts';
import { DIMENSION_LABEL, DIMENSIONS } from '#shared/domain/win-rates.ts';
import type { CoreContext } from '../rpc/context.ts';
import { readSettings } from '../settings/settings-store.ts';
import { compareMatrix, matrixTrend } from './change-queries.ts';
import { matrixCsv, profileCsv } from './csv.ts';
import { winRateCsvContext } from './csv-context.ts';
import { drillDeals } from './drill-queries.ts';
import { computeMatrix, dimensionValues } from './matrix-queries.ts';
import { closeDateRange, overviewSummary } from './overview-queries.ts';
import { competitorProfile, listCompetitors } from './profile-queries.ts';
import { fileNameFor, saveExport } from './save-file.ts';

const CSV = [{ name: 'CSV files', extensions: ['csv'] }];

export const winRatesHandlers: HandlersOf<
  typeof matrixChannels & typeof competitorProfileChannels & typeof overviewChannels,
  CoreContext
> = {
  'matrix:dimensions': (_arg, s) => {
    const ws = s.require();
    const range = closeDateRange(ws.sqlite, readSettings(ws.sqlite));
    return {
      dimensions: DIMENSIONS.map((id) => ({ id, label: DIMENSION_LABEL[id] })),
      firstCloseDate: range.first,
      lastCloseDate: range.last,
    };
  },
  'matrix:values': ({ dim }, s) => {
    const ws = s.require();
    return dimensionValues(ws.sqlite, dim, readSettings(ws.sqlite));
  },
  'matrix:compute': (query, s) => {
    const ws = s.require();
    return computeMatrix(ws.sqlite, query, readSettings(ws.sqlite));
  },
  'matrix:compare': ({ query, periodA, periodB }, s) => {
    const ws = s.require();
    return compareMatrix(ws.sqlite, query, periodA, periodB, readSettings(ws.sqlite));
  },
  'matrix:trend': ({ query, grain }, s) => {
    const ws = s.require();
    return matrixTrend(ws.sqlite, query, grain, readSettings(ws.sqlite));
  },
  'matrix:deals': ({ query, cell, ...page }, s) => {
    const ws = s.require();
    return drillDeals(ws.sqlite, query, cell, readSettings(ws.sqlite), page);
  },
  'matrix:exportCsv': async ({ query }, s) => {
    const ws = s.require();
    const settings = readSettings(ws.sqlite);
    const m = computeMatrix(ws.sqlite, query, settings);
    const title = `Win rates by ${DIMENSION_LABEL[query.rows]}${query.cols === 'none' ? '' : ` and ${DIMENSION_LABEL[query.cols]}`}`;
    const context = winRateCsvContext(ws.sqlite, settings, ws.path, {
      title,
      closed: m.overall.closed,
      period: query.period,
      filters: query.filters,
      measure: query.measure === 'amount' ? 'win rate by amount (count columns too)' : 'win rate by count',
    });
    return saveExport(
      s,
      { title: 'Export matrix as CSV', filters: CSV, defaultName: fileNameFor(title, 'csv') },
      matrixCsv(m, context),
    );
  },
  'competitorProfile:list': ({ period }, s) => {
    const ws = s.require();
    return listCompetitors(ws.sqlite, readSettings(ws.sqlite), period);
  },
  'competitorProfile:get': ({ id, period }, s) => {
    const ws = s.require();
    return competitorProfile(ws.sqlite, id, readSettings(ws.sqlite), period);
  },
  'competitorProfile:exportCsv': async ({ id, period }, s) => {
    const ws = s.require();
    const settings = readSettings(ws.sqlite);
    const p = competitorProfile(ws.sqlite, id, settings, period);
    const context = winRateCsvContext(ws.sqlite, settings, ws.path, {
      title: `Competitor profile: ${p.name}`,
      closed: p.involved.n,
      period,
      measure: 'win rate by count, involved and head-to-head',
    });
    return saveExport(
      s,
      { title: 'Export competitor profile as CSV', filters: CSV, defaultName: fileNameFor(`${p.name} profile`, 'csv') },
      profileCsv(p, context),
    );
  },
  'overview:summary': ({ period, scope }, s) => {
    const ws = s.require();
    return overviewSummary(ws.sqlite, readSettings(ws.sqlite), period, scope);
  },
};
