// Password rules (密码规则) and hashing: what a new password must satisfy, checked wherever one is set.
import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { TiaoduError } from '../core/errors.ts';
import { COMMON_PASSWORDS } from './commonPasswords.ts';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes whatever it is given; a megabyte "password" would only cost the server time. */
const PASSWORD_MAX_LENGTH = 256;
/** A name this short ("li", "a") would turn the user-name rule into a ban on ordinary letters. */
const NAME_RULE_MIN_LENGTH = 3;

/** The bundled list of common passwords (commonPasswords.ts), lower-cased. */
export const commonPasswords: ReadonlySet<string> = new Set(
  COMMON_PASSWORDS.split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== ''),
);

/** The rules a password breaks, in Chinese; empty when it is acceptable. */
export function passwordProblems(name: string, password: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`不能超过 ${PASSWORD_MAX_LENGTH} 位`);
  if (/^\d+$/.test(password)) problems.push('不能全是数字');
  else if (length > 0 && new Set(password).size === 1) problems.push('不能由同一个字符重复组成');
  const lower = password.toLowerCase();
  const user = name.trim().toLowerCase();
  if (user.length >= NAME_RULE_MIN_LENGTH && lower.includes(user)) problems.push('不能包含用户名');
  if (commonPasswords.has(lower)) problems.push('是常见密码，容易被猜中');
  return problems;
}

/**
 * Throws `password.weak` (→ 400) naming every rule the password breaks.
 * @example checkPassword('xihu', 'xihu-2025') // throws: 密码不符合要求：至少 10 位；不能包含用户名
 */
export function checkPassword(name: string, password: string): void {
  const problems = passwordProblems(name, password);
  if (problems.length > 0) throw new TiaoduError('password.weak', `密码不符合要求：${problems.join('；')}`);
}

export const hashPassword = (password: string): Promise<string> =>
  argon2.hash(password, { type: argon2.argon2id });

let dummy: Promise<string> | undefined;
/**
 * A hash of a random password, made once per process with the same settings as real ones: a sign-in for
 * a name that does not exist is verified against it, so it costs the same time as a wrong password.
 */
export const dummyHash = (): Promise<string> => {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
};
