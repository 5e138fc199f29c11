// The action's entry point (runs.main in action.yml).
import { run } from './action.js';

await run();
// Exit now, not when the event loop drains: a cache or registry request that timed out may
// still hold a socket open, and the step must end when the work is done. (Writes to the
// runner's pipes and files are synchronous on Linux, so nothing is lost.)
process.exit();
