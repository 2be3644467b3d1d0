/**
 * update-ca-certificates, as the ca-certificates package runs it from its
 * postinst (Debian) or trigger (Alpine): every certificate named in
 * /etc/ca-certificates.conf gets a link in /etc/ssl/certs and a link by its
 * subject hash, and /etc/ssl/certs/ca-certificates.crt is their concatenation.
 */
import type { Sys } from '../../kernel/sys.ts';
import { CA_CERTS, certificateText } from './certs.ts';
import { exists, readText, writeText } from './files.ts';

const CERTS = '/etc/ssl/certs';
const SHARE = '/usr/share/ca-certificates';

/** Links and the bundle; returns how many certificates were added and removed. */
export async function updateCaCertificates(sys: Sys, flavour: 'debian' | 'alpine'): Promise<{ added: number; removed: number }> {
  const conf = (await readText(sys, '/etc/ca-certificates.conf')) ?? '';
  const enabled = new Set(
    conf
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('!')),
  );
  const linkName = (name: string) => (flavour === 'alpine' ? `ca-cert-${name}.pem` : `${name}.pem`);
  let added = 0;
  let removed = 0;
  let bundle = '';
  for (const cert of CA_CERTS) {
    const rel = `mozilla/${cert.name}.crt`;
    const link = `${CERTS}/${linkName(cert.name)}`;
    const hash = `${CERTS}/${cert.hash}`;
    const want = enabled.has(rel) && exists(sys, `${SHARE}/${rel}`);
    if (want) {
      if (!exists(sys, link)) {
        sys.symlink(`${SHARE}/${rel}`, link);
        added++;
      }
      if (!exists(sys, hash)) sys.symlink(linkName(cert.name), hash);
      bundle += certificateText(cert);
    } else if (exists(sys, link)) {
      sys.unlink(link);
      if (exists(sys, hash)) sys.unlink(hash);
      removed++;
    }
    await sys.checkpoint();
  }
  await writeText(sys, `${CERTS}/ca-certificates.crt`, bundle || (await readText(sys, `${CERTS}/ca-certificates.crt`)) || '');
  return { added, removed };
}
