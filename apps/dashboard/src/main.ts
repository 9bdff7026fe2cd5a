import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import './pages.css';
import { isLang, loadCatalog } from './lib/i18n.js';
import { locale } from './lib/locale.svelte.js';
import { route } from './lib/router.svelte.js';

// The first view opens in its language: that catalogue (French is already here) comes before the page.
const first = isLang(route.params.lang) ? route.params.lang : locale.lang;
void loadCatalog(first)
  .catch(() => undefined)
  .finally(() => mount(App, { target: document.getElementById('app')! }));

// The service worker keeps the app working without a network (service-worker.ts); not in `vite dev`.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
