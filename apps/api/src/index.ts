export { startServer, type RunningServer, type ServerOptions } from './server.js';
export { loadDemo } from './demo/load-demo.js';
export { importNdjson, ImportRefusedError, type ImportResult } from './events/import-ndjson.js';
export { addUser, UserExistsError } from './auth/add-user.js';
export { openUserStore } from './auth/open-user-store.js';
export type { StoredUser, UserStore } from './auth/user-store.js';
