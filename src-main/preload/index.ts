import { contextBridge, ipcRenderer } from 'electron';
import { AGENT_API_GLOBAL, type AgentApi } from '@shared/ipc/agent-api';
import { createElectronAgent } from './electron-agent';

// Sandboxed preload: only `electron` can be required at runtime, so this file is
// bundled to a single CommonJS file with everything else inlined.

const versions = { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node };
const agentApi: AgentApi = createElectronAgent(ipcRenderer, versions);

contextBridge.exposeInMainWorld(AGENT_API_GLOBAL, agentApi);
