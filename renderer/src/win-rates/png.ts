// PNG export of charts: ECharts renders each chart to a data URL; several are stacked into one
// image with their titles, and the main process writes the file where the user chooses.
import type { ECharts } from 'echarts/core';
import { call } from '../api/client.ts';

function load(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Could not draw the chart image.'));
    img.src = src;
  });
}

/** One PNG of the given charts, one under another, each under its title. */
export async function chartsPng(charts: { title: string; chart: ECharts | null }[], heading: string): Promise<string> {
  const ratio = 2;
  const parts = await Promise.all(
    charts
      .filter((c) => c.chart)
      .map(async (c) => ({
        title: c.title,
        img: await load(c.chart!.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#ffffff' })),
      })),
  );
  if (parts.length === 0) throw new Error('There is no chart to export yet.');
  const pad = 16 * ratio;
  const titleH = 28 * ratio;
  const width = Math.max(...parts.map((p) => p.img.width)) + pad * 2;
  const height = titleH + parts.reduce((h, p) => h + titleH + p.img.height + pad, pad);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw images.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1b2430';
  ctx.font = `600 ${18 * ratio}px Inter, sans-serif`;
  ctx.fillText(heading, pad, pad + 18 * ratio);
  let y = pad + titleH;
  for (const p of parts) {
    ctx.font = `600 ${13 * ratio}px Inter, sans-serif`;
    ctx.fillText(p.title, pad, y + 18 * ratio);
    y += titleH;
    ctx.drawImage(p.img, pad, y);
    y += p.img.height + pad;
  }
  return canvas.toDataURL('image/png');
}

/** A safe default file name from a title. */
export function pngName(title: string): string {
  return `${
    title
      .replace(/[^\w .()-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100) || 'chart'
  }.png`;
}

export async function savePng(
  charts: { title: string; chart: ECharts | null }[],
  heading: string,
): Promise<string | null> {
  const dataUrl = await chartsPng(charts, heading);
  const { path } = await call((api) => api.winRates.savePng({ defaultName: pngName(heading), dataUrl }));
  return path;
}
