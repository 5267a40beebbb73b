import { serveBatch } from './serve.js';

// The batch worker of the split ES module bundle (lib/worker.js) and of tsc's output.
serveBatch();
