// Benchmark of the generated TypeScript against the language's own
// serialisation: render ≤ 2× JSON.stringify of the same literal, decode ≤ 4×
// JSON.parse of the body. Prints one JSON line of nanoseconds per op.
import { newInvalidJWT, render, decode } from "./gen.js";

declare const process: { hrtime: { bigint(): bigint } };
let sink: unknown = null;

// Times op and floor in alternating rounds (the same machine load for both);
// the best nanoseconds per call of each.
function pair(n: number, op: () => void, floor: () => void): [number, number] {
  const best = [Infinity, Infinity];
  for (let round = 0; round < 15; round++) {
    [op, floor].forEach((f, k) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) f();
      best[k] = Math.min(best[k] ?? Infinity, Number(process.hrtime.bigint() - start) / n);
    });
  }
  return [best[0] ?? 0, best[1] ?? 0];
}

const body = render(newInvalidJWT(5, "alice"), "problem").body;
const p = JSON.parse(body) as { type: string; title: string; status: number; detail: string; code: string; name: string };
const n = 20000;
const err = newInvalidJWT(5, "alice");
const [renderNs, floorRender] = pair(
  n,
  () => {
    sink = render(err, "problem");
  },
  () => {
    sink = JSON.stringify({ type: p.type, title: p.title, status: p.status, detail: p.detail, code: p.code, name: p.name, params: { age: 5 } });
  },
);
const [decodeNs, floorDecode] = pair(
  n,
  () => {
    sink = decode({ status: 401, body });
  },
  () => {
    sink = JSON.parse(body);
  },
);
const result = { render: renderNs, floor_render: floorRender, decode: decodeNs, floor_decode: floorDecode };
console.log(JSON.stringify(result), sink === null ? "" : "");
