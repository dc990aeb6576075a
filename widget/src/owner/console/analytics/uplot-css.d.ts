// Vite's `?inline` suffix imports a stylesheet as a string (adopted into the shadow root).
declare module 'uplot/dist/uPlot.min.css?inline' {
  const css: string;
  export default css;
}
