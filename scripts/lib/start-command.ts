/**
 * The command of `npm start` (package.json), split into its environment assignments and the
 * program's arguments, so the benchmarks and the end-to-end setup run exactly what production
 * runs. `node` becomes the caller's Node binary. Shell syntax beyond `NAME=value node …` is
 * refused rather than guessed at.
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export function startCommand(): { env: Record<string, string>; args: string[]; entry: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts.start;
  if (!script || /[;&|<>$`'"\\]/.test(script)) {
    throw new Error(`Cannot run the start script without a shell: ${script}`);
  }
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error(`The start script does not run node: ${script}`);
  // The script node runs: the first argument that is not an option or an option's value.
  const entry = words.find((w, i) => !w.startsWith("-") && !words[i - 1]?.startsWith("--import"));
  if (!entry) throw new Error(`The start script names no file to run: ${script}`);
  return { env, args: words, entry: path.join(root, entry) };
}
