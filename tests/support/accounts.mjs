// Accounts (shared by the HTTP and browser suites).

let uniq = 0;
/** A unique e-mail address for this run. */
export function uniqueEmail(tag = 'user') {
  return `${tag}.${process.pid}.${Date.now().toString(36)}.${++uniq}@exemple.fr`;
}
