// What every chart shares: the bundled font (canvas text does not inherit CSS) and no animation
// (figures should read the same in the app, in screenshots and in PDF exports).
export const CHART_FONT = "Inter, system-ui, -apple-system, 'Segoe UI', sans-serif";

export const baseOption = {
  animation: false,
  textStyle: { fontFamily: CHART_FONT },
} as const;
