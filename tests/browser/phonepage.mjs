// SPDX-License-Identifier: Apache-2.0
// A field user's phone, played by Debian's Chromium at a phone's viewport (tst_phonepage drives
// it): opens the console's pairing address, gives a name, uploads a photo and a short video,
// sends them to the console, waits for the page to show them delivered and then seen, and asks
// the console's displays to play an item from a group shelf. The photo leaves while the phone
// has no network; the spent pairing link, opened again, keeps the pairing. Last, a phone set to
// German gets the page in German, unpaired and paired.
//
// node phonepage.mjs <pairing URL> <photo> <video> <screenshot dir> <group id with a shelf item>
//                    <a video over the server's size limit>
// Prints one line per step ("STEP <name> ...") for the test to follow; exits non-zero on failure.
import puppeteer from 'puppeteer-core';

const [url, photo, video, shots, group, tooLarge] = process.argv.slice(2);
const step = (name, detail = '') => console.log(`STEP ${name} ${detail}`.trim());
const wait = { timeout: 60000 };

// A mid-sized phone (Pixel 7 class): 412 × 915 CSS pixels, touch.
const phone = { width: 412, height: 915, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  acceptInsecureCerts: true, // the test server's certificate is self-signed
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.setViewport(phone);
  page.on('console', (m) => console.log(`PAGE ${m.type()} ${m.text()}`));
  page.on('pageerror', (e) => { console.log(`PAGEERROR ${e.message}`); failed = true; });

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#pair:not([hidden])', wait);
  await page.screenshot({ path: `${shots}/phone-1-pair.png` });
  await page.type('#name', 'Engine 4 Maria');
  await page.tap('#connect');
  await page.waitForSelector('#send:not([hidden])', wait);
  step('paired', await page.$eval('#bound', (e) => e.textContent));
  if (await page.evaluate(() => document.documentElement.lang) !== 'en') throw new Error('the English page is not lang="en"');
  if (new URL(page.url()).pathname !== '/phone') throw new Error('the spent code stayed in the address');

  for (const [file, to] of [[photo, 'console'], [video, 'console']]) {
    const [chooser] = await Promise.all([page.waitForFileChooser(wait), page.click('label[for=gallery]')]);
    await chooser.accept([file]);
    await page.waitForSelector('#chosen:not([hidden])', wait);
    await page.click(`input[name=to][value=${to}]`);
    await page.type('#note', `from the browser: ${file.split('/').pop()}`);
    await page.screenshot({ path: `${shots}/phone-2-chosen-${file.split('.').pop()}.png` });
    const outage = file === photo;
    // The photo leaves in a dead spot: no network until the page has tried a few times.
    if (outage) await page.setOfflineMode(true);
    await page.tap('#sendButton');
    if (outage) {
      await page.waitForFunction(() => /No connection/.test(document.querySelector('#sendStatus').textContent), wait);
      const locked = await page.$eval('#gallery', (e) => e.disabled)
          && await page.$eval('label[for=gallery]', (e) => e.classList.contains('disabled'));
      if (!locked) throw new Error('the pickers can be used while a file is on its way');
      await page.screenshot({ path: `${shots}/phone-2-offline.png` });
      await new Promise((ok) => setTimeout(ok, 3000));
      await page.setOfflineMode(false);
      step('outage', await page.$eval('#sendStatus', (e) => e.textContent));
    }
    await page.waitForFunction(() => /Sent|Not sent/.test(document.querySelector('#sendStatus').textContent), wait);
    const status = await page.$eval('#sendStatus', (e) => e.textContent);
    step('sent', status);
    if (!status.startsWith('Sent')) throw new Error(status);
  }
  // A video over the server's limit is refused when chosen, before a byte moves.
  {
    const [chooser] = await Promise.all([page.waitForFileChooser(wait), page.click('label[for=gallery]')]);
    await chooser.accept([tooLarge]);
    await page.waitForFunction(() => /takes up to/.test(document.querySelector('#sendStatus').textContent), wait);
    if (!await page.$eval('#sendButton', (e) => e.disabled)) throw new Error('Send stays open for a file over the limit');
    step('toolarge', await page.$eval('#sendStatus', (e) => e.textContent));
  }
  // The console fetched both and said so.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#sentList li')];
    return rows.length === 2 && rows.every((r) => r.dataset.state === 'delivered' || r.dataset.state === 'opened');
  }, wait);
  await page.screenshot({ path: `${shots}/phone-3-delivered.png`, fullPage: true });
  step('delivered', await page.$eval('#sentList', (e) => e.innerText.replace(/\n/g, ' | ')));

  // The dispatcher looked at them (the test dismisses them on the console).
  await page.waitForFunction(() => [...document.querySelectorAll('#sentList li')].every((r) => r.dataset.state === 'opened'), wait);
  step('seen', await page.$eval('#sentList', (e) => e.innerText.replace(/\n/g, ' | ')));

  // A group shelf, and one of its items played on the console's displays.
  await page.select('#group', group);
  await page.waitForSelector('#shelfList li button', wait);
  await page.screenshot({ path: `${shots}/phone-4-shelf.png`, fullPage: true });
  step('shelf', await page.$eval('#shelfList', (e) => e.innerText.replace(/\n/g, ' | ')));
  await page.tap('#shelfList li button');
  await page.waitForFunction(() => document.querySelector('#shelfList li button').textContent === 'Sent to display', wait);
  await page.waitForFunction(() => document.querySelector('#sentList li').dataset.state !== 'queued', wait);
  await page.screenshot({ path: `${shots}/phone-5-played.png`, fullPage: true });
  step('played', await page.$eval('#sentList li', (e) => e.innerText.replace(/\n/g, ' | ')));

  // A reload keeps the pairing (the token is kept; the spent code is not tried again).
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#send:not([hidden])', wait);
  step('reloaded', await page.$eval('#bound', (e) => e.textContent));

  // The spent link scanned again on this phone: the pairing that works stays, and says so.
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#pair:not([hidden])', wait);
  await page.waitForSelector('#already:not([hidden])', wait);
  step('already', await page.$eval('#alreadyText', (e) => e.textContent));
  await page.tap('#connect');
  await page.waitForSelector('#send:not([hidden])', wait);
  await page.waitForFunction(() => /still paired/.test(document.querySelector('#sendStatus').textContent), wait);
  if (await page.$$eval('#sentList li', (rows) => rows.length) !== 3) throw new Error('the sent list was lost');
  // The shelf opens on the group that has something on it.
  await page.waitForFunction((g) => document.querySelector('#group').value === g
                             && document.querySelectorAll('#shelfList li').length > 0, wait, group);
  if (await page.$eval('#cancelButton', (e) => e.offsetParent !== null)) throw new Error('"Stop sending" shows with nothing on its way');
  await page.screenshot({ path: `${shots}/phone-6-spent-link.png`, fullPage: true });
  step('spent', await page.$eval('#sendStatus', (e) => e.textContent));

  // A phone set to German (then English), in a browser context of its own: the page speaks the
  // first of the phone's languages it knows (strings.js). Not paired there, it says so in German.
  const german = await browser.createBrowserContext();
  const de = await german.newPage();
  await de.setViewport(phone);
  await de.evaluateOnNewDocument(() => Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de', 'en'] }));
  de.on('pageerror', (e) => { console.log(`PAGEERROR de ${e.message}`); failed = true; });
  await de.goto(new URL('/phone', url).href, { waitUntil: 'load' });
  await de.waitForSelector('#lost:not([hidden])', wait);
  const lostView = await de.evaluate(() => ({ lang: document.documentElement.lang,
    text: `${document.querySelector('#bound').textContent} | ${document.querySelector('#lost').innerText.replace(/\n+/g, ' | ')}` }));
  await de.screenshot({ path: `${shots}/phone-7-german-lost.png` });
  if (lostView.lang !== 'de') throw new Error(`the German page is lang="${lostView.lang}"`);
  if (!/^Noch nicht gekoppelt \| Nicht gekoppelt \| Scannen Sie .*„Gerät koppeln“/.test(lostView.text)) throw new Error(`not German: ${lostView.text}`);
  // Paired with the pairing of the phone above: what it shows there is German too.
  const token = await page.evaluate(() => localStorage.getItem('floorline.token'));
  await de.evaluate((t) => localStorage.setItem('floorline.token', t), token);
  await de.reload({ waitUntil: 'load' });
  await de.waitForSelector('#shelfList li button', wait);
  const [chooser] = await Promise.all([de.waitForFileChooser(wait), de.click('label[for=gallery]')]);
  await chooser.accept([photo]);
  await de.waitForSelector('#chosen:not([hidden])', wait);
  const english = await de.evaluate(() => [...document.querySelectorAll('[data-i18n]')]
      .filter((e) => e.id !== 'toConsole' && e.textContent === STRINGS.en[e.dataset.i18n]).map((e) => e.textContent));
  if (english.length) throw new Error(`left in English: ${english.join(', ')}`);
  if (await de.$eval('#shelfList li button', (e) => e.textContent) !== 'Auf Anzeige abspielen') throw new Error('the shelf button is not German');
  await de.screenshot({ path: `${shots}/phone-7-german-paired.png`, fullPage: true });
  step('german', `${lostView.text} | ${await de.$eval('#shelf', (e) => e.innerText.replace(/\n+/g, ' | '))}`);
  await german.close();
} catch (e) {
  console.log(`FAIL ${e.message}`);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
