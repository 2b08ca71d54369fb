// SPDX-License-Identifier: Apache-2.0
// The phone page (docs/protocol.md §13.5). Plain JavaScript the server hands out as it is:
// nothing to build, nothing for the field user to install.
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

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function show(id, visible) { $(id).hidden = !visible; }

function pairingEnded() {
  token = '';
  localStorage.removeItem('floorline.token');
  lost('The pairing ended', 'Scan the code the console shows under “Pair device” again.');
}

function lost(title, text) {
  for (const id of ['pair', 'send', 'sent', 'shelf']) show(id, false);
  $('lostTitle').textContent = title;
  $('lostText').textContent = text;
  $('bound').textContent = 'Not paired';
  show('lost', true);
}

// ---- Pairing: /pair/<code> came from the console's QR code.
async function claim(code) {
  const name = $('name').value.trim();
  localStorage.setItem('floorline.name', name);
  $('connect').disabled = true;
  try {
    const s = await api('POST', '/phone/claim', {code, name});
    token = s.token;
    localStorage.setItem('floorline.token', token);
    // The code is spent: a reload must not try it again.
    history.replaceState(null, '', '/phone');
    begin(s);
  } catch (e) {
    $('connect').disabled = false;
    if (e.status === 404) lost('This code no longer works', 'It was used already or ran out. Ask the dispatcher for a new one (“Pair device”) and scan it.');
    else lost('Could not connect', e.message);
  }
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
  renderSent();
  loadShelf();
}

// ---- Sending a photo or video.
let chosen = null;
let previewUrl = '';

function choose(input) {
  const file = input.files[0];
  input.value = '';
  if (!file) return;
  chosen = file;
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = URL.createObjectURL(file);
  const view = document.createElement(file.type.startsWith('video/') ? 'video' : 'img');
  view.src = previewUrl;
  if (view.tagName === 'VIDEO') { view.controls = true; view.muted = true; view.playsInline = true; }
  else view.alt = file.name;
  $('preview').replaceChildren(view);
  $('fileName').textContent = `${file.name} · ${size(file.size)}`;
  $('sendStatus').textContent = '';
  $('sendStatus').className = '';
  $('progress').hidden = true;
  show('chosen', true);
}

function size(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function putPiece(upload, file, from, to, progress) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('PUT', '/media/uploads/' + upload);
    x.setRequestHeader('Authorization', 'Bearer ' + token);
    x.setRequestHeader('Content-Range', `bytes ${from}-${to - 1}/${file.size}`);
    x.upload.onprogress = (e) => progress((from + e.loaded) / file.size);
    x.onload = () => resolve({status: x.status, body: parse(x.responseText)});
    x.onerror = () => reject(new Error('the connection dropped'));
    x.send(file.slice(from, to));
  });
}

// Stores `file` on the server and returns its MediaItem; resumes after a dropped connection
// from the last byte the server kept (§13.4).
async function upload(file, progress) {
  const sha256 = await hashFile(file, (p) => progress('Preparing', p));
  const type = file.type || 'application/octet-stream';
  const state = await api('POST', '/media/uploads',
                          {name: file.name.slice(0, 128) || 'photo', contentType: type, size: file.size, sha256});
  if (!state.upload) return state.media; // the server has these bytes already
  let received = state.received, failures = 0;
  for (;;) {
    let r;
    try {
      r = await putPiece(state.upload, file, received, Math.min(file.size, received + PIECE),
                         (p) => progress('Uploading', p));
    } catch (e) {
      if (++failures > 20) throw e;
      progress('Connection lost, trying again', received / file.size);
      await new Promise((ok) => setTimeout(ok, 1000 * Math.min(failures, 5)));
      received = (await api('GET', '/media/uploads/' + state.upload)).received;
      continue;
    }
    failures = 0;
    if (r.status === 201) return r.body;
    if (r.status === 200 || r.status === 409) { received = r.body.received; continue; }
    if (r.status === 401) pairingEnded();
    throw new HttpError(r.status, r.body);
  }
}

async function push(media, to, note, name, kind) {
  const id = randomId('web-');
  const entry = {push: id, name, kind, to, state: 'queued', thumb: kind === 'image' ? media.id : ''};
  sent.unshift(entry);
  saveSent();
  renderSent();
  try {
    await api('POST', '/phone/pushes', {push: id, to, media: media.id, note});
  } catch (e) {
    entry.state = 'failed';
    entry.error = e.message;
    saveSent();
    renderSent();
    throw e;
  }
  poll();
}

async function send() {
  const file = chosen;
  if (!file) return;
  const to = document.querySelector('input[name=to]:checked').value;
  const status = $('sendStatus');
  $('sendButton').disabled = true;
  $('progress').hidden = false;
  status.className = '';
  try {
    const media = await upload(file, (what, p) => {
      $('progress').value = Math.round(p * 100);
      status.textContent = `${what}… ${Math.round(p * 100)} %`;
    });
    $('progress').value = 100;
    status.textContent = 'Uploaded. Sending…';
    await push(media, to, $('note').value.trim(), file.name, file.type.split('/')[0]);
    status.textContent = 'Sent: see below when it is delivered.';
    $('note').value = '';
    chosen = null;
    show('chosen', false);
  } catch (e) {
    status.textContent = `Not sent: ${e.message}`;
    status.className = 'error';
  } finally {
    $('sendButton').disabled = false;
  }
}

// ---- What was sent, and how far it got.
let sent = parse(sessionStorage.getItem('floorline.sent') || '[]');
if (!Array.isArray(sent)) sent = [];
let polling = null;

function saveSent() { sessionStorage.setItem('floorline.sent', JSON.stringify(sent.slice(0, 50))); }

const STATES = {queued: 'Waiting for the console', delivered: 'Delivered', opened: 'Seen',
                failed: 'Not sent'};

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
  box.textContent = kind === 'video' ? 'Video' : kind === 'image' ? 'Photo' : 'File';
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
    const where = s.to === 'displays' ? 'displays' : 'console';
    line.textContent = `${STATES[s.state] || s.state} · ${where}` + (s.error ? ` · ${s.error}` : '');
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
        if (e.status === 401) return;
      }
    }
  }, POLL_MS);
}

// ---- The console's group shelves: look, and play one on its displays.
async function loadShelf() {
  const group = $('group').value;
  if (!group) return;
  try {
    const shelf = await api('GET', '/phone/shelf?group=' + encodeURIComponent(group));
    $('shelfStatus').textContent = shelf.items.length ? '' : 'Nothing shared with this group yet.';
    $('shelfList').replaceChildren(...shelf.items.map(shelfRow));
  } catch (e) {
    $('shelfStatus').textContent = e.message;
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
  line.textContent = `${item.fromAlias || item.from} · ${new Date(item.sent).toLocaleTimeString()}`
      + (item.note ? ` · ${item.note}` : '');
  what.append(title, line);
  li.append(thumb(kind, item.media ? item.media.id : ''), what);
  if (item.media) {
    const play = document.createElement('button');
    play.textContent = 'Play on display';
    play.setAttribute('aria-label', `Play ${item.media.name} on the console's displays`);
    play.onclick = async () => {
      play.disabled = true;
      try {
        await push(item.media, 'displays', '', item.media.name, kind);
        play.textContent = 'Sent to display';
      } catch (e) {
        play.disabled = false;
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
  $('group').onchange = loadShelf;
  $('name').value = localStorage.getItem('floorline.name') || '';
  setInterval(() => { if (session && token) loadShelf(); }, 10000);
  const m = location.pathname.match(/^\/pair\/([0-9a-f]{32})$/);
  const expires = Number(new URLSearchParams(location.search).get('expires') || 0);
  if (m && expires && expires < Date.now() && !token) {
    lost('This code ran out', 'Ask the dispatcher for a new one (“Pair device”) and scan it.');
  } else if (m) {
    show('pair', true);
    $('connect').onclick = () => claim(m[1]);
  } else if (token) {
    api('GET', '/phone/session').then(begin, (e) => { if (e.status !== 401) lost('Could not connect', e.message); });
  } else {
    show('lost', true);
  }
  if (sent.some((s) => s.state === 'queued' || s.state === 'delivered')) poll();
}

start();
