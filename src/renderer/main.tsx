// First: its calls leave before the rest of this bundle is evaluated.
import { api, queries } from './first-calls';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { ApiContext } from './api/client';
import './styles.css';

const root = document.getElementById('root')!;

if (!api) {
  root.setAttribute('data-app-state', 'error');
  root.innerHTML = '';
  const message = document.createElement('main');
  message.className = 'fatal';
  message.innerHTML = '<h1>Open the address the app printed</h1><p>Browser mode needs the address printed by <code>serve</code>, with its token.</p>';
  root.append(message);
} else {
  createRoot(root).render(
    <StrictMode>
      <ApiContext.Provider value={api}>
        <QueryClientProvider client={queries}>
          <App />
        </QueryClientProvider>
      </ApiContext.Provider>
    </StrictMode>,
  );
}
