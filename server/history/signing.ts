import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from './chain';

export interface Signature {
  algorithm: 'Ed25519';
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): which key signed. */
  keyId: string;
  /** Base64 of the Ed25519 signature over the canonical JSON of the document without `signature`. */
  value: string;
}

/**
 * The installation's signing key for exported replays (Ed25519). Read from a PEM file (set
 * BRANCHBOARD_SIGNING_KEY_FILE to keep it apart from the data), or made once in the data dir,
 * readable by the server's user only. The public half is served for anyone to verify with.
 */
export class ReplaySigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;

  constructor(file: string) {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    this.privateKey = createPrivateKey(readFileSync(file));
    if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: the replay signing key must be Ed25519`);
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = createHash('sha256').update(this.publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  }

  publicPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign<T extends object>(doc: T): T & { signature: Signature } {
    const value = sign(null, Buffer.from(canonicalJson(doc)), this.privateKey).toString('base64');
    return { ...doc, signature: { algorithm: 'Ed25519', keyId: this.keyId, value } };
  }

  /** Whether `doc.signature` is this installation's signature over the rest of `doc`. */
  verify(doc: { signature?: unknown } & Record<string, unknown>): boolean {
    const sig = doc.signature as Partial<Signature> | undefined;
    if (!sig || sig.algorithm !== 'Ed25519' || sig.keyId !== this.keyId || typeof sig.value !== 'string') return false;
    const { signature: _s, ...rest } = doc;
    try {
      return verify(null, Buffer.from(canonicalJson(rest)), this.publicKey, Buffer.from(sig.value, 'base64'));
    } catch {
      return false;
    }
  }
}
