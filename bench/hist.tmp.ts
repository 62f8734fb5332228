import { Counter, Histogram, Registry } from 'prom-client';
const r = new Registry();
const h = new Histogram({ name: 'h', help: 'h', labelNames: ['stage'], buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 10, 20, 30, 60, 120, 300], registers: [r] });
const c = new Counter({ name: 'c', help: 'c', labelNames: ['a', 'b', 'd'], registers: [r] });
const child = h.labels('token_generation');
const cc = c.labels('x', 'y', 'z');
for (let k = 0; k < 3; k++) {
  let t = performance.now();
  for (let i = 0; i < 100000; i++) child.observe(0.1);
  console.log('observe µs', ((performance.now() - t) / 100).toFixed(3));
  t = performance.now();
  for (let i = 0; i < 100000; i++) cc.inc(1);
  console.log('inc µs', ((performance.now() - t) / 100).toFixed(3));
  t = performance.now();
  const m = new Map<string, number>();
  for (let i = 0; i < 100000; i++) { const key = `mpesa_c2b|token_generation|${i % 4 ? 'success' : 'failed'}`; m.set(key, (m.get(key) ?? 0) + 1); }
  console.log('key concat+map µs', ((performance.now() - t) / 100).toFixed(3));
}
