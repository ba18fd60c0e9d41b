import { describe, expect, it } from 'vitest';
import { commonPasswords, passwordProblems } from './passwords.ts';

describe('password rules', () => {
  it('accepts a password of ten characters that is not common and does not contain the name', () => {
    expect(passwordProblems('xihu', 'Qiantang-river')).toEqual([]);
  });

  it('refuses one shorter than ten characters, counting Chinese characters as one each', () => {
    expect(passwordProblems('xihu', 'Abc-12345')).toEqual(['至少 10 位']);
    expect(passwordProblems('xihu', '西湖十景断桥残雪好')).toEqual(['至少 10 位']);
    expect(passwordProblems('xihu', '西湖十景断桥残雪苏堤')).toEqual([]);
  });

  it('refuses digits only, and one character repeated', () => {
    expect(passwordProblems('xihu', '20250715123')).toEqual(['不能全是数字']);
    expect(passwordProblems('xihu', 'aaaaaaaaaaaa')).toEqual(['不能由同一个字符重复组成']);
  });

  it('refuses a password containing the user name, whatever its case', () => {
    expect(passwordProblems('Binjiang', 'my-binjiang-2025')).toEqual(['不能包含用户名']);
    // A two-letter name would forbid ordinary letters, so the rule starts at three.
    expect(passwordProblems('li', 'Lishui-river-1')).toEqual([]);
  });

  it('refuses the common passwords of Chinese and international leaks, whatever their case', () => {
    for (const p of ['woaini1314', '1qaz2wsx3edc', 'QWERTYUIOP', 'Password123', 'qq123456789', 'a123456789'])
      expect(passwordProblems('someone', p), p).toContain('是常见密码，容易被猜中');
    for (const p of ['123456789', 'a123456', '5201314', 'qq123456', '1qaz2wsx', 'woaini1314'])
      expect(commonPasswords.has(p), p).toBe(true);
    expect(commonPasswords.size).toBeGreaterThan(300);
  });

  it('names every rule broken at once', () => {
    expect(passwordProblems('x', '1314520520')).toEqual(['不能全是数字', '是常见密码，容易被猜中']);
  });
});
