/**
 * Reaches into the database where the server keeps its read audit (the users' database: the
 * store's own by default), to make it refuse writes for real — a trigger, as an administrator or a
 * full disk would — and to try what the server never does (UPDATE, DELETE).
 */
import Database from 'better-sqlite3';
import { loadPg } from '../../support/postgres-cluster.js';

const TRIGGER = 'qa_refuse_read_audit';

async function onDatabase(storeUrl: string, sqlite: (db: Database.Database) => void, postgres: string): Promise<void> {
  const file = /^sqlite:(.+)$/.exec(storeUrl)?.[1];
  if (file) {
    const db = new Database(file);
    try {
      sqlite(db);
    } finally {
      db.close();
    }
    return;
  }
  const pg = await loadPg();
  const client = new pg.Client({ connectionString: storeUrl });
  await client.connect();
  try {
    await client.query(postgres);
  } finally {
    await client.end();
  }
}

/** Makes every new record of the read audit fail; the function returned lifts it. */
export async function refuseReadAudit(storeUrl: string): Promise<() => Promise<void>> {
  await onDatabase(
    storeUrl,
    (db) => db.exec(`CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON read_audit BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;`),
    `CREATE FUNCTION ${TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
     CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON jalon_read_audit FOR EACH ROW EXECUTE FUNCTION ${TRIGGER}();`,
  );
  return () =>
    onDatabase(
      storeUrl,
      (db) => db.exec(`DROP TRIGGER ${TRIGGER}`),
      `DROP TRIGGER ${TRIGGER} ON jalon_read_audit; DROP FUNCTION ${TRIGGER}();`,
    );
}
