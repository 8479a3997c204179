// Throughput of alex's plain-text API (`text(value)`) over a file of drafts, measured the way
// `tactful_bench --throughput` measures tactful (bench/throughput.cc): the file is read and
// split first, one untimed warm-up pass, then N timed passes over every draft; the median
// pass is reported. No process start-up, module loading or file reading is timed.
//
//   node bench/alex/alex_bench.mjs --modules DIR/node_modules FILE [--passes N] [--reuse]
//
// --reuse builds alex's text pipeline once (retext-english + retext-equality +
// retext-profanities + alex's message filter, exactly what `text()` builds on every call) and
// runs it per draft, the way tactful compiles its rule set once: the engine alone.
//
// FILE holds drafts separated by NUL bytes (written by `tactful_bench --write-drafts`).
// Prints one line, the same keys as tactful's throughput mode (MB = 10^6 bytes; hints = alex
// messages summed over one pass).
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

let modules = ''
let file = ''
let passes = 5
let reuse = false
const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--modules') modules = args[++i]
  else if (args[i] === '--passes') passes = Number(args[++i])
  else if (args[i] === '--reuse') reuse = true
  else file = args[i]
}
if (!modules || !file || !(passes >= 1)) {
  console.error('usage: node alex_bench.mjs --modules DIR/node_modules FILE [--passes N]')
  process.exit(2)
}

const load = (path) => import(pathToFileURL(join(modules, path)).href)
const {text} = await load('alex/index.js')
const {version} = JSON.parse(readFileSync(join(modules, 'alex', 'package.json'), 'utf8'))

// alex's `text()` pipeline, built once (alex/index.js: makeText + core).
async function reusedText() {
  const {unified} = await load('unified/index.js')
  const {VFile} = await load('vfile/index.js')
  const {sort} = await load('vfile-sort/index.js')
  const {filter} = await load('alex/filter.js')
  const english = (await load('retext-english/index.js')).default
  const equality = (await load('retext-equality/index.js')).default
  const profanities = (await load('retext-profanities/index.js')).default
  const processor = unified()
    .use(english)
    .use(equality, {})
    .use(profanities, {})
    .use(filter, {})
    .freeze()
  return (value) => {
    const file = new VFile(value)
    processor.runSync(processor.parse(file), file)
    sort(file)
    return file
  }
}
const check = reuse ? await reusedText() : text

const drafts = readFileSync(file, 'utf8').split('\0')
const bytes = drafts.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0)

function pass() {
  let hints = 0
  for (const d of drafts) hints += check(d).messages.length
  return hints
}

const hints = pass() // warm-up (also lets V8 optimise)
const seconds = []
for (let p = 0; p < passes; p++) {
  const start = process.hrtime.bigint()
  if (pass() !== hints) console.error('alex_bench: hints differ between passes')
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
}
seconds.sort((a, b) => a - b)
const median = seconds[Math.floor(seconds.length / 2)]
console.log(
  `tool=alex-${version}${reuse ? '-reused' : ''} rules=alex history=0 drafts=${drafts.length} bytes=${bytes} ` +
    `passes=${passes} median_s=${median.toFixed(6)} ` +
    `drafts_per_s=${(drafts.length / median).toFixed(1)} ` +
    `mb_per_s=${(bytes / median / 1e6).toFixed(3)} hints=${hints}`
)
