// Vite's `?inline` imports: a file's processed contents as a string (the popup's styles).
declare module '*.css?inline' {
  const css: string;
  export default css;
}
