/* global window, document, Chart */
// The plan year as a chart (Chart.js): due dates by month, stacked by status, in the theme's colours.
(function () {
  const STATUSES = [['done', 'Done', '--done'], ['on track', 'On track', '--ontrack'], ['due soon', 'Due soon', '--soon'], ['overdue', 'Overdue', '--overdue'], ['blocked', 'Blocked', '--blocked']];
  const charts = new Set();

  function colour(name) {
    return window.getComputedStyle(document.body).getPropertyValue(name).trim();
  }

  function config(timeline) {
    return {
      type: 'bar',
      data: {
        labels: timeline.months.map((m) => m.label),
        datasets: STATUSES.map(([status, label, cssVar]) => ({ label, data: timeline.months.map((m) => m.byStatus[status] || 0), backgroundColor: colour(cssVar) })),
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { stacked: true, ticks: { color: colour('--subtle'), autoSkip: true, maxRotation: 0 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: colour('--subtle'), precision: 0 }, grid: { color: colour('--line') } },
        },
        plugins: { legend: { position: 'bottom', labels: { color: colour('--ink'), boxWidth: 12 } } },
      },
    };
  }

  /** A canvas in a box, with the chart drawn once the box is in the page. */
  function drawTimeline(timeline) {
    const box = document.createElement('div');
    box.className = 'chart';
    const canvas = document.createElement('canvas');
    const busiest = timeline.months.reduce((best, m) => (m.total > best.total ? m : best), { total: 0, label: '' });
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Actions due by month${busiest.total ? `; busiest ${busiest.label} with ${busiest.total}` : ''}`);
    box.append(canvas);
    window.requestAnimationFrame(() => {
      const chart = new Chart(canvas, config(timeline));
      chart.$timeline = timeline;
      charts.add(chart);
    });
    return box;
  }

  /** Forgets charts whose canvases left the page, and redraws the rest in the new theme. */
  window.addEventListener('themechange', () => {
    for (const chart of charts) {
      if (!chart.canvas.isConnected) { chart.destroy(); charts.delete(chart); continue; }
      const fresh = config(chart.$timeline);
      chart.data = fresh.data;
      chart.options = fresh.options;
      chart.update();
    }
  });

  window.dashboardChart = { drawTimeline, forget() { for (const c of charts) c.destroy(); charts.clear(); } };
})();
