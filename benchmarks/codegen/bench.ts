// Benchmark of the generated TypeScript against the language's own
// serialisation: render ≤ 2× JSON.stringify of the same literal, decode ≤ 4×
// JSON.parse of the body. Prints one JSON line of nanoseconds per op.
import { newInvalidJWT, render, decode } from "./gen.js";

declare const process: { hrtime: { bigint(): bigint } };
let sink: unknown = null;

function best(n: number, f: () => void): number {
  let bestNs = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) f();
    bestNs = Math.min(bestNs, Number(process.hrtime.bigint() - start) / n);
  }
  return bestNs;
}

const body = render(newInvalidJWT(5, "alice"), "problem").body;
const p = JSON.parse(body) as { type: string; title: string; status: number; detail: string; code: string; name: string };
const n = 20000;
const err = newInvalidJWT(5, "alice");
const result = {
  render: best(n, () => {
    sink = render(err, "problem");
  }),
  floor_render: best(n, () => {
    sink = JSON.stringify({ type: p.type, title: p.title, status: p.status, detail: p.detail, code: p.code, name: p.name, params: { age: 5 } });
  }),
  decode: best(n, () => {
    sink = decode({ status: 401, body });
  }),
  floor_decode: best(n, () => {
    sink = JSON.parse(body);
  }),
};
console.log(JSON.stringify(result), sink === null ? "" : "");
