const m = await import('/work/main/bench/collector.ts');
const t = Date.now();
for (const r of await m.run()) console.log(JSON.stringify(r));
console.log('total s', (Date.now() - t) / 1000);
