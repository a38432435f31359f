import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectAgent } from './bridge/connect-agent';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

connectAgent(window.agent);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
