import { contextBridge } from 'electron';
import { AGENT_API_GLOBAL, type AgentApi } from '../../src-shared/ipc/agent-api';

// Sandboxed preload: only `electron` can be required at runtime, so this file is
// bundled to a single CommonJS file with everything else inlined.
const agentApi = {
  platform: 'electron',
  versions: {
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  },
} satisfies AgentApi;

contextBridge.exposeInMainWorld(AGENT_API_GLOBAL, agentApi);
