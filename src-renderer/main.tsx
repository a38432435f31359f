import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { agentApi } from './bridge/agent';
import { connectAgent } from './bridge/connect-agent';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Electron's preload API, or web mode's WebSocket agent, or none (cache only, with a notice).
connectAgent(agentApi() ?? undefined);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
