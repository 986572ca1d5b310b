// Fails when a UI text has no English translation in xliff/*.xlf.
// Run after `lit-localize extract`, which adds new texts as units without a <target>.
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../xliff/', import.meta.url);
let missing = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.xlf'))) {
  const xml = readFileSync(new URL(file, dir), 'utf8');
  for (const unit of xml.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const target = /<target>([\s\S]*?)<\/target>/.exec(unit[2]!);
    if (!target || target[1]!.trim() === '') {
      console.error(`${file}: no translation for "${unit[1]}"`);
      missing += 1;
    }
  }
}
if (missing > 0) {
  console.error(
    `${missing} text(s) without translation: run "npm run localize" and translate them in xliff/.`,
  );
  process.exit(1);
}
