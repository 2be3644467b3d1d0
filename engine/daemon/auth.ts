/**
 * Registry credentials as the Engine API carries them: the X-Registry-Auth
 * header (base64url JSON of `{"username","password","serveraddress"}`) and
 * the body of POST /auth.
 */
import { decodeBase64 } from '../common/base64.ts';
import { fromUtf8 } from '../common/bytes.ts';

export interface AuthConfig {
  username?: string;
  password?: string;
  serveraddress?: string;
  identitytoken?: string;
}

/** Decodes an X-Registry-Auth value; anything unreadable is no credentials, as moby treats it. */
export function decodeAuth(header: string | null | undefined): AuthConfig {
  if (!header) return {};
  try {
    return JSON.parse(fromUtf8(decodeBase64(header))) as AuthConfig;
  } catch {
    return {};
  }
}
