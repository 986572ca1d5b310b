/** Vite's `?raw` import: the file's text. */
declare module '*.xlf?raw' {
  const text: string;
  export default text;
}
