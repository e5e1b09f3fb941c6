// `npm run bench` — prints every benchmark figure. `npm run bench -- engine http` runs a subset.
import { loadKnowledge } from '../src/knowledge/load-knowledge.ts';
import { benchChat } from './chat.bench.ts';
import { benchEngine } from './engine.bench.ts';
import { benchExtraction } from './extraction.bench.ts';
import { benchHostile } from './hostile.bench.ts';
import { benchHttp } from './http.bench.ts';
import { benchLlm } from './llm.bench.ts';
import { benchLoad } from './load.bench.ts';
import { benchMcp } from './mcp.bench.ts';
import { benchMultiInstance } from './multi-instance.bench.ts';
import { benchStartup } from './startup.bench.ts';
import { benchStore } from './store.bench.ts';
import { benchStorePostgres } from './store-pg.bench.ts';
import { benchWidget } from './widget.bench.ts';

const all = [
  'engine',
  'http',
  'startup',
  'extraction',
  'chat',
  'llm',
  'load',
  'hostile',
  'store',
  'store-pg',
  'mcp',
  'multi-instance',
  'widget',
] as const;
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const selected = requested.length > 0 ? requested : [...all];
const unknown = selected.filter((name) => !(all as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ')}`);
  process.exit(2);
}

console.log(`Adaptation Advisor benchmarks — node ${process.version}, ${new Date().toISOString()}`);
const knowledge = await loadKnowledge('knowledge');
if (selected.includes('engine')) await benchEngine(knowledge);
if (selected.includes('http')) await benchHttp();
if (selected.includes('startup')) await benchStartup();
if (selected.includes('extraction')) await benchExtraction(knowledge);
if (selected.includes('chat')) await benchChat(knowledge);
if (selected.includes('llm')) await benchLlm(knowledge);
if (selected.includes('load')) await benchLoad();
if (selected.includes('hostile')) await benchHostile();
if (selected.includes('store')) await benchStore();
if (selected.includes('store-pg')) await benchStorePostgres();
if (selected.includes('mcp')) await benchMcp();
if (selected.includes('multi-instance')) await benchMultiInstance();
if (selected.includes('widget')) await benchWidget();
