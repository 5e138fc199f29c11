// The action's entry point (runs.main in action.yml).
import { run } from './action.js';
import { flushed } from './runtime.js';

await run();
// Exit now, not when the event loop drains: a cache or registry request that timed out may
// still hold a socket open, and the step must end when the work is done; but only once the log
// has reached the runner's pipe (writes to a pipe are not synchronous: exiting at once cut a
// long log).
await flushed();
process.exit();
