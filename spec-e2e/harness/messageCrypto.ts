/**
 * Sailor's message encoding (lib/encryptor.js): AES-256-CBC, key = sha256(password), IV = the IV text's
 * bytes, carried as base64 text when the AMQP header protocolVersion is absent or 1.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

export class MessageCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(readonly password: string, readonly ivText: string) {
    if (Buffer.byteLength(ivText) !== 16) throw new Error(`the message IV must be exactly 16 bytes, got ${Buffer.byteLength(ivText)}`);
    this.key = createHash('sha256').update(password, 'utf8').digest();
    this.iv = Buffer.from(ivText, 'utf8');
  }

  /** JSON -> encrypted -> base64 text (protocol version 1). */
  encrypt(payload: unknown): Buffer {
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
    return Buffer.from(encrypted.toString('base64'));
  }

  /** The inverse of encrypt: base64 text -> decrypted JSON. */
  decrypt(content: Buffer | string): unknown {
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
    const encrypted = Buffer.from(content.toString(), 'base64');
    return JSON.parse(Buffer.concat([decipher.update(encrypted), decipher.final()]).toString('utf8'));
  }
}
