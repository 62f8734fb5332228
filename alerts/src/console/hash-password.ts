/**
 * Prints the scrypt hash of a password for a console users file:
 *   npx tsx alerts/src/console/hash-password.ts            (asks, without echo)
 *   printf '%s' "$PASSWORD" | npx tsx alerts/src/console/hash-password.ts
 */
import { createInterface } from 'node:readline';
import { hashPassword } from './password-hash';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write('Password: ');
  // Mute the echo: readline writes typed characters through _writeToOutput.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return password;
}

const password = await readPassword();
if (password.length < 12) {
  process.stderr.write('hash-password: use at least 12 characters\n');
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
