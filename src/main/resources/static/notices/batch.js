// 批量登记停电通知书张贴 (issue 18 item 3). Runs in the district manager's Tasklist session and
// completes each chosen 张贴停电通知书 task through the webapps' engine REST API — the very requests
// Tasklist sends for one task (claim, then complete with the form's three fields) — so each posting is
// validated and recorded by the task's listener exactly as if done one by one: the engine's user,
// the server's clock, the task's creation bounding the posting time. The engine refuses a task the
// user may not work (another district's): that row shows the refusal.
(function () {
  'use strict';
  const ENGINE = '/camunda/api/engine/engine/default';
  const $ = (id) => document.getElementById(id);
  const rows = new Map();
  let user = null;
  let token = '';

  // the session's CSRF token: Camunda's cookie is scoped to /camunda, so SupplyGuard hands it to this page
  async function csrfToken() {
    if (!token) {
      const response = await fetch('/notices/batch/csrf-token', { credentials: 'same-origin', cache: 'no-store' });
      token = response.ok ? (await response.json()).token : '';
    }
    return token;
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') {
      headers['X-XSRF-TOKEN'] = await csrfToken();
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
    return { status: response.status, ok: response.ok, json, text };
  }

  function value(variables, name) {
    return variables && variables[name] ? variables[name].value : '';
  }

  // the engine answers dates with an offset like +0000: shown in business time (Asia/Shanghai, UTC+8)
  function beijing(engineDate) {
    const date = new Date(String(engineDate || '').replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return isNaN(date) ? '' : new Date(date.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }

  function money(amount) {
    return amount === '' || isNaN(Number(amount)) ? amount : Number(amount).toFixed(2);
  }

  function fill(pattern, row) {
    return pattern.split('{地址}').join(row.address).split('{客户编号}').join(row.customerNo).split('{客户名称}').join(row.name);
  }

  function addRow(row) {
    const tr = document.createElement('tr');
    tr.dataset.taskId = row.taskId;
    tr.dataset.customerNo = row.customerNo;
    const cells = [row.customerNo, row.name, row.address, row.arrears, row.created];
    tr.innerHTML = '<td><input type="checkbox" class="choose"></td>';
    cells.forEach((text) => {
      const td = document.createElement('td');
      td.textContent = text === undefined || text === null ? '' : String(text);
      tr.appendChild(td);
    });
    const result = document.createElement('td');
    result.className = 'result';
    tr.appendChild(result);
    tr.querySelector('.choose').setAttribute('aria-label', '选择 ' + row.customerNo);
    document.querySelector('#notices tbody').appendChild(tr);
    rows.set(row.taskId, row);
    $('empty').hidden = rows.size > 0;
    return tr;
  }

  async function load(district) {
    rows.clear();
    document.querySelector('#notices tbody').innerHTML = '';
    $('summary').textContent = '';
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
    $('printDay').href = '/api/notices?district=' + encodeURIComponent(district) + '&date=' + today;
    const query = new URLSearchParams({ processDefinitionKey: 'arrears-disconnection',
      taskDefinitionKey: 'Task_RecordNoticePosting', processVariables: 'district_eq_' + district,
      sortBy: 'created', sortOrder: 'asc' });
    const tasks = await api('GET', ENGINE + '/task?' + query);
    if (!tasks.ok) {
      $('summary').textContent = '无法读取待办任务：' + tasks.status;
      return;
    }
    for (const task of tasks.json) {
      const vars = await api('GET', ENGINE + '/task/' + task.id + '/variables?deserializeValues=false');
      const v = vars.json || {};
      addRow({ taskId: task.id, customerNo: value(v, 'customerNo'), name: value(v, 'customerName'),
        address: value(v, 'customerAddress'), arrears: money(value(v, 'arrears')), created: beijing(task.created) });
    }
    $('empty').hidden = rows.size > 0;
  }

  function show(tr, ok, text) {
    const cell = tr.querySelector('.result');
    cell.className = 'result ' + (ok ? 'ok' : 'refused');
    cell.textContent = text;
  }

  async function postOne(tr, postedAt, placePattern, evidencePattern) {
    const row = rows.get(tr.dataset.taskId) || { taskId: tr.dataset.taskId, customerNo: tr.dataset.customerNo, name: '', address: '' };
    const claim = await api('POST', ENGINE + '/task/' + row.taskId + '/claim', { userId: user });
    if (!claim.ok) {
      show(tr, false, (claim.status === 403 || claim.status === 404 ? '被拒绝：您无权办理该任务（不属于您的台区或已被他人认领）'
        : '被拒绝') + '（' + claim.status + ' ' + ((claim.json && claim.json.message) || '') + '）');
      return false;
    }
    const complete = await api('POST', ENGINE + '/task/' + row.taskId + '/complete', { variables: {
      noticePostedAt: { value: postedAt, type: 'String' },
      noticePlace: { value: fill(placePattern, row), type: 'String' },
      noticeEvidenceRef: { value: fill(evidencePattern, row), type: 'String' } } });
    if (complete.ok) {
      show(tr, true, '已登记（' + fill(placePattern, row) + '）');
      tr.querySelector('.choose').checked = false;
      tr.querySelector('.choose').disabled = true;
      return true;
    }
    show(tr, false, '未登记：' + complete.status + ' ' + ((complete.json && complete.json.message) || ''));
    return false;
  }

  async function postChosen(event) {
    event.preventDefault();
    const local = $('postedAt').value;
    if (!local) {
      $('summary').textContent = '请填写张贴时间。';
      return;
    }
    const postedAt = (local.length === 16 ? local : local.slice(0, 16)) + '+08:00';
    const chosen = Array.from(document.querySelectorAll('#notices tbody tr'))
      .filter((tr) => tr.querySelector('.choose').checked);
    if (chosen.length === 0) {
      $('summary').textContent = '请至少勾选一户。';
      return;
    }
    $('post').disabled = true;
    let done = 0;
    for (const tr of chosen) {
      if (await postOne(tr, postedAt, $('placePattern').value, $('evidencePattern').value)) {
        done++;
      }
    }
    $('post').disabled = false;
    $('summary').textContent = '已登记 ' + done + ' 户，未登记 ' + (chosen.length - done) + ' 户。';
    $('summary').dataset.finished = String(chosen.length);
  }

  async function start() {
    const me = await api('GET', '/camunda/api/admin/auth/user/default');
    if (!me.ok || !me.json || !me.json.userId) {
      $('login').hidden = false;
      return;
    }
    user = me.json.userId;
    $('user').textContent = user;
    $('batch').hidden = false;
    const district = new URLSearchParams(location.search).get('district') || '';
    $('district').value = district;
    $('filter').addEventListener('submit', (event) => { event.preventDefault(); load($('district').value.trim()); });
    $('all').addEventListener('change', () => document.querySelectorAll('#notices tbody .choose:not(:disabled)')
      .forEach((box) => { box.checked = $('all').checked; }));
    $('posting').addEventListener('submit', postChosen);
    if (district) {
      await load(district);
    }
    document.body.dataset.ready = 'true';
  }

  // for a page test: a forged row (e.g. another district's task id) goes the same way and is refused
  window.supplyguardNoticeBatch = { addRow };
  start();
}());
