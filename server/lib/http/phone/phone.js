// SPDX-License-Identifier: Apache-2.0
// The phone page (docs/protocol.md §13.5). Plain JavaScript the server hands out as it is:
// nothing to build, nothing for the field user to install. Its words come from strings.js (t()).
'use strict';

const PIECE = 1024 * 1024; // bytes per PUT: a dropped connection costs at most this much again
const POLL_MS = 2000;

// ---- SHA-256 (FIPS 180-4), in pieces: an upload declares its hash before its bytes, and
// crypto.subtle neither hashes in pieces nor exists on a plain http:// address.
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);

class Sha256 {
  constructor() {
    this.h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                              0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
    this.buf = new Uint8Array(64);
    this.used = 0;
    this.total = 0;
    this.w = new Uint32Array(64);
  }
  update(data) {
    let i = 0;
    this.total += data.length;
    if (this.used > 0) {
      i = Math.min(64 - this.used, data.length);
      this.buf.set(data.subarray(0, i), this.used);
      this.used += i;
      if (this.used < 64) return;
      this.block(this.buf, 0);
      this.used = 0;
    }
    for (; i + 64 <= data.length; i += 64) this.block(data, i);
    this.buf.set(data.subarray(i), 0);
    this.used = data.length - i;
  }
  block(d, o) {
    const w = this.w, h = this.h;
    for (let t = 0; t < 16; t++, o += 4) w[t] = (d[o] << 24) | (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3];
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15], y = w[t - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) | 0;
    }
    let a = h[0], b = h[1], c = h[2], e = h[4], f = h[5], g = h[6], dd = h[3], hh = h[7];
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[t] + w[t]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g; g = f; f = e; e = (dd + t1) | 0; dd = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += dd; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
  }
  hex() {
    const bits = this.total * 8;
    const tail = new Uint8Array(((this.used < 56) ? 64 : 128) - this.used);
    tail[0] = 0x80;
    const view = new DataView(tail.buffer);
    view.setUint32(tail.length - 8, Math.floor(bits / 0x100000000));
    view.setUint32(tail.length - 4, bits >>> 0);
    this.update(tail);
    return Array.from(this.h, (v) => v.toString(16).padStart(8, '0')).join('');
  }
}

async function hashFile(file, progress) {
  const sha = new Sha256();
  for (let at = 0; at < file.size; at += 4 * PIECE) {
    sha.update(new Uint8Array(await file.slice(at, at + 4 * PIECE).arrayBuffer()));
    progress(Math.min(1, (at + 4 * PIECE) / file.size));
  }
  return sha.hex();
}

// ---- Talking to the server.
const $ = (id) => document.getElementById(id);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
let token = localStorage.getItem('floorline.token') || '';
let session = null;

class HttpError extends Error {
  constructor(status, body) {
    super(body.message || `HTTP ${status}`);
    this.status = status;
    this.code = body.error || '';
    this.body = body;
  }
}

// The field user chose to stop sending.
class Stopped extends Error {
  constructor() { super('stopped'); }
}

function parse(text) {
  try { return JSON.parse(text); } catch (e) { return {}; }
}

async function api(method, path, body) {
  const headers = {};
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(path, {method, headers, cache: 'no-store',
                               body: body === undefined ? undefined : JSON.stringify(body)});
  const data = parse(await r.text());
  if (!r.ok) {
    if (r.status === 401) pairingEnded();
    throw new HttpError(r.status, data);
  }
  return data;
}

// Whether trying again can help: no answer at all (no network in a stairwell, the server
// restarting) or a gateway in between that could not reach the server.
function transient(e) {
  return !(e instanceof HttpError) || [502, 503, 504].includes(e.status);
}

let stopping = false;

// Tries `attempt` until it gets an answer, waiting longer each time (up to 10 s): a phone
// that loses its network goes on by itself when it is back. Only "Stop sending" ends it.
async function persist(attempt, waiting) {
  for (let failures = 0; ;) {
    if (stopping) throw new Stopped();
    try {
      return await attempt();
    } catch (e) {
      if (stopping || e instanceof Stopped) throw new Stopped();
      if (!transient(e)) throw e;
      waiting(++failures);
      await sleep(1000 * Math.min(failures, 10));
    }
  }
}

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function show(id, visible) { $(id).hidden = !visible; }

function pairingEnded() {
  token = '';
  localStorage.removeItem('floorline.token');
  lost(t('pairingEnded'), t('scanAgain'));
}

function lost(title, text) {
  for (const id of ['pair', 'send', 'sent', 'shelf']) show(id, false);
  $('lostTitle').textContent = title;
  $('lostText').textContent = text;
  $('bound').textContent = t('notPaired');
  show('lost', true);
}

function say(text, error) {
  $('sendStatus').textContent = text;
  $('sendStatus').className = error ? 'error' : '';
}

// ---- Pairing: /pair/<code> came from the console's QR code.
async function claim(code) {
  const name = $('name').value.trim();
  localStorage.setItem('floorline.name', name);
  $('connect').disabled = true;
  const earlier = token;
  try {
    const s = await api('POST', '/phone/claim', {code, name});
    token = s.token;
    localStorage.setItem('floorline.token', token);
    // The code is spent: a reload must not try it again.
    history.replaceState(null, '', '/phone');
    begin(s);
  } catch (e) {
    $('connect').disabled = false;
    if (e.status === 404 && earlier) keepPairing(t('spentStillPaired'));
    else if (e.status === 404) lost(t('spentTitle'), t('spentText'));
    else lost(t('couldNotConnect'), e.message);
  }
}

// A spent or old code opened on a phone that is paired already: the pairing that works stays.
function keepPairing(notice) {
  history.replaceState(null, '', '/phone');
  api('GET', '/phone/session').then((s) => { begin(s); say(notice, true); },
                                     (e) => { if (e.status !== 401) lost(t('couldNotConnect'), e.message); });
}

function begin(s) {
  session = s;
  const to = s.consoleAlias || s.console;
  $('bound').textContent = `${s.alias} → ${to}`;
  $('toConsole').textContent = to;
  for (const id of ['pair', 'lost']) show(id, false);
  for (const id of ['send', 'sent', 'shelf']) show(id, true);
  const select = $('group');
  select.replaceChildren(...s.groups.map((g) => new Option(g.name || g.id, g.id)));
  show('shelf', s.groups.length > 0);
  loadSent();
  renderSent();
  if (sent.some((e) => e.state === 'queued' || e.state === 'delivered')) poll();
  pickGroup(s.groups);
}

// ---- Sending a photo or video.
let chosen = null;
let previewUrl = '';
let sending = false;
let request = null; // the PUT on its way, for "Stop sending"

function choose(input) {
  const file = input.files[0];
  input.value = '';
  if (!file || sending) return;
  chosen = file;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(file);
  const view = document.createElement(file.type.startsWith('video/') ? 'video' : 'img');
  view.src = previewUrl;
  if (view.tagName === 'VIDEO') { view.controls = true; view.muted = true; view.playsInline = true; }
  else view.alt = file.name;
  $('preview').replaceChildren(view);
  $('fileName').textContent = `${file.name} · ${size(file.size)}`;
  $('progress').hidden = true;
  show('chosen', true);
  // Said before a byte moves, not after the upload: phone videos are often larger.
  const tooLarge = session && session.maxBytes > 0 && file.size > session.maxBytes;
  $('sendButton').disabled = tooLarge;
  say(tooLarge ? t('tooLarge', size(file.size), size(session.maxBytes)) : '', tooLarge);
}

function size(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(LANG, {minimumFractionDigits: 1, maximumFractionDigits: 1})} MB`;
}

// While one file goes, the pickers and Send rest: a second choice would replace the preview
// of the file still on its way.
function setSending(on) {
  sending = on;
  stopping = false;
  $('sendButton').disabled = on || !chosen;
  show('cancelButton', on);
  for (const id of ['camera', 'gallery']) {
    $(id).disabled = on;
    document.querySelector(`label[for=${id}]`).classList.toggle('disabled', on);
  }
}

function putPiece(upload, file, from, to, progress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    request = x;
    x.open('PUT', '/media/uploads/' + upload);
    x.setRequestHeader('Authorization', 'Bearer ' + token);
    x.setRequestHeader('Content-Range', `bytes ${from}-${to - 1}/${file.size}`);
    x.upload.onprogress = (e) => progress((from + e.loaded) / file.size);
    x.onload = () => resolve({status: x.status, body: parse(x.responseText)});
    x.onerror = () => reject(new Error(t('connectionDropped')));
    x.onabort = () => reject(new Stopped());
    x.send(file.slice(from, to));
  });
}

// Stores `file` on the server and returns its MediaItem. It resumes from the last byte the
// server kept (§13.4): after a dropped connection, and after a reload when the same file is
// chosen again (its upload is remembered by its SHA-256).
async function upload(file, progress) {
  const sha256 = await hashFile(file, (p) => progress(t('preparing'), p));
  const kept = 'floorline.upload.' + sha256;
  let received = 0;
  const waiting = () => progress(t('noConnection'), received / file.size);
  let state = null;
  const earlier = localStorage.getItem(kept);
  if (earlier) {
    try {
      state = await persist(() => api('GET', '/media/uploads/' + earlier), waiting);
    } catch (e) {
      if (e instanceof Stopped || e.status === 401) throw e;
      localStorage.removeItem(kept); // finished or expired: start it again
    }
  }
  if (!state) {
    const type = file.type || 'application/octet-stream';
    state = await persist(() => api('POST', '/media/uploads',
                                    {name: file.name.slice(0, 128) || 'photo', contentType: type, size: file.size, sha256}),
                          waiting);
    if (!state.upload) return state.media; // the server has these bytes already
    localStorage.setItem(kept, state.upload);
  }
  received = state.received;
  for (;;) {
    // A PUT that did not get through is sent again from the same offset: the server answers
    // 409 with where it stands when it kept part of it.
    const r = await persist(() => putPiece(state.upload, file, received, Math.min(file.size, received + PIECE),
                                           (p) => progress(t('uploading'), p)),
                            waiting);
    if (r.status === 201) { localStorage.removeItem(kept); return r.body; }
    if (r.status === 200 || r.status === 409) { received = r.body.received; continue; }
    if ([502, 503, 504].includes(r.status)) { waiting(); await sleep(2000); continue; }
    if (r.status === 401) pairingEnded();
    else localStorage.removeItem(kept);
    throw new HttpError(r.status, r.body);
  }
}

async function push(media, to, note, name, kind, waiting) {
  const id = randomId('web-');
  const entry = {push: id, name, kind, to, state: 'queued', thumb: kind === 'image' ? media.id : ''};
  sent.unshift(entry);
  saveSent();
  renderSent();
  try {
    // The push id makes a repeat harmless: the server answers it as a duplicate.
    await persist(() => api('POST', '/phone/pushes', {push: id, to, media: media.id, note}), waiting);
  } catch (e) {
    entry.state = 'failed';
    entry.error = e instanceof Stopped ? 'stopped' : e.message;
    saveSent();
    renderSent();
    throw e;
  }
  poll();
}

async function send() {
  const file = chosen;
  if (!file || sending) return;
  const to = document.querySelector('input[name=to]:checked').value;
  setSending(true);
  $('progress').hidden = false;
  say('');
  try {
    const media = await upload(file, (what, p) => {
      $('progress').value = Math.round(p * 100);
      say(`${what}… ${Math.round(p * 100)} %`);
    });
    $('progress').value = 100;
    say(t('uploadedSending'));
    await push(media, to, $('note').value.trim(), file.name, file.type.split('/')[0],
               () => say(t('noConnection') + '…'));
    say(t('sentFile', file.name));
    $('note').value = '';
    chosen = null;
    show('chosen', false);
    $('progress').hidden = true;
  } catch (e) {
    if (e instanceof Stopped) say(t('stoppedGoOn'));
    else say(t('notSentBecause', e.message), true);
  } finally {
    setSending(false);
  }
}

function stopSending() {
  stopping = true;
  if (request) request.abort();
}

// ---- What was sent, and how far it got: kept per pairing, so that a new pairing does not
// ask the server about pushes of the one before.
let sent = [];
let polling = null;

function sentKey() { return 'floorline.sent.' + (session ? session.phone : ''); }

function loadSent() {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key.startsWith('floorline.sent.') && key !== sentKey()) localStorage.removeItem(key);
  }
  const stored = parse(localStorage.getItem(sentKey()) || '[]');
  sent = Array.isArray(stored) ? stored : [];
}

function saveSent() { localStorage.setItem(sentKey(), JSON.stringify(sent.slice(0, 50))); }

function stateText(s) {
  if (s.state === 'queued') return t(s.to === 'displays' ? 'waitingDisplay' : 'waitingConsole');
  const id = {delivered: 'delivered', opened: 'seen', failed: 'notSent'}[s.state];
  return id ? t(id) : s.state;
}

function thumb(kind, id) {
  if (kind === 'image' && id) {
    const img = document.createElement('img');
    img.className = 'thumb';
    img.alt = '';
    img.src = `/media/${id}?token=${token}`;
    return img;
  }
  const box = document.createElement('div');
  box.className = 'kind';
  box.textContent = t(kind === 'video' ? 'video' : kind === 'image' ? 'photo' : 'file');
  return box;
}

function renderSent() {
  show('sent', session !== null && sent.length > 0);
  $('sentList').replaceChildren(...sent.map((s) => {
    const li = document.createElement('li');
    li.dataset.push = s.push;
    li.dataset.state = s.state;
    const what = document.createElement('div');
    what.className = 'what';
    const title = document.createElement('strong');
    title.textContent = s.name;
    const line = document.createElement('span');
    line.className = 'state-' + s.state;
    const where = t(s.to === 'displays' ? 'toDisplaysShort' : 'toConsoleShort');
    // 'stopped' is the page's own word, kept as it is in the stored list; the rest is the server's.
    const error = s.error === 'stopped' ? t('stopped') : s.error;
    line.textContent = `${stateText(s)} · ${where}` + (error ? ` · ${error}` : '');
    what.append(title, line);
    li.append(thumb(s.kind, s.thumb), what);
    return li;
  }));
}

function poll() {
  if (polling) return;
  polling = setInterval(async () => {
    const waiting = sent.filter((s) => s.state === 'queued' || s.state === 'delivered');
    if (!token || waiting.length === 0) { clearInterval(polling); polling = null; return; }
    for (const s of waiting) {
      try {
        const r = await api('GET', '/phone/pushes/' + s.push);
        const state = (r.recipients[0] || {}).state;
        if (state && state !== s.state) { s.state = state; saveSent(); renderSent(); }
      } catch (e) {
        if (e.status === 404) { s.state = 'failed'; s.error = e.message; saveSent(); renderSent(); }
        if (e.status === 401 || transient(e)) return; // no network: the next round asks again
      }
    }
  }, POLL_MS);
}

// ---- The console's group shelves: look, and play one on its displays.
let groupChosen = false; // by the field user: the page no longer picks for them
const played = new Set(); // items this page asked the displays to play

// Opens on the first group that has something on its shelf ("All units" is often empty).
async function pickGroup(groups) {
  loadShelf();
  for (const g of groups.slice(0, 12)) {
    try {
      const shelf = await api('GET', '/phone/shelf?group=' + encodeURIComponent(g.id));
      if (shelf.items.length > 0) {
        if (!groupChosen && $('group').value !== g.id) { $('group').value = g.id; loadShelf(); }
        return;
      }
    } catch (e) {
      return;
    }
  }
}

async function loadShelf() {
  const group = $('group').value;
  if (!group) return;
  try {
    const shelf = await api('GET', '/phone/shelf?group=' + encodeURIComponent(group));
    if (group !== $('group').value) return; // another group was chosen meanwhile
    $('shelfStatus').textContent = shelf.items.length ? '' : t('shelfEmpty');
    $('shelfList').replaceChildren(...shelf.items.map(shelfRow));
  } catch (e) {
    if (!transient(e)) $('shelfStatus').textContent = e.message;
  }
}

function shelfRow(item) {
  const li = document.createElement('li');
  const kind = item.media ? item.media.contentType.split('/')[0] : 'link';
  const what = document.createElement('div');
  what.className = 'what';
  const title = document.createElement('strong');
  title.textContent = item.media ? item.media.name : item.link;
  const line = document.createElement('span');
  line.textContent = `${item.fromAlias || item.from} · ${new Date(item.sent).toLocaleTimeString(LANG)}`
      + (item.note ? ` · ${item.note}` : '');
  what.append(title, line);
  li.append(thumb(kind, item.media ? item.media.id : ''), what);
  if (item.media) {
    const play = document.createElement('button');
    const done = played.has(item.media.id);
    play.textContent = t(done ? 'sentToDisplay' : 'playOnDisplay');
    play.disabled = done;
    play.setAttribute('aria-label', t('playLabel', item.media.name));
    play.onclick = async () => {
      play.disabled = true;
      play.textContent = t('sending');
      try {
        await push(item.media, 'displays', '', item.media.name, kind, () => {});
        played.add(item.media.id);
        play.textContent = t('sentToDisplay');
      } catch (e) {
        play.disabled = false;
        play.textContent = t('playOnDisplay');
      }
    };
    li.append(play);
  }
  return li;
}

// ---- Start.
function start() {
  $('camera').onchange = () => choose($('camera'));
  $('gallery').onchange = () => choose($('gallery'));
  $('sendButton').onclick = send;
  $('cancelButton').onclick = stopSending;
  $('group').onchange = () => { groupChosen = true; loadShelf(); };
  $('name').value = localStorage.getItem('floorline.name') || '';
  // Leaving mid-upload loses nothing (the same file resumes), but the browser asks first.
  window.addEventListener('beforeunload', (e) => { if (sending) { e.preventDefault(); e.returnValue = ''; } });
  setInterval(() => { if (session && token) loadShelf(); }, 10000);
  const m = location.pathname.match(/^\/pair\/([0-9a-f]{32})$/);
  const expires = Number(new URLSearchParams(location.search).get('expires') || 0);
  // The phone's clock may be off by minutes: only a code well past its time is called run out
  // here; the server has the last word when the code is claimed.
  const ranOut = m && expires && expires + 5 * 60000 < Date.now();
  if (ranOut && token) {
    keepPairing(t('ranOutStillPaired'));
  } else if (ranOut) {
    lost(t('ranOutTitle'), t('ranOutText'));
  } else if (m) {
    show('pair', true);
    $('connect').onclick = () => claim(m[1]);
    // Scanned again on a phone that is paired: the pairing it has is shown, and kept if wanted.
    if (token) {
      api('GET', '/phone/session').then((s) => {
        $('alreadyText').textContent = t('alreadyPaired', s.alias, s.consoleAlias || s.console);
        $('keep').onclick = () => { history.replaceState(null, '', '/phone'); begin(s); };
        show('already', true);
      }, () => {});
    }
  } else if (token) {
    api('GET', '/phone/session').then(begin, (e) => { if (e.status !== 401) lost(t('couldNotConnect'), e.message); });
  } else {
    show('lost', true);
  }
}

start();
