import { useEffect } from 'react';
import { describeRuntime } from './bridge/describe-runtime';
import { SlaPreview } from './sla-preview/SlaPreview';

export function App() {
  useMarkAppReady();
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Support Agent</h1>
        <span className="runtime-badge">{describeRuntime()}</span>
      </header>
      <main className="app-main">
        <SlaPreview />
      </main>
    </div>
  );
}

/**
 * Flags #root once React has committed the first render, so end-to-end tests
 * and tooling wait for a real signal instead of guessing with timeouts.
 */
function useMarkAppReady(): void {
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-app-state', 'ready');
  }, []);
}
