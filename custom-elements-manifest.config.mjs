/** Generates custom-elements.json from the elements' JSDoc; Storybook reads it for docs and controls. */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
};
