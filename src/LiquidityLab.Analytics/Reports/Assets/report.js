// Renders a report document (ReportModel as JSON) into sections of tables and ECharts charts: the one
// embedded in report.html, or any other through LiquidityLabReport.render (the web dashboard).
(function () {
  'use strict';

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };
  const fmt = v => (v === null || v === undefined || Number.isNaN(v)) ? 'n/a'
    : (Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0)) ? v.toExponential(3) : (+v.toPrecision(6)).toString();

  const base = (title, xLabel, yLabel) => ({
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 26, type: 'scroll' },
    grid: { left: 70, right: 30, top: 64, bottom: 70 },
    toolbox: { right: 10, feature: { dataZoom: { yAxisIndex: 'none' }, restore: {}, saveAsImage: {} } },
    xAxis: { name: xLabel, nameLocation: 'middle', nameGap: 28 },
    yAxis: { name: yLabel, nameLocation: 'middle', nameGap: 52, scale: true },
  });

  const builders = {
    line(b) {
      const o = base(b.title, b.xLabel, b.yLabel);
      o.xAxis.type = 'value';
      o.xAxis.scale = true;
      o.dataZoom = [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }];
      o.series = b.series.map(s => ({
        name: s.name, type: 'line', showSymbol: false, sampling: 'lttb',
        step: s.step ? 'end' : false,
        lineStyle: { width: 1.4, type: s.dashed ? 'dashed' : 'solid' },
        data: s.values.map((v, i) => [b.x[i], v]),
      }));
      if (b.referenceLines && b.referenceLines.length) {
        o.series.push({
          name: 'limits', type: 'line', data: [], silent: true,
          markLine: {
            symbol: 'none', lineStyle: { type: 'dashed', color: '#c23531' },
            label: { formatter: p => p.name, position: 'insideEndTop' },
            data: b.referenceLines.map(r => ({ name: r.name, yAxis: r.value })),
          },
        });
      }
      if (b.markers && b.markers.length) {
        o.series.push({
          name: 'events', type: 'scatter', symbol: 'triangle', symbolSize: 9, itemStyle: { color: '#c23531' },
          tooltip: { trigger: 'item', formatter: p => `${p.data.label} (${fmt(p.data.value[0])}, ${fmt(p.data.value[1])})` },
          data: b.markers.map(m => ({ value: [m.x, m.y], label: m.label })),
        });
      }
      return o;
    },
    bar(b) {
      const o = base(b.title, b.xLabel, b.yLabel);
      o.xAxis.type = 'category';
      o.xAxis.data = b.categories;
      o.series = b.series.map(s => ({ name: s.name, type: 'bar', data: s.values }));
      return o;
    },
    scatter(b) {
      const o = base(b.title, b.xLabel, b.yLabel);
      o.tooltip = { trigger: 'item', formatter: p => `${p.seriesName}: (${fmt(p.value[0])}, ${fmt(p.value[1])})` };
      o.xAxis.type = 'value';
      o.xAxis.scale = true;
      o.dataZoom = [{ type: 'inside' }];
      o.series = b.series.map(s => ({ name: s.name, type: 'scatter', symbolSize: 4, data: s.x.map((x, i) => [x, s.y[i]]) }));
      return o;
    },
    heatmap(b) {
      const cells = [];
      let min = Infinity, max = -Infinity;
      b.values.forEach((row, y) => row.forEach((v, x) => {
        if (v === null || v === undefined || Number.isNaN(v)) return;
        cells.push([x, y, v]);
        min = Math.min(min, v); max = Math.max(max, v);
      }));
      if (!cells.length) { min = 0; max = 1; }
      return {
        title: { text: b.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { formatter: p => `${b.yLabel} ${b.yCategories[p.value[1]]}, ${b.xLabel} ${b.xCategories[p.value[0]]}: ${b.valueLabel} ${fmt(p.value[2])}` },
        grid: { left: 100, right: 30, top: 50, bottom: 90 },
        xAxis: { type: 'category', data: b.xCategories, name: b.xLabel, nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: b.yCategories, name: b.yLabel, nameLocation: 'middle', nameGap: 80 },
        visualMap: { min, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 4, inRange: { color: ['#313695', '#74add1', '#ffffbf', '#f46d43', '#a50026'] } },
        series: [{ name: b.valueLabel, type: 'heatmap', data: cells, label: { show: true, formatter: p => fmt(p.value[2]) } }],
      };
    },
  };

  const renderTable = b => {
    const wrap = el('div', 'table-wrap');
    if (b.caption) wrap.appendChild(el('div', 'caption', b.caption));
    const table = el('table');
    const head = el('tr');
    b.headers.forEach(h => head.appendChild(el('th', null, h)));
    table.appendChild(head);
    b.rows.forEach(r => {
      const tr = el('tr');
      r.forEach(c => tr.appendChild(el('td', null, c)));
      table.appendChild(tr);
    });
    wrap.appendChild(table);
    return wrap;
  };

  // Draws doc into root; returns the chart instances (dispose them before replacing root's content).
  const render = (doc, root) => {
  const charts = [];
  root.appendChild(el('h1', null, doc.title));
  root.appendChild(el('p', 'subtitle', doc.subtitle));
  const toc = el('nav', 'toc');
  root.appendChild(toc);
  doc.sections.forEach((section, si) => {
    const sec = el('section');
    sec.id = 'section-' + si;
    const link = el('a', null, section.title);
    link.href = '#' + sec.id;
    toc.appendChild(link);
    sec.appendChild(el('h2', null, section.title));
    if (section.text) sec.appendChild(el('p', null, section.text));
    section.blocks.forEach(b => {
      if (b.type === 'table') { sec.appendChild(renderTable(b)); return; }
      if (b.type === 'note') { sec.appendChild(el('p', b.warning ? 'note warning' : 'note', b.text)); return; }
      const div = el('div', 'chart');
      div.dataset.chartType = b.type;
      sec.appendChild(div);
      charts.push([div, builders[b.type](b)]);
    });
    root.appendChild(sec);
  });
  // draw after layout so every chart gets its real width
  charts.forEach(([div, option]) => { const c = echarts.init(div); c.setOption(option); div._chart = c; });
  root.dataset.chartsRendered = String(charts.length);
  return charts.map(([div]) => div._chart);
  };

  window.LiquidityLabReport = { render, builders, format: fmt };
  const embedded = document.getElementById('report-data');
  if (embedded) {
    const drawn = render(JSON.parse(embedded.textContent), document.getElementById('report'));
    window.addEventListener('resize', () => drawn.forEach(c => c.resize()));
    document.body.dataset.chartsRendered = String(drawn.length);
  }
})();
