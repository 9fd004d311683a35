// The LiquidityLab dashboard: one page, routed by the URL's hash, drawing from the read-only JSON API.
// Charts are Apache ECharts; a run's report is drawn by the same renderer as report.html (report.js).
(function () {
  'use strict';
  const main = document.getElementById('main');
  const R = window.LiquidityLabReport;
  const fmt = R.format;
  let charts = [];        // chart instances of the current page, disposed on navigation
  let pageCleanup = [];   // other things to stop (event sources)

  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  };
  const api = async path => {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
    if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
    return body;
  };
  const chart = (div, option) => { const c = echarts.init(div); c.setOption(option); charts.push(c); div._chart = c; return c; };
  const chartDiv = (kind) => el('div', { class: 'chart', 'data-chart-type': kind });
  const showError = e => main.appendChild(el('p', { class: 'error', text: e.message || String(e) }));
  const when = t => t ? new Date(t).toISOString().replace('T', ' ').slice(0, 19) : '';
  const ready = () => { document.body.dataset.ready = '1'; };
  const headlineMetric = metrics => {
    const keys = Object.keys(metrics || {});
    return keys.find(k => k.endsWith('total_pnl')) || keys.find(k => k.endsWith('pnl_mean'));
  };
  const lineOption = (title, xLabel, yLabel) => ({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 26, type: 'scroll' },
    grid: { left: 70, right: 30, top: 64, bottom: 70 },
    toolbox: { right: 10, feature: { dataZoom: { yAxisIndex: 'none' }, restore: {}, saveAsImage: {} } },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    xAxis: { type: 'value', scale: true, name: xLabel, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', scale: true, name: yLabel, nameLocation: 'middle', nameGap: 52 },
    series: [],
  });

  // ---- runs: filter, sort, select to compare
  async function runsPage(params) {
    const filters = { scenario: params.get('scenario') || '', status: params.get('status') || '', tag: params.get('tag') || '', sweep: params.get('sweep') || '' };
    const form = el('div', { class: 'filters' });
    const inputs = {};
    for (const key of ['scenario', 'tag', 'sweep']) {
      inputs[key] = el('input', { name: key, value: filters[key], placeholder: 'any' });
      form.appendChild(el('label', {}, key, inputs[key]));
    }
    inputs.status = el('select', { name: 'status' }, ...['', 'done', 'running', 'failed', 'cancelled', 'incomplete'].map(s => el('option', { value: s, text: s || 'any', selected: s === filters.status })));
    form.appendChild(el('label', {}, 'status', inputs.status));
    const apply = () => {
      const q = new URLSearchParams();
      for (const [k, i] of Object.entries(inputs)) if (i.value) q.set(k, i.value);
      location.hash = '#/runs' + (q.toString() ? '?' + q : '');
    };
    form.appendChild(el('button', { id: 'apply-filters', onclick: apply, text: 'Filter' }));
    const compare = el('button', { id: 'compare', disabled: true, text: 'Compare selected' });
    form.appendChild(compare);
    main.appendChild(el('h1', { text: 'Runs' }));
    main.appendChild(form);

    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    const runs = await api('/api/runs' + (q.toString() ? '?' + q : ''));
    const selected = new Set();
    compare.addEventListener('click', () => { location.hash = '#/compare/' + [...selected].join(','); });
    const columns = [
      ['id', r => r.id], ['scenario', r => r.scenario], ['kind', r => r.kind], ['seed', r => r.seed], ['status', r => r.status],
      ['started (UTC)', r => r.started_at], ['wall s', r => r.wall_seconds], ['sweep / case', r => r.sweep_id ? `${r.sweep_id} / ${r.case_name}` : ''],
      ['tags', r => r.tags.join(', ')], ['PnL (first maker)', r => { const k = headlineMetric(r.metrics); return k ? r.metrics[k] : null; }],
    ];
    let sort = { index: 0, dir: -1 };
    const table = el('table', { class: 'runs', id: 'runs-table' });
    const draw = () => {
      table.textContent = '';
      const head = el('tr', {}, el('th', { text: '' }));
      columns.forEach(([name], i) => head.appendChild(el('th', {
        text: name, class: sort.index === i ? (sort.dir > 0 ? 'sorted-asc' : 'sorted-desc') : null,
        onclick: () => { sort = { index: i, dir: sort.index === i ? -sort.dir : 1 }; draw(); },
      })));
      table.appendChild(head);
      const get = columns[sort.index][1];
      const rows = [...runs].sort((a, b) => {
        const x = get(a), y = get(b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === '') return 1;
        if (y === null || y === undefined || y === '') return -1;
        return (x < y ? -1 : 1) * sort.dir;
      });
      for (const r of rows) {
        const box = el('input', { type: 'checkbox', 'data-run': r.id, checked: selected.has(r.id) });
        box.addEventListener('change', () => { box.checked ? selected.add(r.id) : selected.delete(r.id); compare.disabled = selected.size < 2; });
        const tr = el('tr', { 'data-run-id': r.id }, el('td', {}, box));
        columns.forEach(([name, f], i) => {
          const v = f(r);
          const text = typeof v === 'number' && i >= 6 ? fmt(v) : (i === 5 ? when(v) : (v ?? ''));
          const td = el('td', { class: name === 'status' ? 'status-' + r.status : null });
          if (i === 0 || i === 1) td.appendChild(el('a', { href: `#/run/${r.id}`, text: String(text) }));
          else td.textContent = String(text);
          tr.appendChild(td);
        });
        table.appendChild(tr);
      }
    };
    draw();
    main.appendChild(el('p', { class: 'meta', text: `${runs.length} run(s)` }));
    main.appendChild(el('div', { class: 'table-wrap' }, table));
  }

  // ---- one run: fields, files, and every chart of its report
  async function runPage(id) {
    const detail = await api(`/api/runs/${id}`);
    const r = detail.run;
    main.appendChild(el('h1', { text: `Run ${r.id}: ${r.scenario}` }));
    main.appendChild(el('p', { class: 'meta', text: `${r.kind}, seed ${r.seed}, ${r.status}, started ${when(r.started_at)} UTC` + (r.wall_seconds != null ? `, ${fmt(r.wall_seconds)} s` : '') + (r.sweep_id ? `, sweep ${r.sweep_id} case ${r.case_name}` : '') }));
    if (detail.error) main.appendChild(el('p', { class: 'error', text: detail.error }));
    const files = el('p', { class: 'files' }, 'files: ', ...detail.files.map(f => el('a', { href: `/api/runs/${r.id}/files/${encodeURIComponent(f)}`, target: '_blank', text: f })));
    main.appendChild(files);
    if (r.has_book) main.appendChild(el('p', {}, el('a', { href: `#/book/${r.id}`, id: 'book-link', text: 'order book: depth and price × time heatmaps' })));
    if (!r.has_report) { main.appendChild(el('p', { class: 'note', text: 'This run has no report (it did not finish).' })); return; }
    const doc = await api(`/api/runs/${id}/report`);
    const root = el('div', { id: 'report' });
    main.appendChild(root);
    charts.push(...R.render(doc, root));
  }

  // ---- compare runs: overlaid PnL and inventory, metrics side by side
  async function comparePage(ids) {
    main.appendChild(el('h1', { text: 'Compare runs ' + ids.join(', ') }));
    const runs = await Promise.all(ids.map(id => api(`/api/runs/${id}`)));
    const series = await Promise.all(ids.map(id => api(`/api/runs/${id}/series`).catch(() => ({ series: [] }))));
    const pnl = lineOption('PnL', 'time', 'PnL');
    const inv = lineOption('Inventory', 'time', 'lots');
    series.forEach((s, i) => s.series.forEach(line => {
      const name = `run ${ids[i]} ${line.name}`;
      pnl.series.push({ name, type: 'line', showSymbol: false, sampling: 'lttb', data: line.time.map((t, k) => [t, line.pnl[k]]) });
      inv.series.push({ name, type: 'line', showSymbol: false, step: 'end', data: line.time.map((t, k) => [t, line.inventory[k]]) });
    }));
    const a = chartDiv('line'), b = chartDiv('line');
    a.id = 'compare-pnl'; b.id = 'compare-inventory';
    main.appendChild(a); main.appendChild(b);
    chart(a, pnl); chart(b, inv);
    const keys = [...new Set(runs.flatMap(d => Object.keys(d.run.metrics)))];
    const table = el('table', { id: 'compare-metrics' }, el('tr', {}, el('th', { text: 'metric' }), ...runs.map(d => el('th', {}, el('a', { href: `#/run/${d.run.id}`, text: `run ${d.run.id} ${d.run.scenario}` })))));
    for (const k of keys) table.appendChild(el('tr', {}, el('td', { text: k }), ...runs.map(d => el('td', { text: k in d.run.metrics ? fmt(d.run.metrics[k]) : '' }))));
    main.appendChild(el('h2', { text: 'Metrics' }));
    main.appendChild(el('div', { class: 'table-wrap' }, table));
  }

  // ---- sweeps: list, then one sweep's heatmap of any metric over two swept keys, and its table
  async function sweepsPage() {
    main.appendChild(el('h1', { text: 'Sweeps' }));
    const sweeps = await api('/api/sweeps');
    const table = el('table', { id: 'sweeps-table' }, el('tr', {}, ...['sweep', 'scenario', 'cases', 'done', 'swept keys', 'last case started (UTC)'].map(h => el('th', { text: h }))));
    for (const s of sweeps) table.appendChild(el('tr', {},
      el('td', {}, el('a', { href: '#/sweep?id=' + encodeURIComponent(s.sweep_id), text: s.sweep_id })),
      el('td', { text: s.scenario }), el('td', { text: String(s.cases) }), el('td', { text: String(s.done) }),
      el('td', { text: s.parameters.join(', ') }), el('td', { text: when(s.last_started_at) })));
    main.appendChild(sweeps.length ? el('div', { class: 'table-wrap' }, table) : el('p', { class: 'note', text: 'No sweep in this store yet: run liqlab sweep FILE.' }));
  }

  const heatmap = spec => {
    const o = R.builders.heatmap(spec);
    o.grid.bottom = 110;
    o.xAxis.nameGap = 24;
    return o;
  };

  const numericOrder = values => {
    const all = values.every(v => v !== '' && !isNaN(Number(v)));
    return [...new Set(values)].sort((a, b) => all ? Number(a) - Number(b) : 0);
  };

  // The mean of a metric over the cases in each (x, y) cell; values[y][x], null where no case has a number.
  function sweepGrid(cases, xKey, yKey, metric) {
    const xs = numericOrder(cases.map(c => c.parameters[xKey] ?? ''));
    const ys = numericOrder(cases.map(c => c.parameters[yKey] ?? ''));
    const sum = ys.map(() => xs.map(() => 0)), count = ys.map(() => xs.map(() => 0));
    for (const c of cases) {
      const v = c.metrics[metric];
      if (v === null || v === undefined) continue;
      const x = xs.indexOf(c.parameters[xKey] ?? ''), y = ys.indexOf(c.parameters[yKey] ?? '');
      sum[y][x] += v; count[y][x] += 1;
    }
    return { xs, ys, values: sum.map((row, y) => row.map((s, x) => count[y][x] ? s / count[y][x] : null)) };
  }

  async function sweepPage(params) {
    const id = params.get('id') || '';
    const s = await api('/api/sweeps/cases?id=' + encodeURIComponent(id));
    main.appendChild(el('h1', { text: 'Sweep ' + s.sweep_id }));
    main.appendChild(el('p', { class: 'meta', text: `${s.cases.length} cases; swept: ${s.parameters.join(', ')}` }));
    const pick = (name, options, value) => el('select', { name, id: 'pick-' + name }, ...options.map(o => el('option', { value: o, text: o, selected: o === value })));
    const metric = pick('metric', s.metrics, params.get('metric') || s.metrics.find(m => m.endsWith('total_pnl')) || s.metrics[0]);
    const xKey = pick('x', s.parameters, params.get('x') || s.parameters[0]);
    const yKey = pick('y', s.parameters, params.get('y') || s.parameters[1] || s.parameters[0]);
    main.appendChild(el('div', { class: 'filters' }, el('label', {}, 'metric', metric), el('label', {}, 'x', xKey), el('label', {}, 'y', yKey)));
    const div = chartDiv('heatmap');
    div.id = 'sweep-heatmap';
    main.appendChild(div);
    const draw = () => {
      const g = sweepGrid(s.cases, xKey.value, yKey.value, metric.value);
      const option = heatmap({ title: `${metric.value} (mean over other swept keys)`, xLabel: xKey.value, yLabel: yKey.value,
        xCategories: g.xs, yCategories: g.ys, values: g.values, valueLabel: metric.value });
      div.dataset.cells = JSON.stringify(g);
      if (div._chart) div._chart.setOption(option, true); else chart(div, option);
    };
    [metric, xKey, yKey].forEach(e => e.addEventListener('change', draw));
    draw();
    const table = el('table', { id: 'sweep-cases' }, el('tr', {}, ...['case', 'status', ...s.parameters, ...s.metrics].map(h => el('th', { text: h }))));
    for (const c of s.cases) table.appendChild(el('tr', {},
      el('td', {}, el('a', { href: `#/run/${c.run_id}`, text: c.case })), el('td', { text: c.status }),
      ...s.parameters.map(p => el('td', { text: c.parameters[p] ?? '' })),
      ...s.metrics.map(m => el('td', { text: m in c.metrics ? fmt(c.metrics[m]) : '' }))));
    main.appendChild(el('h2', { text: 'Cases' }));
    main.appendChild(el('div', { class: 'table-wrap' }, table));
  }

  // ---- order book of an order-driven run: depth at a chosen time, resting and traded volume over price × time
  async function bookPage(id) {
    const book = await api(`/api/runs/${id}/book`);
    main.appendChild(el('h1', {}, 'Order book of ', el('a', { href: `#/run/${id}`, text: `run ${id}` })));
    if (book.depth && book.depth.length) {
      const slider = el('input', { type: 'range', min: 0, max: book.depth.length - 1, value: book.depth.length - 1, id: 'depth-time' });
      const label = el('span', { class: 'meta' });
      main.appendChild(el('div', { class: 'filters' }, el('label', {}, 'snapshot time', slider), label));
      const div = chartDiv('depth');
      div.id = 'book-depth';
      main.appendChild(div);
      const cumulative = (levels) => { let sum = 0; return levels.map(([p, q]) => [p, (sum += q)]); };
      const draw = () => {
        const snap = book.depth[Number(slider.value)];
        label.textContent = `t = ${fmt(snap.time)} s, ${snap.bids.length} bid and ${snap.asks.length} ask levels`;
        const o = lineOption(`Depth at t = ${fmt(snap.time)} s`, 'price', 'cumulative lots');
        o.tooltip = { trigger: 'axis', valueFormatter: fmt };
        o.yAxis.scale = false;
        o.yAxis.min = 0;
        o.dataZoom = [{ type: 'inside' }];
        o.grid.bottom = 50;
        o.animation = false; // the slider redraws at once
        o.series = [
          { name: 'bids', type: 'line', step: 'end', areaStyle: { opacity: 0.3 }, color: '#1f7a3a', showSymbol: false, data: cumulative(snap.bids) },
          { name: 'asks', type: 'line', step: 'start', areaStyle: { opacity: 0.3 }, color: '#b42318', showSymbol: false, data: cumulative(snap.asks) },
        ];
        if (div._chart) div._chart.setOption(o, true); else chart(div, o);
      };
      slider.addEventListener('input', draw);
      draw();
    }
    if (book.heatmap) {
      const h = book.heatmap;
      const grid = h.cells.length;
      for (const [name, column] of [['resting', 2], ['traded', 3]]) {
        const values = h.prices.map(() => h.times.map(() => null));
        for (const c of h.cells) if (c[column] !== 0) values[c[1]][c[0]] = c[column];
        const o = heatmap({ title: `${name} volume (lots) by price and time`, xLabel: 'time (s)', yLabel: 'price',
          xCategories: h.times.map(t => fmt(t)), yCategories: h.prices.map(p => fmt(p)), values, valueLabel: name + ' lots' });
        o.series[0].label.show = grid <= 300;
        o.dataZoom = [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }];
        const div = chartDiv('heatmap');
        div.id = 'book-' + name;
        main.appendChild(div);
        chart(div, o);
      }
      if (h.truncated) main.appendChild(el('p', { class: 'note warning', text: 'The heatmap file is larger than the dashboard draws; only its first rows are shown.' }));
    }
  }

  // ---- live: the running simulation, streamed as server-sent events
  function livePage() {
    main.appendChild(el('h1', { id: 'live-title', text: 'Live run' }));
    const status = el('p', { class: 'meta', id: 'live-status', text: 'waiting for the run…' });
    const bar = el('div');
    main.appendChild(status);
    main.appendChild(el('div', { class: 'progress' }, bar));
    const area = el('div', { id: 'live-charts' });
    main.appendChild(area);
    const fillsTable = el('table', { id: 'live-fills' });
    main.appendChild(el('h2', { text: 'Latest fills' }));
    main.appendChild(el('div', { class: 'table-wrap' }, fillsTable));
    const titles = { price: 'Mid and quotes', inventory: 'Inventory', pnl: 'PnL', 'net exposure': 'Net exposure' };
    let state, frames = 0, fills = [], dirty = false, timeLabel = 'time';
    const reset = () => { area.textContent = ''; charts.forEach(c => c.dispose()); charts = []; state = new Map(); frames = 0; fills = []; };
    reset();
    const chartFor = name => {
      if (!state.has(name)) {
        const div = chartDiv('line');
        div.dataset.liveChart = name;
        area.appendChild(div);
        const c = chart(div, lineOption(titles[name] || name, timeLabel, name));
        state.set(name, { chart: c, series: new Map() });
      }
      return state.get(name);
    };
    const seriesFor = (name, series) => {
      const s = chartFor(name);
      if (!s.series.has(series)) s.series.set(series, []);
      return s.series.get(series);
    };
    const redraw = () => {
      dirty = false;
      for (const s of state.values())
        s.chart.setOption({ series: [...s.series.entries()].map(([n, d]) => ({ name: n, type: 'line', showSymbol: false, sampling: 'lttb', data: d, step: n.includes('inventory') ? 'end' : false })) });
      fillsTable.textContent = '';
      fillsTable.appendChild(el('tr', {}, ...['time', 'maker', 'side', 'lots', 'price'].map(h => el('th', { text: h }))));
      for (const f of fills.slice(-20).reverse()) fillsTable.appendChild(el('tr', {}, ...[fmt(f.time), f.maker, f.side, String(f.lots), fmt(f.price)].map(t => el('td', { text: t }))));
      main.dataset.frames = String(frames);
    };
    const later = () => { if (!dirty) { dirty = true; setTimeout(redraw, 250); } };
    const source = new EventSource('/api/live/events');
    pageCleanup.push(() => source.close());
    source.addEventListener('start', e => {
      const s = JSON.parse(e.data);
      reset();
      main.dataset.frames = '0'; // not the previous run's count until the first redraw
      timeLabel = s.timeLabel || 'time'; // the run's x axis: simulated time, or bars
      document.getElementById('live-title').textContent = `Live: ${s.scenario} (${s.kind}, seed ${s.seed})`;
      status.textContent = 'running';
      main.dataset.liveStatus = 'running';
    });
    source.addEventListener('frame', e => {
      const f = JSON.parse(e.data);
      frames++;
      for (const v of f.values) seriesFor(v.chart, v.series).push([f.time, v.value]);
      fills.push(...f.fills);
      if (fills.length > 200) fills = fills.slice(-100);
      bar.style.width = (100 * f.progress).toFixed(1) + '%';
      status.textContent = `running: ${(100 * f.progress).toFixed(1)}%, t = ${fmt(f.time)}, ${f.fillCount} fills`;
      later();
    });
    source.addEventListener('curve', e => {
      const c = JSON.parse(e.data);
      frames++;
      const data = seriesFor(c.chart, c.series);
      data.length = 0;
      c.x.forEach((x, i) => data.push([x, c.y[i]]));
      bar.style.width = (100 * c.progress).toFixed(1) + '%';
      status.textContent = `running: ${(100 * c.progress).toFixed(1)}%`;
      later();
    });
    source.addEventListener('end', e => {
      const end = JSON.parse(e.data);
      status.textContent = `finished: ${end.status}` + (end.message ? ` (${end.message})` : '') + ' — see the Runs page for its report';
      main.dataset.liveStatus = end.status;
      bar.style.width = '100%';
      later();
    });
  }

  // ---- routing
  const routes = [
    [/^#\/runs$/, (m, q) => runsPage(q), 'runs'],
    [/^#\/run\/(\d+)$/, m => runPage(m[1]), 'run'],
    [/^#\/compare\/([\d,]+)$/, m => comparePage(m[1].split(',').filter(Boolean)), 'compare'],
    [/^#\/sweeps$/, () => sweepsPage(), 'sweeps'],
    [/^#\/sweep$/, (m, q) => sweepPage(q), 'sweep'],
    [/^#\/book\/(\d+)$/, m => bookPage(m[1]), 'book'],
    [/^#\/live$/, () => livePage(), 'live'],
  ];
  async function route() {
    charts.forEach(c => c.dispose());
    charts = [];
    pageCleanup.forEach(f => f());
    pageCleanup = [];
    main.textContent = '';
    delete main.dataset.frames;
    document.body.dataset.ready = '';
    const hash = location.hash || '#/runs';
    const [path, query] = hash.split('?');
    const found = routes.find(([re]) => re.test(path));
    document.body.dataset.page = found ? found[2] : 'none';
    document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', found && a.dataset.nav === found[2].replace(/^(run|compare)$/, 'runs').replace(/^(sweep)$/, 'sweeps')));
    try {
      if (!found) throw new Error('no such page: ' + hash);
      await found[1](path.match(found[0]), new URLSearchParams(query || ''));
    } catch (e) {
      showError(e);
    }
    ready();
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  api('/api/live').then(l => { if (l.live) document.getElementById('nav-live').hidden = false; }).catch(() => {});
  route();
})();
