import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals small secrets kept in the database (TOTP seeds) with AES-256-GCM, under a key derived
 * from `PASSERELLE_SECRET` (HKDF-SHA-256). Without a configured secret (development, demo) the
 * value is kept as `plain:…`; production always has one (the config requires it).
 */
export interface SecretBox {
  seal(plain: string): string;
  open(stored: string): string;
}

export function createSecretBox(secret: string | null, purpose = 'passerelle totp seeds v1'): SecretBox {
  const key = secret ? Buffer.from(hkdfSync('sha256', secret, 'passerelle', purpose, 32)) : null;
  return {
    seal(plain) {
      if (!key) return `plain:${plain}`;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64url')}:${data.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}`;
    },
    open(stored) {
      if (stored.startsWith('plain:')) return stored.slice(6);
      // Seeds stored before sealing existed (base32 has no colon).
      if (!stored.includes(':')) return stored;
      const [v, iv, data, tag] = stored.split(':');
      if (v !== 'v1' || !iv || !data || !tag) throw new Error('unknown sealed secret format');
      if (!key) throw new Error('PASSERELLE_SECRET is needed to read sealed secrets');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
