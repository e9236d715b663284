// SupplyGuard's Cockpit plugin (issue 17): history views that Camunda 7 CE's Cockpit lacks.
// Everything is read as the logged-in Cockpit user: the engine REST of Cockpit (api.engineApi) and
// the plugin's own resource (io.supplyguard.cockpit.SupplyGuardPluginResource), both behind
// Cockpit's session, so the engine's authorizations decide what a user sees.

const PLUGIN_API = (api) => `${api.cockpitApi}/plugin/supplyguard/${api.engine || 'default'}`;

const OUTCOMES = {
  DISCONNECTED: '已停电',
  PAID_BEFORE_CUT: '停电前已缴清',
  PAID: '已缴费',
  PROTECTED: '受保护，不停电',
  NOT_ELIGIBLE: '不符合停电条件',
  NOT_UNDER_FEE_CONTROL: '未签订费控协议',
  VERIFICATION_FAILED: '核查未通过',
  FIELD_CUT_NOT_DONE: '现场未停电',
  TERMINATED_BY_APPROVAL: '经审批终止',
  EMERGENCY_RECONNECTION: '应急复电'
};

const STATES = {
  ACTIVE: '运行中',
  SUSPENDED: '已挂起',
  COMPLETED: '已完成',
  EXTERNALLY_TERMINATED: '被外部终止',
  INTERNALLY_TERMINATED: '内部终止'
};

const SMS_STATUS = { SENT: '已发送', DELIVERED: '已送达', FAILED: '发送失败' };

const OPERATIONS = {
  Claim: '认领', Complete: '完成', Assign: '指派', Delete: '删除', Cancel: '取消', ModifyProcessInstance: '修改流程实例',
  SuspendJob: '挂起作业', ActivateJob: '激活作业', Suspend: '挂起', Activate: '激活', SetJobRetries: '设置作业重试',
  SetVariable: '设置变量', SetVariables: '设置变量', ModifyVariable: '修改变量', RemoveVariable: '删除变量',
  Create: '创建', SetOwner: '设置所有者', DeleteHistory: '删除历史', Migrate: '迁移'
};

const STYLE = `
.sg-page { padding: 15px 20px; }
.sg-page h2 { margin-top: 0; }
.sg-page h3 { margin-top: 28px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.sg-page .sg-facts th { width: 10em; }
.sg-page .sg-diagram { height: 420px; border: 1px solid #ddd; background: #fff; }
.sg-page .sg-hex { font-family: monospace; word-break: break-all; }
.sg-page .sg-refused { margin: 40px; }
.sg-ran:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #d6ecd2 !important; stroke: #52b415 !important; }
.sg-running:not(.djs-connection) .djs-visual > :nth-child(1) { fill: #fde9c7 !important; stroke: #f0ad4e !important; stroke-width: 3px !important; }
.sg-page .sg-search .form-control { margin: 0 4px 6px 0; }
.sg-chart { margin: 18px 0; }
.sg-chart figcaption { margin-bottom: 4px; }
.sg-legend { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px; }
.sg-outcomes th { width: 12em; font-weight: normal; }
.sg-badge { background: #52b415; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 11px; white-space: nowrap; }
`;

function addStyle() {
  if (!document.getElementById('supplyguard-style')) {
    const style = document.createElement('style');
    style.id = 'supplyguard-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function time(value) {
  // ISO with offset, business time (+08:00): shown as written, without the T and the fraction
  return value ? escapeHtml(String(value).replace('T', ' ').replace(/\.\d+/, '')) : '—';
}

function duration(millis) {
  if (millis == null) return '—';
  if (millis < 1000) return `${millis} 毫秒`;
  const seconds = Math.round(millis / 1000);
  if (seconds < 120) return `${seconds} 秒`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} 分钟`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} 小时` : `${Math.round(hours / 24)} 天`;
}

function table(id, headers, rows, empty = '无') {
  if (!rows.length) {
    return `<p id="${id}" class="text-muted">${empty}</p>`;
  }
  return `<table id="${id}" class="table table-bordered table-condensed">
    <thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

async function getJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const error = new Error(`${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function refusal(node, status) {
  node.innerHTML = `<div class="sg-page"><div id="sg-refused" class="alert alert-danger sg-refused">
    ${status === 404 ? '该流程实例不存在，或您无权查看其历史。' : `读取失败（${escapeHtml(status)}）。`}</div></div>`;
}

let viewerScript;

function loadViewer(api) {
  if (window.BpmnJS) return Promise.resolve(window.BpmnJS);
  viewerScript = viewerScript || new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${api.cockpitApi}/plugin/supplyguard/static/app/bpmn-navigated-viewer.production.min.js`;
    script.onload = () => resolve(window.BpmnJS);
    script.onerror = reject;
    document.head.appendChild(script);
  });
  return viewerScript;
}

async function drawDiagram(container, api, history) {
  const [BpmnJS, xml] = await Promise.all([
    loadViewer(api),
    getJson(`${api.engineApi}/process-definition/${encodeURIComponent(history.instance.processDefinitionId)}/xml`)
  ]);
  const viewer = new BpmnJS({ container });
  await viewer.importXML(xml.bpmn20Xml);
  viewer.get('canvas').zoom('fit-viewport');
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  for (const step of history.activities) {
    if (!registry.get(step.activityId)) continue;
    canvas.addMarker(step.activityId, step.running > 0 ? 'sg-running' : 'sg-ran');
    overlays.add(step.activityId, {
      position: { bottom: 0, right: 0 },
      html: `<span class="sg-badge" title="${escapeHtml(duration(step.totalMillis))}">${step.count}×</span>`
    });
  }
  container.setAttribute('data-highlighted', history.activities.map((a) => a.activityId).join(' '));
}

function renderInstance(node, history) {
  const i = history.instance;
  const outcome = i.outcome ? `${escapeHtml(OUTCOMES[i.outcome] || i.outcome)} <small class="text-muted">${escapeHtml(i.outcome)}</small>` : '—';
  const superLink = i.superProcessInstanceId
    ? `<a href="#/supplyguard/process-instances/${escapeHtml(i.superProcessInstanceId)}">${escapeHtml(i.superProcessInstanceId)}</a>` : '—';
  node.innerHTML = `<div class="sg-page">
    <h2>${escapeHtml(i.processDefinitionName || i.processDefinitionKey)} <small>流程实例历史</small></h2>
    <table id="sg-instance" class="table table-bordered table-condensed sg-facts"><tbody>
      <tr><th>客户编号</th><td><a href="#/supplyguard/customers/${escapeHtml(i.businessKey)}">${escapeHtml(i.businessKey)}</a></td></tr>
      <tr><th>状态</th><td>${escapeHtml(STATES[i.state] || i.state)}</td></tr>
      <tr><th>结果</th><td id="sg-outcome">${outcome}</td></tr>
      <tr><th>结果原因</th><td id="sg-outcome-reason">${escapeHtml(i.outcomeReason || i.deleteReason || '—')}</td></tr>
      <tr><th>开始</th><td>${time(i.startTime)}${i.startUserId ? `（${escapeHtml(i.startUserId)}）` : ''}</td></tr>
      <tr><th>结束</th><td>${time(i.endTime)}</td></tr>
      <tr><th>上级流程实例</th><td>${superLink}</td></tr>
      <tr><th>流程实例编号</th><td>${escapeHtml(i.id)} · <a href="#/process-instance/${escapeHtml(i.id)}/runtime">流程监控视图</a></td></tr>
    </tbody></table>
    <h3>流程图（已执行的环节高亮，数字为执行次数）</h3>
    <div id="sg-diagram" class="sg-diagram"></div>
    <h3>执行路径</h3>
    ${table('sg-activities', ['环节', '类型', '次数', '总耗时', '当前'], history.activities.map((a) => [
      `${escapeHtml(a.name || a.activityId)} <small class="text-muted">${escapeHtml(a.activityId)}</small>`,
      escapeHtml(a.type), a.count, duration(a.totalMillis), a.running ? '<span class="label label-warning">当前位置</span>' : '']))}
    <h3>人工任务</h3>
    ${table('sg-user-tasks', ['任务', '创建', '认领人', '认领时间', '完成人', '完成时间', '填写内容'], history.userTasks.map((t) => [
      escapeHtml(t.name), time(t.created), escapeHtml(t.claimedBy || '—'), time(t.claimedAt),
      escapeHtml(t.completedBy || (t.completedAt ? '—' : '未完成')), time(t.completedAt),
      t.entered.map((e) => `<div><b>${escapeHtml(e.label)}</b>：${escapeHtml(e.display ?? e.value)}</div>`).join('')]))}
    <h3>决策</h3>
    ${table('sg-decisions', ['决策表', '时间', '输入', '输出'], history.decisions.map((d) => [
      escapeHtml(d.decisionDefinitionName || d.decisionDefinitionKey), time(d.evaluatedAt),
      d.inputs.map((v) => `<div>${escapeHtml(v.name)}：${escapeHtml(v.value)}</div>`).join(''),
      d.outputs.map((v) => `<div>${escapeHtml(v.name)}：${escapeHtml(v.value)}</div>`).join('')]))}
    <h3>电表命令</h3>
    ${table('sg-meter-commands', ['命令', '开始', '结果', '耗时', '报文'], history.meterCommands.map((c) => [
      `${escapeHtml(c.command)}<br><small>表号 ${escapeHtml(c.meterNo)} · 地址 ${escapeHtml(c.address)}</small>`, time(c.startedAt),
      `${escapeHtml(c.outcome)}${c.reason ? `<br><small>${escapeHtml(c.reason)}</small>` : ''}`, duration(c.durationMillis),
      c.frames.map((f) => `<div class="sg-frame"><b>${escapeHtml(f.step)}</b> #${f.attempt} ${escapeHtml(f.result)} · ${duration(f.durationMillis)}
        <div class="sg-hex">→ ${escapeHtml(f.requestHex)}</div><div class="sg-hex">← ${escapeHtml(f.replyHex || '（无应答）')}</div></div>`).join('')]))}
    <h3>短信</h3>
    ${table('sg-sms', ['模板', '时间', '号码', '状态', '内容'], history.sms.map((m) => [
      escapeHtml(m.template), time(m.createdAt), escapeHtml(m.phone),
      `${escapeHtml(SMS_STATUS[m.status] || m.status)}${m.failureReason ? `<br><small>${escapeHtml(m.failureReason)}</small>` : ''}`,
      escapeHtml(m.text)]))}
    <h3>操作日志（人工干预）</h3>
    ${table('sg-operation-log', ['时间', '用户', '操作', '对象', '属性', '原值', '新值', '备注'], history.operationLog.map((e) => [
      time(e.at), escapeHtml(e.userId), escapeHtml(OPERATIONS[e.operationType] || e.operationType), escapeHtml(e.entityType),
      escapeHtml(e.property), escapeHtml(e.orgValue), escapeHtml(e.newValue), escapeHtml(e.annotation)]))}
    <h3>调用的流程实例</h3>
    ${table('sg-called', ['流程', '状态', '开始', '结束'], history.calledInstances.map((c) => [
      `<a href="#/supplyguard/process-instances/${escapeHtml(c.id)}">${escapeHtml(c.processDefinitionName || c.processDefinitionKey)}</a>`,
      escapeHtml(STATES[c.state] || c.state), time(c.startTime), time(c.endTime)]))}
  </div>`;
}

function routeParam(prefix) {
  const hash = window.location.hash;
  const at = hash.indexOf(prefix);
  return at < 0 ? null : decodeURIComponent(hash.substring(at + prefix.length).split(/[/?]/)[0]);
}

async function showInstance(node, api) {
  addStyle();
  node.innerHTML = '<div class="sg-page">正在读取…</div>';
  const id = routeParam('/supplyguard/process-instances/');
  let history;
  try {
    history = await getJson(`${PLUGIN_API(api)}/process-instances/${encodeURIComponent(id)}`);
  } catch (e) {
    refusal(node, e.status || e.message);
    return;
  }
  renderInstance(node, history);
  const diagram = node.querySelector('#sg-diagram');
  drawDiagram(diagram, api, history).catch((e) => {
    diagram.innerHTML = `<p class="text-danger">流程图无法显示：${escapeHtml(e.message)}</p>`;
  });
}

const KINDS = {
  PROCESS_STARTED: '流程发起', TASK_COMPLETED: '任务完成', METER_COMMAND: '电表命令', SMS: '短信', PROCESS_ENDED: '流程结束'
};

function summary(entry) {
  const d = entry.details || {};
  switch (entry.kind) {
    case 'PROCESS_ENDED':
      return `结果：${escapeHtml(OUTCOMES[d.outcome] || d.outcome || d.state)}${d.outcomeReason ? `（${escapeHtml(d.outcomeReason)}）` : ''}`;
    case 'TASK_COMPLETED':
      return Object.entries(d.entered || {}).map(([k, v]) => `<div>${escapeHtml(k)}：${escapeHtml(v)}</div>`).join('');
    case 'METER_COMMAND':
      return `${escapeHtml(d.outcome)}${d.reason ? `（${escapeHtml(d.reason)}）` : ''} · ${duration(d.durationMillis)} · 表号 ${escapeHtml(d.meterNo)}`;
    case 'SMS':
      return `${escapeHtml(d.phone)} · ${escapeHtml(SMS_STATUS[d.status] || d.status)} · ${escapeHtml(d.text)}`;
    default:
      return escapeHtml(d.trigger ? `触发：${d.trigger}` : '');
  }
}

async function showCustomer(node, api) {
  addStyle();
  node.innerHTML = '<div class="sg-page">正在读取…</div>';
  const customerNo = routeParam('/supplyguard/customers/');
  const base = `${PLUGIN_API(api)}/customers/${encodeURIComponent(customerNo)}/timeline`;
  let entries;
  try {
    entries = await getJson(base);
  } catch (e) {
    node.innerHTML = `<div class="sg-page"><div id="sg-refused" class="alert alert-danger sg-refused">
      ${e.status === 404 ? '客户不存在。' : e.status === 403 ? '您的角色无权查看客户历程。' : `读取失败（${escapeHtml(e.status || e.message)}）。`}</div></div>`;
    return;
  }
  node.innerHTML = `<div class="sg-page">
    <h2>客户 ${escapeHtml(customerNo)} <small>停电复电历程</small></h2>
    <p><a id="sg-export-pdf" class="btn btn-default" href="${base}.pdf">导出 PDF</a>
       <a id="sg-export-csv" class="btn btn-default" href="${base}.csv">导出 CSV</a></p>
    ${table('sg-timeline', ['时间', '类别', '事项', '操作人', '详情', '流程实例'], entries.map((e) => [
      time(e.at), escapeHtml(KINDS[e.kind] || e.kind), escapeHtml(e.title), escapeHtml(e.actor || '—'), summary(e),
      e.processInstanceId ? `<a href="#/supplyguard/process-instances/${escapeHtml(e.processInstanceId)}">查看</a>` : '']), '暂无记录')}
  </div>`;
}


const PROCESSES = {
  'arrears-disconnection': '欠费停电',
  'important-customer-disconnection': '重要客户停电程序',
  'payment-reconnection': '缴费复电',
  'emergency-reconnection': '应急复电',
  'reconnection-sweep': '停电无欠费客户核查',
  'contact-verification': '客户联系方式核实'
};

function options(values, all) {
  return `<option value="">${all}</option>` + Object.entries(values)
    .map(([code, label]) => `<option value="${escapeHtml(code)}">${escapeHtml(label)}</option>`).join('');
}

function problemText(problem) {
  const errors = (problem && problem.errors) || [];
  return errors.length ? errors.map((e) => `${e.field}：${e.message}`).join('；') : '查询失败';
}

// #/supplyguard/history: the engine's history query as the logged-in user (the plugin resource),
// one page at a time; the form's values stay while paging.
function showHistory(node, api) {
  addStyle();
  node.innerHTML = `<div class="sg-page">
    <h2>流程历史 <small>SupplyGuard 全部流程实例（已结束与运行中）</small></h2>
    <form id="sg-history-form" class="form-inline sg-search">
      <input id="sg-history-customer" class="form-control" placeholder="客户编号（10位）" pattern="\\d{10}" title="客户编号">
      <select id="sg-history-process" class="form-control" title="流程">${options(PROCESSES, '全部流程')}</select>
      <select id="sg-history-outcome" class="form-control" title="结果">${options(OUTCOMES, '全部结果')}</select>
      <input id="sg-history-district" class="form-control" placeholder="台区（如 TQ-001）" title="台区">
      <input id="sg-history-from" class="form-control" placeholder="开始日期起 YYYY-MM-DD" pattern="\\d{4}-\\d{2}-\\d{2}" title="开始日期起">
      <input id="sg-history-to" class="form-control" placeholder="开始日期止 YYYY-MM-DD" pattern="\\d{4}-\\d{2}-\\d{2}" title="开始日期止">
      <select id="sg-history-page-size" class="form-control" title="每页条数">
        <option value="5">每页 5 条</option><option value="20" selected>每页 20 条</option>
        <option value="50">每页 50 条</option><option value="100">每页 100 条</option></select>
      <button id="sg-history-search" type="submit" class="btn btn-primary">查询</button>
    </form>
    <div id="sg-history-result" data-seq="0"></div>
  </div>`;
  const field = (id) => node.querySelector(`#sg-history-${id}`).value.trim();
  const result = node.querySelector('#sg-history-result');
  let seq = 0;
  let criteria = {};

  async function load(page) {
    const params = new URLSearchParams({ ...criteria, page: String(page) });
    const response = await fetch(`${PLUGIN_API(api)}/history?${params}`, {
      credentials: 'same-origin', headers: { Accept: 'application/json' }
    });
    const body = await response.json().catch(() => null);
    seq += 1;
    if (!response.ok) {
      result.innerHTML = `<div id="sg-history-error" class="alert alert-danger">${escapeHtml(problemText(body))}（${response.status}）</div>`;
    } else {
      render(body);
    }
    result.setAttribute('data-seq', String(seq));
  }

  function render(answer) {
    const pages = Math.max(1, Math.ceil(answer.total / answer.pageSize));
    result.innerHTML = `
      <p id="sg-history-summary" data-page="${answer.page}" data-total="${answer.total}">共 ${answer.total} 条 · 第 ${answer.page} / ${pages} 页</p>
      ${table('sg-history-results', ['流程', '客户编号', '台区', '状态', '结果', '开始', '结束', ''], answer.rows.map((r) => [
        escapeHtml(r.processDefinitionName || PROCESSES[r.processDefinitionKey] || r.processDefinitionKey),
        r.customerNo ? `<a href="#/supplyguard/customers/${escapeHtml(r.customerNo)}">${escapeHtml(r.customerNo)}</a>` : '—',
        escapeHtml(r.district || '—'), escapeHtml(STATES[r.state] || r.state),
        r.outcome ? escapeHtml(OUTCOMES[r.outcome] || r.outcome) : '—', time(r.startTime), time(r.endTime),
        `<a class="sg-history-open" data-instance-id="${escapeHtml(r.id)}" href="#/supplyguard/process-instances/${escapeHtml(r.id)}">查看历史</a>`]),
        '没有符合条件的流程实例')}
      <ul class="pager">
        <li class="previous${answer.page > 1 ? '' : ' disabled'}"><a id="sg-history-prev" href="">上一页</a></li>
        <li class="next${answer.page < pages ? '' : ' disabled'}"><a id="sg-history-next" href="">下一页</a></li>
      </ul>`;
    result.querySelector('#sg-history-prev').addEventListener('click', (event) => {
      event.preventDefault();
      if (answer.page > 1) load(answer.page - 1);
    });
    result.querySelector('#sg-history-next').addEventListener('click', (event) => {
      event.preventDefault();
      if (answer.page < pages) load(answer.page + 1);
    });
  }

  node.querySelector('#sg-history-form').addEventListener('submit', (event) => {
    event.preventDefault();
    criteria = Object.fromEntries(Object.entries({
      customerNo: field('customer'), process: field('process'), outcome: field('outcome'), district: field('district'),
      from: field('from'), to: field('to'), pageSize: field('page-size')
    }).filter(([, v]) => v));
    load(1);
  });
  criteria = { pageSize: field('page-size') };
  load(1);
}


// #/supplyguard/kpis: the figures of GET /api/kpis (the plugin resource calls the same service),
// drawn as SVG by the plugin itself (no chart library, nothing from a CDN).
const SVG_NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf', '#7f7f7f', '#bcbd22', '#e377c2'];

function businessToday() {
  // the business day in Asia/Shanghai, whatever the browser's zone
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function shiftDay(day, by) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().substring(0, 10);
}

function seconds(value) {
  if (value == null) return '—';
  return value < 120 ? `${value} 秒` : `${value} 秒（${(value / 60).toFixed(1)} 分钟）`;
}

function percent(value) {
  return value == null ? '—' : `${(value * 100).toFixed(1)}%`;
}

function svg(tag, attributes, text) {
  const element = document.createElementNS(SVG_NS, tag);
  Object.entries(attributes).forEach(([k, v]) => element.setAttribute(k, String(v)));
  if (text != null) element.textContent = text;
  return element;
}

// One chart: days on the x axis, one or more series as bars (grouped) or lines; each mark carries
// data-series, data-day and data-value (the number of /api/kpis) for whoever checks the drawing.
function chart(id, title, days, series, { kind = 'bar', format = (v) => String(v) } = {}) {
  const width = 760; const height = 220; const left = 56; const bottom = 40; const top = 16;
  const plotWidth = width - left - 10; const plotHeight = height - top - bottom;
  const values = series.flatMap((s) => s.values).filter((v) => v != null);
  const max = Math.max(1, ...values);
  const figure = document.createElement('figure');
  figure.className = 'sg-chart';
  figure.innerHTML = `<figcaption><b>${escapeHtml(title)}</b> ${series.map((s, i) =>
    `<span class="sg-legend" style="background:${COLORS[i]}"></span>${escapeHtml(s.label)}`).join(' ')}</figcaption>`;
  const root = svg('svg', { id, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  for (let i = 0; i <= 4; i++) {
    const y = top + plotHeight - (plotHeight * i) / 4;
    root.appendChild(svg('line', { x1: left, x2: width - 10, y1: y, y2: y, stroke: '#e5e5e5' }));
    root.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#666' }, format(Math.round((max * i) / 4 * 100) / 100)));
  }
  const slot = plotWidth / Math.max(1, days.length);
  const barWidth = Math.max(1, (slot * 0.8) / series.length);
  const x = (d) => left + slot * d + slot / 2;
  const y = (v) => top + plotHeight - (plotHeight * v) / max;
  series.forEach((s, si) => {
    if (kind === 'line') {
      const points = s.values.map((v, d) => (v == null ? null : `${x(d)},${y(v)}`)).filter(Boolean);
      if (points.length > 1) root.appendChild(svg('polyline', { points: points.join(' '), fill: 'none', stroke: COLORS[si], 'stroke-width': 2 }));
    }
    s.values.forEach((v, d) => {
      const mark = kind === 'line'
        ? svg('circle', { cx: x(d), cy: y(v ?? 0), r: v == null ? 0 : 3, fill: COLORS[si] })
        : svg('rect', { x: x(d) - (slot * 0.4) + si * barWidth, y: y(v ?? 0), width: barWidth, height: Math.max(0, top + plotHeight - y(v ?? 0)), fill: COLORS[si] });
      mark.setAttribute('class', 'sg-mark');
      mark.setAttribute('data-series', s.key);
      mark.setAttribute('data-day', days[d]);
      mark.setAttribute('data-value', v == null ? '' : String(v));
      mark.appendChild(svg('title', {}, `${days[d]} ${s.label}：${v == null ? '无' : format(v)}`));
      root.appendChild(mark);
    });
  });
  const labelEvery = Math.ceil(days.length / 10);
  days.forEach((day, d) => {
    if (d % labelEvery === 0) {
      root.appendChild(svg('text', { x: x(d), y: height - bottom + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#666' }, day.substring(5)));
    }
  });
  figure.appendChild(root);
  return figure;
}

function outcomeChart(totals) {
  const entries = Object.entries(totals.disconnectionsByOutcome || {});
  if (!entries.length) return '<p id="sg-kpi-outcomes" class="text-muted">本期没有结束的欠费停电流程</p>';
  const max = Math.max(...entries.map(([, n]) => n));
  return `<table id="sg-kpi-outcomes" class="table table-condensed sg-outcomes"><tbody>${entries.map(([code, n], i) => `
    <tr data-outcome="${escapeHtml(code)}" data-value="${n}"><th>${escapeHtml(OUTCOMES[code] || code)}</th>
      <td><svg width="420" height="16" role="img"><rect width="${Math.max(2, (400 * n) / max)}" height="14" fill="${COLORS[i % COLORS.length]}"></rect></svg> ${n}</td></tr>`).join('')}
  </tbody></table>`;
}

function renderKpis(result, answer) {
  const days = answer.days.map((d) => d.from.substring(0, 10));
  const t = answer;
  const protectedCut = t.protectedCustomersCut;
  result.innerHTML = `
    <table id="sg-kpi-totals" class="table table-bordered table-condensed sg-facts"><tbody>
      <tr><th>缴费笔数 / 结清欠费</th><td>${t.payments} / ${t.paymentsClearingArrears}</td></tr>
      <tr><th>缴费复电 / 应急复电</th><td>${t.reconnections} / ${t.emergencyReconnections}</td></tr>
      <tr><th>复电时长中位数 (p50)</th><td id="sg-kpi-p50" data-value="${t.medianSecondsToRestore ?? ''}">${seconds(t.medianSecondsToRestore)}</td></tr>
      <tr><th>复电时长 p95</th><td id="sg-kpi-p95" data-value="${t.p95SecondsToRestore ?? ''}">${seconds(t.p95SecondsToRestore)}</td></tr>
      <tr><th>复电过夜</th><td id="sg-kpi-overnight" data-value="${t.overnightBreaches}">${t.overnightBreaches}</td></tr>
      <tr><th>远程合闸失败率</th><td id="sg-kpi-failure-rate" data-value="${t.remoteCommandFailureRate ?? ''}">${percent(t.remoteCommandFailureRate)}（${t.remoteCommandFailures} / ${t.remoteCommands}）</td></tr>
      <tr><th>现场工单 开 / 关</th><td>${t.fieldOrdersOpened} / ${t.fieldOrdersClosed}</td></tr>
      <tr><th>受保护客户被停电</th><td id="sg-kpi-protected" data-value="${protectedCut}">
        ${protectedCut === 0 ? '<span class="label label-success">0（应始终为 0）</span>' : `<span class="label label-danger">${protectedCut}：必须为 0，请立即核查</span>`}</td></tr>
    </tbody></table>
    <div id="sg-kpi-charts"></div>
    <h3>停电结果分布（本期结束的欠费停电流程）</h3>
    ${outcomeChart(t)}`;
  const charts = result.querySelector('#sg-kpi-charts');
  const series = (key, label, pick = (d) => d[key]) => ({ key, label, values: answer.days.map(pick) });
  charts.appendChild(chart('sg-chart-restore', '复电时长（秒，按日）', days,
    [series('p50', '中位数 p50', (d) => d.medianSecondsToRestore), series('p95', 'p95', (d) => d.p95SecondsToRestore)], { kind: 'line' }));
  charts.appendChild(chart('sg-chart-overnight', '复电过夜（件，按日）', days, [series('overnightBreaches', '过夜')]));
  charts.appendChild(chart('sg-chart-failure-rate', '远程合闸失败率（按日）', days,
    [series('remoteCommandFailureRate', '失败率')], { format: percent }));
  charts.appendChild(chart('sg-chart-field-orders', '现场复电工单（件，按日）', days,
    [series('fieldOrdersOpened', '新开'), series('fieldOrdersClosed', '关闭')]));
  charts.appendChild(chart('sg-chart-protected', '受保护客户被停电（件，按日，应始终为 0）', days, [series('protectedCustomersCut', '被停电')]));
  charts.appendChild(chart('sg-chart-outcomes', '欠费停电流程结束（件，按日，按结果）', days,
    Object.keys(t.disconnectionsByOutcome || {}).map((code) =>
      series(code, OUTCOMES[code] || code, (d) => (d.disconnectionsByOutcome || {})[code] || 0))));
}

function showKpis(node, api) {
  addStyle();
  const today = businessToday();
  node.innerHTML = `<div class="sg-page">
    <h2>复电停电指标 <small>与 /api/kpis 同一口径（营业日，北京时间）</small></h2>
    <form id="sg-kpi-form" class="form-inline sg-search">
      <label for="sg-kpi-from">起</label> <input id="sg-kpi-from" class="form-control" value="${shiftDay(today, -29)}" pattern="\\d{4}-\\d{2}-\\d{2}" required>
      <label for="sg-kpi-to">止</label> <input id="sg-kpi-to" class="form-control" value="${today}" pattern="\\d{4}-\\d{2}-\\d{2}" required>
      <button id="sg-kpi-show" type="submit" class="btn btn-primary">显示</button>
    </form>
    <div id="sg-kpi-result" data-seq="0"></div>
  </div>`;
  const result = node.querySelector('#sg-kpi-result');
  let seq = 0;
  async function load() {
    const params = new URLSearchParams({ from: node.querySelector('#sg-kpi-from').value.trim(), to: node.querySelector('#sg-kpi-to').value.trim() });
    const response = await fetch(`${PLUGIN_API(api)}/kpis?${params}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => null);
    seq += 1;
    if (response.ok) {
      renderKpis(result, body);
    } else {
      result.innerHTML = `<div id="sg-kpi-error" class="alert alert-danger">${response.status === 403 ? '您的角色无权查看指标。' : escapeHtml(problemText(body))}（${response.status}）</div>`;
    }
    result.setAttribute('data-seq', String(seq));
  }
  node.querySelector('#sg-kpi-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  load();
}

function renderDashboard(node) {
  node.innerHTML = `<section id="sg-dashboard" class="sg-page">
    <h3>SupplyGuard 审计</h3>
    <p><a id="sg-link-history" class="btn btn-default" href="#/supplyguard/history">流程历史查询</a>
       <a id="sg-link-kpis" class="btn btn-default" href="#/supplyguard/kpis">复电停电指标</a></p>
    <form id="sg-open-customer" class="form-inline" style="margin-bottom: 8px">
      <label for="sg-customer-no">客户停电复电历程</label>
      <input id="sg-customer-no" class="form-control" placeholder="客户编号（10位）" pattern="\\d{10}" required>
      <button type="submit" class="btn btn-default">打开</button>
    </form>
    <form id="sg-open-instance" class="form-inline">
      <label for="sg-instance-id">流程实例历史</label>
      <input id="sg-instance-id" class="form-control" placeholder="流程实例编号" required>
      <button type="submit" class="btn btn-default">打开</button>
    </form>
  </section>`;
  node.querySelector('#sg-open-customer').addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = `#/supplyguard/customers/${encodeURIComponent(node.querySelector('#sg-customer-no').value.trim())}`;
  });
  node.querySelector('#sg-open-instance').addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = `#/supplyguard/process-instances/${encodeURIComponent(node.querySelector('#sg-instance-id').value.trim())}`;
  });
}

export default [
  {
    // on Cockpit's dashboard: the way into the audit views
    id: 'supplyguard.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => { addStyle(); renderDashboard(node); }
  },
  {
    id: 'supplyguard.history',
    pluginPoint: 'cockpit.route',
    properties: { path: '/supplyguard/history' },
    render: (node, { api }) => { showHistory(node, api); }
  },
  {
    id: 'supplyguard.kpis',
    pluginPoint: 'cockpit.route',
    properties: { path: '/supplyguard/kpis' },
    render: (node, { api }) => { showKpis(node, api); }
  },
  {
    id: 'supplyguard.customerTimeline',
    pluginPoint: 'cockpit.route',
    properties: { path: '/supplyguard/customers/:customerNo' },
    render: (node, { api }) => { showCustomer(node, api); }
  },
  {
    id: 'supplyguard.processInstanceHistory',
    pluginPoint: 'cockpit.route',
    properties: { path: '/supplyguard/process-instances/:id' },
    render: (node, { api }) => { showInstance(node, api); }
  },
  {
    // Cockpit's header: Cockpit draws <a ng-href="pagePath">label</a> itself (no render), like its own entries
    id: 'supplyguard.navigation.history',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { pagePath: '#/supplyguard/history', label: '流程历史' },
    checkActive: (url) => /#\/supplyguard\/(history|process-instances|customers)/.test(url)
  },
  {
    id: 'supplyguard.navigation.kpis',
    pluginPoint: 'cockpit.navigation',
    priority: 4,
    properties: { pagePath: '#/supplyguard/kpis', label: '停复电指标' },
    checkActive: (url) => url.includes('#/supplyguard/kpis')
  },
  {
    // the toolbar of Cockpit's own instance view: one click to the full history
    id: 'supplyguard.processInstanceAction',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    priority: 1,
    render: (node, { processInstanceId }) => {
      node.innerHTML = `<a id="sg-history-action" class="btn btn-default action-button" title="审计历史：该流程实例的完整历史"
        href="#/supplyguard/process-instances/${encodeURIComponent(processInstanceId)}"><span class="glyphicon glyphicon-list-alt"></span></a>`;
    }
  },
  {
    // from Cockpit's own instance view to the full history
    id: 'supplyguard.processInstanceLink',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 1,
    properties: { label: '审计历史' },
    render: (node, { processInstanceId }) => {
      node.innerHTML = `<p style="padding: 10px"><a id="sg-history-link" href="#/supplyguard/process-instances/${encodeURIComponent(processInstanceId)}">
        查看该流程实例的完整历史（执行路径、人工任务、决策、电表报文、短信、操作日志）</a></p>`;
    }
  }
];
