import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.scss';
// Imported before the app renders: in the browser host it moves the token out of the URL.
import './api-client';
import { App } from './App';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
