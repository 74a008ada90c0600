const Redis = require('ioredis');
(async () => {
  for (const auto of [true, false]) {
    const mon = new Redis(); const m = await mon.monitor(); const seen = [];
    m.on('monitor', (t, args) => { if (/eval/i.test(args[0])) seen.push(args[0]); });
    const r = new Redis({ enableAutoPipelining: auto });
    r.defineCommand('big', { numberOfKeys: 1, lua: '-- ' + 'x'.repeat(10000) + '\nreturn 1' });
    for (let i = 0; i < 5; i++) await r.big('k');
    await new Promise((res) => setTimeout(res, 200));
    console.log('autopipelining', auto, seen.join(' '));
    r.disconnect(); mon.disconnect();
  }
})();
