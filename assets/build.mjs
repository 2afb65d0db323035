// Bundles the front-end sources into assets/build/phakhi/, which Django serves as the static
// files phakhi/app.js, phakhi/app.css and phakhi/map.js (STATICFILES_DIRS in config/settings.py).
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

const options = {
  entryPoints: [
    { in: join(here, "js", "app.js"), out: "app" },
    { in: join(here, "js", "map.js"), out: "map" },
    { in: join(here, "css", "app.css"), out: "app" },
  ],
  outdir: join(here, "build", "phakhi"),
  bundle: true,
  minify: !watch,
  sourcemap: watch ? "inline" : false,
  format: "iife",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  legalComments: "linked",
  logLevel: "warning",
  plugins: [optionalLayout],
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log("watching assets/ …");
} else {
  await esbuild.build(options);
}
