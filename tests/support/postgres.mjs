// PostgreSQL: one throw-away cluster per process, one fresh database per call.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onExit } from './cleanup.mjs';
import { PG_BIN, PG_CLUSTER_SH } from './paths.mjs';
import { freePort } from './processes.mjs';

let pgCluster = null; // { dir, port, users, ready: Promise }

function psql(port, sql, db = 'postgres') {
  const r = spawnSync(
    `${PG_BIN}/psql`,
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAtc', sql],
    { encoding: 'utf8', timeout: 30_000 },
  );
  if (r.status !== 0) throw new Error(`psql failed (${sql}): ${r.stderr || r.error?.message}`);
  return r.stdout;
}

async function ensureCluster() {
  if (pgCluster) {
    await pgCluster.ready;
    return pgCluster;
  }
  const cluster = { dir: null, port: 0, users: 0 };
  cluster.ready = (async () => {
    const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), `ateliers-pg-${process.pid}-`));
    cluster.dir = path.join(tmp, 'cluster');
    // postgres (not root) must traverse the mkdtemp directory.
    await fsp.chmod(tmp, 0o755);
    cluster.tmp = tmp;
    cluster.unregister = onExit(() => {
      spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
      fs.rmSync(tmp, { recursive: true, force: true });
    });
    let lastErr;
    for (let attempt = 0; attempt < 3; attempt++) {
      cluster.port = await freePort();
      const r = spawnSync(PG_CLUSTER_SH, ['start', cluster.dir, String(cluster.port)], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status === 0) return;
      lastErr = new Error(`pg-cluster.sh start failed: ${r.stderr || r.error?.message}`);
    }
    throw lastErr;
  })();
  pgCluster = cluster;
  try {
    await cluster.ready;
  } catch (e) {
    pgCluster = null;
    cluster.unregister?.();
    spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
    if (cluster.tmp) await fsp.rm(cluster.tmp, { recursive: true, force: true });
    throw e;
  }
  return cluster;
}

async function releaseCluster(cluster) {
  cluster.users -= 1;
  if (cluster.users > 0 || pgCluster !== cluster) return;
  pgCluster = null;
  cluster.unregister();
  spawnSync(PG_CLUSTER_SH, ['stop', cluster.dir], { stdio: 'ignore', timeout: 30_000 });
  await fsp.rm(cluster.tmp, { recursive: true, force: true });
}

let dbCounter = 0;

/** A fresh, empty database on a throw-away PostgreSQL 15 cluster. */
export async function startPostgres() {
  const cluster = await ensureCluster();
  cluster.users += 1;
  const name = `ateliers_t${process.pid}_${++dbCounter}`;
  try {
    psql(cluster.port, `CREATE DATABASE ${name}`);
  } catch (e) {
    await releaseCluster(cluster);
    throw e;
  }
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${cluster.port}/${name}`,
    port: cluster.port,
    database: name,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        psql(cluster.port, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } catch {
        // the cluster goes away anyway
      }
      await releaseCluster(cluster);
    },
  };
}
