import type pg from 'pg';

/**
 * Runs `work` in one transaction on one pooled connection; rolls back on any error.
 *
 * While a client is checked out, the pool no longer listens for its 'error' events, and pg emits
 * one when the server ends the connection between two statements (a primary that dies sends
 * "terminating connection due to unexpected postmaster exit"): unheard, that event kills the
 * process. So we listen for as long as we hold the client. After such an error the next statement
 * fails, and a connection that failed or cannot even roll back is discarded rather than pooled.
 */
export async function inPgTransaction<T>(
  pool: pg.Pool,
  work: (tx: pg.PoolClient) => Promise<T>,
  /** Sent as one simple query, so that statements without parameters may ride with BEGIN. */
  begin = 'BEGIN',
): Promise<T> {
  const tx = await pool.connect();
  let lost = false;
  const onError = (): void => {
    lost = true;
  };
  tx.on('error', onError);
  const release = (broken: boolean): void => {
    tx.off('error', onError);
    tx.release(broken || lost);
  };
  try {
    await tx.query(begin);
    const result = await work(tx);
    await tx.query('COMMIT');
    release(false);
    return result;
  } catch (error) {
    const broken = await tx.query('ROLLBACK').then(() => false, () => true);
    release(broken);
    throw error;
  }
}
