// The action's entry point (runs.main in action.yml).
import { run } from './action.js';

await run();
