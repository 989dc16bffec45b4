// Bootstrap for the Node worker thread: registers tsx so the TypeScript worker loads without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./simulate.node-worker.ts');
