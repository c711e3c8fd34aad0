// Where things are: the repository, the server binary under test, the tools the
// harness starts. Shared by the other harness modules.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BIN = process.env.ATELIERS_BIN
  ? path.resolve(process.env.ATELIERS_BIN)
  : path.join(REPO_ROOT, 'build', 'ateliers');
export const PG_CLUSTER_SH = path.join(REPO_ROOT, 'tests', 'support', 'pg-cluster.sh');
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PYTHON = '/usr/bin/python3';
/** ATELIERS_TEST_KEEP: keep temporary directories (server logs, mail dirs). */
export const KEEP = !!process.env.ATELIERS_TEST_KEEP;
export const HAS_SETPRIV = fs.existsSync('/usr/bin/setpriv');
