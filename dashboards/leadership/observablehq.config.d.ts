// Types of observablehq.config.js for the tests, which list the pages from it.
declare const config: {
  title: string;
  pages: { name: string; path: string }[];
  [key: string]: unknown;
};
export default config;
