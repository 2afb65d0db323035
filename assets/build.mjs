// Bundles the front-end sources into assets/build/phakhi/, which Django serves as the static
// files phakhi/app.js, phakhi/app.css, phakhi/admin.css, phakhi/map.js, phakhi/participation.js
// (the dashboard's charts, Chart.js) and the Thai web font's phakhi/fonts/*.woff2 (STATICFILES_DIRS in config/settings.py). Nothing is inline in the templates: the Content-Security-Policy forbids it.
//
//   node assets/build.mjs            one minified build
//   node assets/build.mjs --watch    rebuild on every change (development)
import * as esbuild from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes("--watch");

// app.css imports the shell's layout.css when that file exists; an empty stand-in otherwise.
const optionalLayout = {
  name: "optional-layout",
  setup(build) {
    build.onResolve({ filter: /^phakhi-layout$/ }, () => {
      const path = join(here, "css", "layout.css");
      return existsSync(path) ? { path } : { path: "phakhi-layout", namespace: "empty" };
    });
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "css" }));
  },
};

// Widths and indents that a template would otherwise write in a style="…" attribute, which the
// Content-Security-Policy (no 'unsafe-inline') refuses: one class per value instead.
//   .pct-0 … .pct-100      width: N%        (bars of shares)
//   .depth-0 … .depth-20   --network-depth  (a network's place in the tree)
const sizeClasses = {
  name: "size-classes",
  setup(build) {
    build.onResolve({ filter: /^phakhi-sizes$/ }, () => ({ path: "phakhi-sizes", namespace: "sizes" }));
    build.onLoad({ filter: /.*/, namespace: "sizes" }, () => {
      const rules = [];
      for (let n = 0; n <= 100; n += 1) rules.push(`.pct-${n}{width:${n}%}`);
      for (let n = 0; n <= 20; n += 1) rules.push(`.depth-${n}{--network-depth:${n}}`);
      return { contents: rules.join("\n"), loader: "css" };
    });
  },
};

// The Thai web font, so that no page depends on the fonts a machine happens to have (a Debian
// without fonts-thai-tlwg shows Thai as boxes). @font-face rules for Sarabun (@fontsource/sarabun,
// SIL OFL 1.1) in the weights the stylesheets use, one file per script with its unicode-range, so
// a browser fetches only the scripts a page shows; the woff2 files are copied into
// assets/build/phakhi/fonts/ and served from this site (font-src 'self').
//   @import "phakhi-fonts";   in app.css and admin.css
const FONT_WEIGHTS = [400, 600, 700];
const FONT_SUBSETS = ["thai", "latin", "latin-ext"];
const thaiFont = {
  name: "thai-font",
  setup(build) {
    const sarabun = dirname(createRequire(import.meta.url).resolve("@fontsource/sarabun/package.json"));
    const ranges = JSON.parse(readFileSync(join(sarabun, "unicode.json"), "utf8"));
    build.onResolve({ filter: /^phakhi-fonts$/ }, () => ({ path: "phakhi-fonts", namespace: "fonts" }));
    build.onLoad({ filter: /.*/, namespace: "fonts" }, () => {
      const rules = [];
      for (const weight of FONT_WEIGHTS) {
        for (const subset of FONT_SUBSETS) {
          const file = join(sarabun, "files", `sarabun-${subset}-${weight}-normal.woff2`);
          rules.push(
            `@font-face{font-family:"Sarabun";font-style:normal;font-weight:${weight};` +
              `font-display:swap;src:url(${JSON.stringify(file)}) format("woff2");` +
              `unicode-range:${ranges[subset]}}`,
          );
        }
      }
      return { contents: rules.join("\n"), loader: "css", resolveDir: sarabun };
    });
    // The font's licence (SIL OFL 1.1) travels with the font files.
    build.onEnd(() => {
      const fonts = join(build.initialOptions.outdir, "fonts");
      mkdirSync(fonts, { recursive: true });
      copyFileSync(join(sarabun, "LICENSE"), join(fonts, "Sarabun-LICENSE.txt"));
    });
  },
};

const options = {
  entryPoints: [
    { in: join(here, "js", "app.js"), out: "app" },
    { in: join(here, "js", "map.js"), out: "map" },
    { in: join(here, "js", "participation.js"), out: "participation" }, // the dashboard's charts
    { in: join(here, "js", "scorecard.js"), out: "scorecard" }, // the scorecard's figure over time
    { in: join(here, "css", "app.css"), out: "app" },
    { in: join(here, "css", "admin.css"), out: "admin" },
    { in: join(here, "js", "survey.js"), out: "survey" }, // a survey respondent's pages
    { in: join(here, "css", "survey.css"), out: "survey" },
  ],
  outdir: join(here, "build", "phakhi"),
  bundle: true,
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "linked",
  logLevel: "warning",
  loader: { ".woff2": "file" },
  assetNames: "fonts/[name]-[hash]",
  plugins: [optionalLayout, sizeClasses, thaiFont],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log("watching assets/ …");
} else {
  await esbuild.build(options);
}
