// Saving one figure of a screen (a chart as PNG or SVG, a table as CSV) that the page built with
// its context: the content is checked to be what its kind says before the save dialog opens.
import type { exportChannels } from '#shared/contract/export.ts';
import type { HandlersOf } from '#shared/contract/index.ts';
import { AppError } from '../errors.ts';
import type { CoreContext } from '../rpc/context.ts';
import type { FilePickRequest } from '../session/host-platform.ts';
import { pngBytes, saveExport } from '../win-rates/save-file.ts';

const FILTERS: Record<'png' | 'svg' | 'csv', FilePickRequest> = {
  png: { title: 'Save chart as PNG', filters: [{ name: 'PNG images', extensions: ['png'] }] },
  svg: { title: 'Save chart as SVG', filters: [{ name: 'SVG images', extensions: ['svg'] }] },
  csv: { title: 'Save table as CSV', filters: [{ name: 'CSV files', extensions: ['csv'] }] },
};

function contentFor(kind: 'png' | 'svg' | 'csv', content: string): string | Buffer {
  if (kind === 'png') {
    if (!/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(content))
      throw new AppError('invalid_argument', 'The chart image is not a PNG data URL.');
    return pngBytes(content);
  }
  if (kind === 'svg' && !/^<svg[\s>]/.test(content))
    throw new AppError('invalid_argument', 'The chart image is not an SVG document.');
  // Every string of a call arrives with its line ends made \n (rpc/dispatch.ts); CSV's are CRLF.
  return kind === 'csv' ? content.replace(/\n/g, '\r\n') : content;
}

export const exportFigureHandlers: HandlersOf<Pick<typeof exportChannels, 'export:saveFigure'>, CoreContext> = {
  'export:saveFigure': async ({ kind, defaultName, content }, s) => {
    if (!defaultName.endsWith(`.${kind}`))
      throw new AppError('invalid_argument', `The file name must end in .${kind}.`);
    const bytes = contentFor(kind, content);
    return saveExport(s, { ...FILTERS[kind], defaultName }, bytes);
  },
};
