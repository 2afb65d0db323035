// Bundles the front-end sources into assets/build/phakhi/, which Django serves as the static
// files phakhi/app.js, phakhi/app.css, phakhi/admin.css and phakhi/map.js (STATICFILES_DIRS in
// config/settings.py). Nothing is inline in the templates: the Content-Security-Policy forbids it.
//
//   node assets/build.mjs            one minified build
//   node assets/build.mjs --watch    rebuild on every change (development)
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
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

const options = {
  entryPoints: [
    { in: join(here, "js", "app.js"), out: "app" },
    { in: join(here, "js", "map.js"), out: "map" },
    { in: join(here, "css", "app.css"), out: "app" },
    { in: join(here, "css", "admin.css"), out: "admin" },
  ],
  outdir: join(here, "build", "phakhi"),
  bundle: true,
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "linked",
  logLevel: "warning",
  plugins: [optionalLayout, sizeClasses],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log("watching assets/ …");
} else {
  await esbuild.build(options);
}
