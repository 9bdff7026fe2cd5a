import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './pages.css';

mount(App, { target: document.getElementById('app')! });

// The service worker keeps the app working without a network (service-worker.ts); not in `vite dev`.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
