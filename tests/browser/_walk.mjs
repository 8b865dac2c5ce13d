import { serve, launch, pageHelpers, axeViolationsUnderCsp } from './lib.mjs';
const server = await serve(process.env.TIERSCOPE_SITE_DIR);
const browser = await launch();
const problems = [];
const { open } = pageHelpers(() => browser, () => `${server.origin}/`, problems);
const URL5 = 'https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https://app.acme.example/hubspot/oauth/callback&scope=oauth%20crm.objects.contacts.read%20crm.objects.contacts.write%20automation%20content';
for (const [dev, w, hgt, dark] of [['laptop', 1366, 900, false], ['phone', 390, 844, false], ['w360', 360, 740, false], ['phone-dark', 390, 844, true]]) {
  const page = await open('', { width: w, height: hgt, dark });
  await page.fill('#install-url', URL5);
  await page.waitForSelector('#url-check[data-state=mismatch]');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/pg/url-${dev}.png` });
  await page.screenshot({ path: `/tmp/pg/url-${dev}-full.png`, fullPage: true });
  const sw = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight]);
  console.log(dev, 'scrollWidth/innerWidth/height', sw);
  const v = await axeViolationsUnderCsp(page);
  console.log(dev, 'axe', v.map((x) => x.id + ':' + x.nodes.length).join(' ') || 'clean');
  await page.close();
}
console.log('problems', problems);
await browser.close(); server.close();
